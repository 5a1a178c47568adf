import type { IncomingMessage, ServerResponse } from "node:http";

/** Reads the whole request body as UTF-8 text (`""` when there is none). */
export async function readBodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Sends a JSON body, or an empty body when `body` is `undefined`. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    response.writeHead(status, { "content-length": "0" });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/** Whether a Content-Type header names JSON (`application/json`, `application/x+json`, with parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && /^application\/(.+\+)?json\s*(;|$)/i.test(header.trim());
}
