import type { IncomingMessage } from "node:http";

/** Default request body limit: 1 MiB, far above any MFA API body and far below what hurts. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A body, or the news that it was over the limit (its bytes were read and dropped). */
export type BodyRead = { kind: "ok"; text: string } | { kind: "too-large"; limit: number };

/**
 * Reads a request body as UTF-8, keeping at most `limit` bytes in memory. A larger body is
 * still drained (so the client can read the 413 instead of seeing a reset mid-upload) but
 * never stored. A `Content-Length` over the limit is refused the same way.
 */
export async function readBodyWithin(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers["content-length"]);
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    if (tooLarge) continue;
    size += (chunk as Buffer).length;
    if (size > limit) {
      tooLarge = true;
      chunks.length = 0;
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  return tooLarge ? { kind: "too-large", limit } : { kind: "ok", text: Buffer.concat(chunks).toString("utf8") };
}
