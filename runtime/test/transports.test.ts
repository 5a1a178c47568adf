import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAxiosTransport } from "../src/axios-transport.js";
import { createFetchTransport } from "../src/fetch-transport.js";
import type { HttpMethod, Transport, TransportRequest, TransportResponse } from "../src/transport.js";
import type { EchoBody, TestServer } from "./support/echo-server.js";
import { refusedOrigin, startTestServer } from "./support/echo-server.js";

// The transport contract, run against a real HTTP server for both transports, plus a parity check
// that both produce identical TransportResponses for identical requests.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const transports: [string, Transport][] = [
  ["fetch", createFetchTransport()],
  ["axios", createAxiosTransport()],
];

/** A request relative to the test server, and what the response must look like. */
interface ContractCase {
  method: HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  want: {
    status: number;
    statusText: string;
    /** Header fields that must be present with exactly these values. */
    headers?: Record<string, string>;
    /** Exact body text, or a check on it. */
    bodyText?: string;
    echo?: Partial<EchoBody>;
    bodyLength?: number;
  };
}

/** Percent-encoded path segments a client must send unchanged: %2F, %3F, %23, %25, %20, é, 😀. */
const encodedPath = "/echo/a%2Fb/c%3Fd/e%23f/100%25/a%20b/caf%C3%A9/%F0%9F%98%80";
const encodedQuery = "?q=a%20b&amp=%26&plus=%2B&hash=%23&slash=%2F&pct=%25";
const largeRequestBody = JSON.stringify({ blob: "é".repeat(1_000_000) });

const contractCases: [string, ContractCase][] = [
  [
    "GET keeps an already-encoded path and query byte for byte",
    {
      method: "GET",
      path: `${encodedPath}${encodedQuery}`,
      headers: { accept: "application/json" },
      want: { status: 200, statusText: "OK", echo: { method: "GET", url: `${encodedPath}${encodedQuery}` } },
    },
  ],
  [
    "POST sends the body string and the given headers",
    {
      method: "POST",
      path: "/echo/otp_devices",
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "x-trace": "abc",
        authorization: "Bearer t0k",
      },
      body: '{"factor_id":1,"display_name":"Ünïcode ☎"}',
      want: {
        status: 200,
        statusText: "OK",
        headers: { "content-type": "application/json" },
        echo: {
          method: "POST",
          body: '{"factor_id":1,"display_name":"Ünïcode ☎"}',
          headers: {
            accept: "application/json",
            authorization: "Bearer t0k",
            "content-length": String(Buffer.byteLength('{"factor_id":1,"display_name":"Ünïcode ☎"}')),
            "content-type": "application/json",
            "x-trace": "abc",
          },
        },
      },
    },
  ],
  [
    "PUT with a body",
    {
      method: "PUT",
      path: "/echo/put",
      headers: { accept: "application/json", "content-type": "text/plain" },
      body: "plain",
      want: { status: 200, statusText: "OK", echo: { method: "PUT", body: "plain" } },
    },
  ],
  [
    "PATCH with a body",
    {
      method: "PATCH",
      path: "/echo/patch",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: "{}",
      want: { status: 200, statusText: "OK", echo: { method: "PATCH", body: "{}" } },
    },
  ],
  [
    "DELETE without a body",
    {
      method: "DELETE",
      path: "/echo/otp_devices/7",
      headers: { accept: "application/json" },
      want: { status: 200, statusText: "OK", echo: { method: "DELETE", body: "" } },
    },
  ],
  [
    "HEAD yields an empty body",
    {
      method: "HEAD",
      path: "/echo/head",
      headers: { accept: "application/json" },
      want: { status: 200, statusText: "OK", bodyText: "" },
    },
  ],
  [
    "a 4xx status resolves with its body",
    {
      method: "GET",
      path: "/status/404",
      headers: { accept: "application/json" },
      want: {
        status: 404,
        statusText: "Not Found",
        headers: { "content-type": "application/json" },
        bodyText: '{"status":{"error":true,"code":404,"type":"error","message":"Server says 404"}}',
      },
    },
  ],
  [
    "a 5xx status resolves with its body",
    {
      method: "POST",
      path: "/status/503",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: "{}",
      want: { status: 503, statusText: "Service Unavailable" },
    },
  ],
  [
    "a non-2xx status on the echo route",
    {
      method: "POST",
      path: "/echo/x",
      headers: { accept: "application/json", "x-respond-status": "422", "content-type": "application/json" },
      body: '{"a":1}',
      want: { status: 422, statusText: "Unprocessable Entity", echo: { body: '{"a":1}' } },
    },
  ],
  [
    "204 has an empty body",
    { method: "DELETE", path: "/empty/204", want: { status: 204, statusText: "No Content", bodyText: "" } },
  ],
  [
    "200 with content-length 0 has an empty body",
    {
      method: "GET",
      path: "/empty/200",
      want: { status: 200, statusText: "OK", bodyText: "", headers: { "content-length": "0" } },
    },
  ],
  [
    "a 3 MB response arrives whole",
    { method: "GET", path: "/large/3000000", want: { status: 200, statusText: "OK", bodyLength: 3_000_000 } },
  ],
  [
    "a 2 MB request body arrives whole",
    {
      method: "POST",
      path: "/echo/large",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: largeRequestBody,
      want: { status: 200, statusText: "OK", echo: { body: largeRequestBody } },
    },
  ],
  [
    "non-ASCII response text is decoded as UTF-8",
    { method: "GET", path: "/text", want: { status: 200, statusText: "OK", bodyText: "héllo wörld 🙂" } },
  ],
  [
    "repeated header fields are joined with a comma",
    {
      method: "GET",
      path: "/repeated-headers",
      want: {
        status: 200,
        statusText: "OK",
        headers: { "set-cookie": "a=1; Path=/, b=2; Path=/", "x-multi": "one, two" },
      },
    },
  ],
  [
    "a JSON content type is not parsed by the transport",
    { method: "GET", path: "/invalid-json", want: { status: 200, statusText: "OK", bodyText: "{not json" } },
  ],
  [
    "a chunked response is reassembled and hop-by-hop fields are dropped",
    {
      method: "GET",
      path: "/chunked",
      want: { status: 200, statusText: "OK", bodyText: "first,second", headers: { "content-type": "text/plain" } },
    },
  ],
];

function requestFor(testCase: ContractCase): TransportRequest {
  return {
    method: testCase.method,
    url: `${server.origin}${testCase.path}`,
    headers: testCase.headers ?? {},
    body: testCase.body,
  };
}

describe.each(transports)("%s transport contract", (_name, transport) => {
  it.each(contractCases)("%s", async (_title, testCase) => {
    const response = await transport(requestFor(testCase));
    const { want } = testCase;

    expect(response.status).toBe(want.status);
    expect(response.statusText).toBe(want.statusText);
    expect(response.headers).toMatchObject(want.headers ?? {});
    for (const name of Object.keys(response.headers)) expect(name).toBe(name.toLowerCase());
    for (const hopByHop of ["connection", "keep-alive", "transfer-encoding"])
      expect(response.headers).not.toHaveProperty(hopByHop);
    if (want.bodyText !== undefined) expect(response.bodyText).toBe(want.bodyText);
    if (want.bodyLength !== undefined) expect(response.bodyText).toHaveLength(want.bodyLength);
    if (want.echo !== undefined) expect(JSON.parse(response.bodyText)).toMatchObject(want.echo);
  });

  it("rejects with the signal's reason when aborted mid-request", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    const pending = transport({ method: "GET", url: `${server.origin}/hang`, headers: {}, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
  });

  it("rejects with the signal's reason when the signal was aborted before the call", async () => {
    const reason = new Error("already aborted");
    const countBefore = server.received.length;
    await expect(
      transport({ method: "GET", url: `${server.origin}/echo/never`, headers: {}, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    expect(server.received.slice(countBefore).some((request) => request.url === "/echo/never")).toBe(false);
  });

  it("rejects when the connection is refused, without credentials in the error", async () => {
    const origin = await refusedOrigin();
    const failure = await transport({
      method: "POST",
      url: `${origin}/api/1/users/1/otp_devices`,
      headers: { authorization: "Bearer sk-very-secret", "content-type": "application/json" },
      body: '{"otp":"body-secret"}',
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    const shown = `${inspect(failure, { depth: 10 })} ${JSON.stringify(failure)}`;
    expect(shown).not.toContain("sk-very-secret");
    expect(shown).not.toContain("body-secret");
  });
});

describe("fetch and axios transports", () => {
  async function both(request: TransportRequest): Promise<[TransportResponse, TransportResponse]> {
    const [[, first], [, second]] = transports as [[string, Transport], [string, Transport]];
    return [await first(request), await second(request)];
  }

  it.each(contractCases)("produce identical responses: %s", async (_title, testCase) => {
    const [fromFetch, fromAxios] = await both(requestFor(testCase));
    expect(fromAxios).toStrictEqual(fromFetch);
  });
});
