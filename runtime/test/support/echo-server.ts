import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** What the server saw of one request. */
export interface ReceivedRequest {
  method: string;
  /** The raw request target exactly as sent (`req.url`), never decoded. */
  url: string;
  /** All request headers, lower-case. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The JSON body of `/echo/*` responses. */
export interface EchoBody {
  method: string;
  url: string;
  /** Only headers both transports send identically: the ones the test chose. */
  headers: Record<string, string>;
  body: string;
}

/** A test HTTP server on 127.0.0.1 with a fixed set of routes. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, in order. */
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/** Headers echoed back by `/echo/*`: those a client sets deliberately, not library defaults like user-agent. */
function isEchoedHeader(name: string): boolean {
  return (
    name.startsWith("x-") || ["accept", "authorization", "content-type", "content-length", "cookie"].includes(name)
  );
}

/**
 * Routes (matched on the raw path):
 * - `/echo/...`          200 JSON {@link EchoBody}; status from the `x-respond-status` request header if present
 * - `/status/<code>`     that status with a OneLogin-style JSON error body (401 adds www-authenticate and set-cookie)
 * - `/empty/<code>`      that status, no body (content-length 0 unless 204/304)
 * - `/large/<bytes>`     200 text/plain of that many bytes
 * - `/text`              200 text/plain with non-ASCII text
 * - `/repeated-headers`  200 with two `set-cookie` and two `x-multi` fields
 * - `/invalid-json`      200 application/json whose body is not JSON
 * - `/chunked`           200 text/plain sent with chunked transfer coding
 * - `/hang`              never answers
 */
export async function startTestServer(): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    // Responses must not differ between two identical requests, so no Date header.
    res.sendDate = false;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const request: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: { ...req.headers },
        body,
      };
      received.push(request);
      route(req, res, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, request: ReceivedRequest): void {
  const path = request.url.split("?", 1)[0] ?? "";
  const [, first = "", second = ""] = path.split("/");
  switch (first) {
    case "echo": {
      const headers: Record<string, string> = {};
      // Sorted: the two HTTP stacks write header fields in different orders.
      for (const [name, value] of Object.entries(req.headers).sort(([a], [b]) => a.localeCompare(b))) {
        if (isEchoedHeader(name) && value !== undefined)
          headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const echo: EchoBody = { method: request.method, url: request.url, headers, body: request.body };
      const status = Number(req.headers["x-respond-status"] ?? 200);
      sendText(res, status, "application/json", JSON.stringify(echo));
      break;
    }
    case "status": {
      const status = Number(second);
      const body = { status: { error: true, code: status, type: "error", message: `Server says ${status}` } };
      if (status === 401) {
        res.setHeader("www-authenticate", 'Bearer realm="onelogin", error="invalid_token"');
        res.setHeader("set-cookie", "session=cookie-secret; HttpOnly");
      }
      sendText(res, status, "application/json", JSON.stringify(body));
      break;
    }
    case "empty":
      res.statusCode = Number(second);
      res.end();
      break;
    case "large":
      sendText(res, 200, "text/plain; charset=utf-8", "x".repeat(Number(second)));
      break;
    case "text":
      sendText(res, 200, "text/plain; charset=utf-8", "héllo wörld 🙂");
      break;
    case "repeated-headers":
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.setHeader("x-multi", ["one", "two"]);
      sendText(res, 200, "text/plain", "ok");
      break;
    case "invalid-json":
      sendText(res, 200, "application/json", "{not json");
      break;
    case "chunked":
      // No content-length, so Node sends `transfer-encoding: chunked`.
      res.statusCode = 200;
      res.setHeader("content-type", "text/plain");
      res.write("first,");
      res.end("second");
      break;
    case "hang":
      // Never answers; the server's close() tears the connection down.
      break;
    default:
      sendText(res, 404, "text/plain", "no such route");
  }
}

function sendText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.statusCode = status;
  res.setHeader("content-type", contentType);
  res.setHeader("content-length", Buffer.byteLength(text));
  res.end(text);
}

/** An origin on which nothing listens: a port that was just bound and released. */
export async function refusedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
