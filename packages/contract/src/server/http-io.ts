import type { ServerResponse } from "node:http";

/** Sends a JSON body, or an empty body when `body` is `undefined`, with any extra headers. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (body === undefined) {
    response.writeHead(status, { ...headers, "content-length": "0" });
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/** Whether a Content-Type header names JSON (`application/json`, `application/x+json`, with parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && /^application\/(.+\+)?json\s*(;|$)/i.test(header.trim());
}
