import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as it arrived on the wire. */
export interface SeenRequest {
  method: string;
  /** The request target: path and query string exactly as sent. */
  target: string;
  headers: IncomingHttpHeaders;
}

/** A loopback server that records every request and answers it, 401 for missing or wrong credentials. */
export interface RecordingServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Answers `{"ok":true}`, or 401 when a request carries no credential at all (no authorization,
 * no API key header, query or cookie) or one containing `wrong` (in Basic credentials once decoded), which
 * is what a real API does and lets the scenarios check what an error carries.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((request, response) => {
    const target = request.url ?? "";
    seen.push({ method: request.method ?? "", target, headers: request.headers });
    request.resume();
    const credentialed =
      request.headers.authorization !== undefined ||
      request.headers["x-api-key"] !== undefined ||
      /[?&]api_key=/.test(target) ||
      /(^|; )session=/.test(request.headers.cookie ?? "");
    const basic = /^Basic (.*)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const wrong = /wrong/.test(`${target} ${JSON.stringify(request.headers)} ${Buffer.from(basic, "base64")}`);
    const status = (credentialed || target.startsWith("/public")) && !wrong ? 200 : 401;
    const body = status === 200 ? { ok: true } : { message: "credentials required" };
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
