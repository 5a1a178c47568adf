import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** What one request looked like on the wire. */
export interface WireRequest {
  method: string;
  /** Path and query exactly as sent. */
  target: string;
  contentType: string | undefined;
  body: string;
}

/**
 * A loopback HTTP server on an ephemeral port that answers every request with `reply` as JSON and
 * keeps the last request, for checking how a generated client serialised a call.
 */
export async function startLoopback(reply: unknown = {}): Promise<{
  url: string;
  last: () => WireRequest | undefined;
  close: () => Promise<void>;
}> {
  let last: WireRequest | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      last = {
        method: request.method ?? "",
        target: request.url ?? "",
        contentType: request.headers["content-type"],
        body: Buffer.concat(chunks).toString("utf8"),
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    last: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
