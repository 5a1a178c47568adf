import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Response headers a browser page may read. Without this list a page's fetch sees only the
 * CORS-safelisted ones (Fetch standard §3.2.3) and, for example, a client could never
 * honour `Retry-After`.
 */
const EXPOSED_HEADERS = "retry-after, content-length, date, allow";

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Adds the CORS headers to an answer for a request that came from a page (it has an
 * `Origin`). The fake allows any origin, because it only ever listens on 127.0.0.1 and
 * exists to be called from test pages served on other ports.
 */
export function applyCorsHeaders(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  response.setHeader("access-control-allow-origin", origin);
  response.setHeader("access-control-expose-headers", EXPOSED_HEADERS);
  response.setHeader("vary", "Origin");
}

/** Whether a request is a CORS preflight rather than an API call with method OPTIONS. */
export function isPreflight(request: IncomingMessage): boolean {
  return (
    request.method === "OPTIONS" &&
    request.headers.origin !== undefined &&
    request.headers["access-control-request-method"] !== undefined
  );
}

/**
 * Answers a preflight with 204: the requested method and whatever request headers the page
 * asked for (the clients send `authorization`, `content-type` and per-call headers of the
 * caller's choosing, so a fixed list would reject legitimate calls).
 */
export function answerPreflight(request: IncomingMessage, response: ServerResponse): void {
  const method = String(request.headers["access-control-request-method"]);
  const headers: Record<string, string> = {
    "access-control-allow-methods": method,
    "access-control-max-age": String(PREFLIGHT_MAX_AGE_SECONDS),
    "content-length": "0",
  };
  const requested = request.headers["access-control-request-headers"];
  if (requested !== undefined) headers["access-control-allow-headers"] = requested;
  response.writeHead(204, headers);
  response.end();
}
