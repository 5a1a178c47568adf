import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createAxiosTransport } from "../src/axios-transport.js";
import { serializeBody } from "../src/body.js";
import type { ClientOptions, RequestOptions } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import {
  AccessTokenError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
} from "../src/errors.js";
import { createFetchTransport } from "../src/fetch-transport.js";
import type { OperationDescriptor } from "../src/operation.js";
import { formQuery } from "../src/query-params.js";
import type { Transport, TransportRequest, TransportResponse } from "../src/transport.js";
import type { EchoBody, TestServer } from "./support/echo-server.js";
import { refusedOrigin, startTestServer } from "./support/echo-server.js";
import { MultiFactorAuthenticationV1Api, MultiFactorAuthenticationV1AxiosApi } from "./support/sample-api.js";

const DEFAULT_BASE_URL = "https://your-api-subdomain.onelogin.com";

function operation(overrides: Partial<OperationDescriptor> = {}): OperationDescriptor {
  return {
    operationId: "enroll_mfa_factor",
    method: "POST",
    path: "/api/1/users/{user_id}/otp_devices",
    pathParams: { user_id: 42 },
    body: serializeBody("enroll_mfa_factor", { factor_id: 1, display_name: "Phone", number: "+15555550100" }, true),
    security: [["OAuth2"]],
    responses: { "200": "application/json", "400": "application/json", "401": "application/json" },
    ...overrides,
  };
}

function response(
  status: number,
  bodyText = "",
  headers: Record<string, string> = {},
  statusText = "",
): TransportResponse {
  return { status, statusText, headers, bodyText };
}

/** A transport that records requests and answers from a function. */
function recordingTransport(
  answer: (request: TransportRequest) => TransportResponse | Promise<TransportResponse> = () => response(200),
) {
  const requests: TransportRequest[] = [];
  const transport: Transport = async (request) => {
    requests.push(request);
    return answer(request);
  };
  return { transport, requests };
}

/** A client over `transport` with the spec's default server, and its one verb. */
function core(options: ClientOptions, transport: Transport) {
  const client = makeClient(options, transport, { url: DEFAULT_BASE_URL });
  return { request: <T>(op: OperationDescriptor, opts?: RequestOptions) => request<T>(client, op, opts) };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("ClientCore request building", () => {
  it("sends method, URL, headers and body to the transport", async () => {
    const { transport, requests } = recordingTransport();
    await core({ accessToken: "tok", headers: { "X-Client": "c" } }, transport).request(
      operation({ query: formQuery("enroll_mfa_factor", { page: 2 }), headers: { "x-param": "p" } }),
      { headers: { "x-request": "r" } },
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: "POST",
      url: `${DEFAULT_BASE_URL}/api/1/users/42/otp_devices?page=2`,
      headers: {
        accept: "application/json",
        authorization: "Bearer tok",
        "content-type": "application/json",
        "x-client": "c",
        "x-param": "p",
        "x-request": "r",
      },
      body: '{"factor_id":1,"display_name":"Phone","number":"+15555550100"}',
    });
  });

  it("prefers options.baseUrl over the spec default", async () => {
    const { transport, requests } = recordingTransport();
    await core({ baseUrl: "https://acme.onelogin.com/" }, transport).request(operation());
    expect(requests[0]?.url).toBe("https://acme.onelogin.com/api/1/users/42/otp_devices");
  });

  it("sends no body and no content-type when the operation has none", async () => {
    const { transport, requests } = recordingTransport();
    await core({ headers: { "content-type": "application/json" } }, transport).request(
      operation({ method: "GET", body: undefined }),
    );
    expect(requests[0]?.body).toBeUndefined();
    expect(requests[0]?.headers).not.toHaveProperty("content-type");
  });

  it("copies client options at construction", async () => {
    const { transport, requests } = recordingTransport();
    const options: ClientOptions = { headers: { "x-a": "1" }, baseUrl: "https://one.test" };
    const client = core(options, transport);
    options.headers = { "x-a": "2" };
    options.baseUrl = "https://two.test";
    await client.request(operation());
    expect(requests[0]?.headers["x-a"]).toBe("1");
    expect(requests[0]?.url.startsWith("https://one.test/")).toBe(true);
  });

  const invalidCalls: [
    string,
    { given: { operation: OperationDescriptor; options?: RequestOptions; client?: ClientOptions }; want: RegExp },
  ][] = [
    [
      "a missing path parameter",
      {
        given: { operation: operation({ pathParams: {} }) },
        want: /enroll_mfa_factor: path parameter "user_id" is required/,
      },
    ],
    [
      "an invalid header",
      { given: { operation: operation(), options: { headers: { "x-a": "a\nb" } } }, want: /header "x-a"/ },
    ],
    [
      "a negative timeout",
      { given: { operation: operation(), options: { timeoutMs: -1 } }, want: /timeoutMs must be/ },
    ],
    [
      "a NaN client timeout",
      { given: { operation: operation(), client: { timeoutMs: Number.NaN } }, want: /timeoutMs must be/ },
    ],
    [
      "a token with a line break",
      { given: { operation: operation(), client: { accessToken: "sk-line\nbreak" } }, want: /header "authorization"/ },
    ],
  ];

  it.each(invalidCalls)(
    "rejects %s with RequestValidationError before calling the transport",
    async (_name, { given, want }) => {
      const { transport, requests } = recordingTransport();
      const error = await failureOf(core(given.client ?? {}, transport).request(given.operation, given.options));
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as Error).message).toMatch(want);
      expect((error as Error).message).not.toContain("sk-line");
      expect(requests).toHaveLength(0);
    },
  );
});

describe("ClientCore authorization", () => {
  const cases: [
    string,
    {
      given: {
        client: ClientOptions;
        security: OperationDescriptor["security"];
        requestHeaders?: Record<string, string>;
      };
      want: string | undefined;
    },
  ][] = [
    [
      "a fixed token on a secured operation",
      { given: { client: { accessToken: "tok" }, security: [["OAuth2"]] }, want: "Bearer tok" },
    ],
    [
      "a provider on a secured operation",
      { given: { client: { accessToken: async () => "fresh" }, security: [["OAuth2"]] }, want: "Bearer fresh" },
    ],
    ["a token on a public operation", { given: { client: { accessToken: "tok" }, security: [] }, want: undefined }],
    [
      "default authorization headers on a public operation",
      { given: { client: { headers: { Authorization: "Basic x" } }, security: [] }, want: undefined },
    ],
    ["no token on a secured operation", { given: { client: {}, security: [["OAuth2"]] }, want: undefined }],
    [
      "a caller's header when no token is configured",
      {
        given: { client: {}, security: [["OAuth2"]], requestHeaders: { authorization: "Bearer own" } },
        want: "Bearer own",
      },
    ],
    [
      "a configured token over a caller's header",
      {
        given: {
          client: { accessToken: "tok" },
          security: [["OAuth2"]],
          requestHeaders: { authorization: "Bearer own" },
        },
        want: "Bearer tok",
      },
    ],
  ];

  it.each(cases)("%s", async (_name, { given, want }) => {
    const { transport, requests } = recordingTransport();
    const options = given.requestHeaders === undefined ? {} : { headers: given.requestHeaders };
    await core(given.client, transport).request(operation({ security: given.security }), options);
    expect(requests[0]?.headers.authorization).toBe(want);
  });

  it("asks the provider on every request, so refreshed tokens are used", async () => {
    const { transport, requests } = recordingTransport();
    let issued = 0;
    const client = core({ accessToken: () => `token-${++issued}` }, transport);
    await client.request(operation());
    await client.request(operation());
    expect(requests.map((request) => request.headers.authorization)).toStrictEqual([
      "Bearer token-1",
      "Bearer token-2",
    ]);
  });

  it("reports a failing provider as AccessTokenError without sending", async () => {
    const { transport, requests } = recordingTransport();
    const cause = new Error("token endpoint down");
    const error = await failureOf(core({ accessToken: () => Promise.reject(cause) }, transport).request(operation()));
    expect(error).toBeInstanceOf(AccessTokenError);
    expect((error as AccessTokenError).cause).toBe(cause);
    expect(requests).toHaveLength(0);
  });
});

describe("ClientCore response handling", () => {
  const json = { "content-type": "application/json" };
  const cases: [
    string,
    {
      given: { responses?: OperationDescriptor["responses"]; response: TransportResponse };
      want: { data: unknown } | { error: abstract new (...args: never[]) => Error; body?: unknown; status?: number };
    },
  ][] = [
    ["2xx JSON is parsed", { given: { response: response(200, '{"data":[1]}', json) }, want: { data: { data: [1] } } }],
    [
      "2xx JSON without content-type is parsed when declared JSON",
      { given: { response: response(200, '{"a":1}') }, want: { data: { a: 1 } } },
    ],
    ["2xx empty body is undefined", { given: { response: response(200, "", json) }, want: { data: undefined } }],
    ["204 is undefined", { given: { responses: { "204": null }, response: response(204) }, want: { data: undefined } }],
    [
      "2xx declared without body keeps non-JSON text",
      {
        given: { responses: { "200": null }, response: response(200, "OK", { "content-type": "text/plain" }) },
        want: { data: "OK" },
      },
    ],
    [
      "2xx text/plain is text",
      {
        given: {
          responses: { "200": "text/plain" },
          response: response(200, "hello", { "content-type": "text/plain" }),
        },
        want: { data: "hello" },
      },
    ],
    [
      "2xx matched by a range",
      { given: { responses: { "2XX": "application/json" }, response: response(201, "[1]") }, want: { data: [1] } },
    ],
    [
      "2xx undeclared is still returned",
      { given: { responses: {}, response: response(202, "accepted") }, want: { data: "accepted" } },
    ],
    [
      "2xx invalid JSON is a ResponseParseError",
      { given: { response: response(200, "{oops", json) }, want: { error: ResponseParseError, status: 200 } },
    ],
    [
      "400 JSON is a BadRequestError with the parsed body",
      {
        given: { response: response(400, '{"message":"bad"}', json, "Bad Request") },
        want: { error: BadRequestError, body: { message: "bad" }, status: 400 },
      },
    ],
    [
      "401 is an AuthenticationError",
      {
        given: { response: response(401, '{"status":{"message":"Authentication Failure"}}', json) },
        want: { error: AuthenticationError, status: 401 },
      },
    ],
    [
      "404 via the 4XX range",
      {
        given: { responses: { "4XX": "application/json" }, response: response(404, '{"a":1}') },
        want: { error: NotFoundError, body: { a: 1 } },
      },
    ],
    [
      "429 is a RateLimitError",
      {
        given: { response: response(429, "", { "retry-after": "2" }) },
        want: { error: RateLimitError, body: undefined },
      },
    ],
    [
      "5xx HTML is an InternalServerError with the text",
      {
        given: {
          responses: { default: "application/json" },
          response: response(502, "<html>bad gateway</html>", { "content-type": "text/html" }),
        },
        want: { error: InternalServerError, body: "<html>bad gateway</html>" },
      },
    ],
    [
      "an error body that is not valid JSON stays text",
      { given: { response: response(400, "{oops", json) }, want: { error: BadRequestError, body: "{oops" } },
    ],
    [
      "an unmapped status is a plain ApiError",
      { given: { response: response(418, "teapot") }, want: { error: ApiError, body: "teapot", status: 418 } },
    ],
    [
      "a 3xx that reaches the core is an ApiError",
      { given: { response: response(304) }, want: { error: ApiError, status: 304 } },
    ],
  ];

  it.each(cases)("%s", async (_name, { given, want }) => {
    const { transport } = recordingTransport(() => given.response);
    const op = given.responses === undefined ? operation() : operation({ responses: given.responses });
    const result = core({}, transport).request(op);
    if ("data" in want) {
      await expect(result).resolves.toStrictEqual({
        data: want.data,
        status: given.response.status,
        headers: given.response.headers,
      });
      return;
    }
    const error = await failureOf(result);
    expect(error).toBeInstanceOf(want.error);
    if (want.error === ApiError) expect((error as ApiError).name).toBe("ApiError");
    if ("body" in want) expect((error as ApiError).body).toStrictEqual(want.body);
    if (want.status !== undefined) expect((error as ApiError).status).toBe(want.status);
    expect(error).toMatchObject({
      operationId: "enroll_mfa_factor",
      method: "POST",
      path: "/api/1/users/{user_id}/otp_devices",
    });
  });

  it("returns response headers", async () => {
    const { transport } = recordingTransport(() =>
      response(200, "{}", { "content-type": "application/json", "x-rate-limit-remaining": "9" }),
    );
    const result = await core({}, transport).request(operation());
    expect(result.headers["x-rate-limit-remaining"]).toBe("9");
  });
});

describe("ClientCore timeouts and cancellation with a fake transport", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Never answers and ignores its signal, like a badly behaved injected fetch. */
  const unresponsive: Transport = () => new Promise<never>(() => {});

  it("times out even when the transport ignores its signal", async () => {
    const error = await failureOf(core({ timeoutMs: 30 }, unresponsive).request(operation()));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      timeoutMs: 30,
      message: "POST /api/1/users/{user_id}/otp_devices: timed out after 30 ms",
    });
  });

  it("per-request timeoutMs overrides the client's", async () => {
    const error = await failureOf(core({ timeoutMs: 60_000 }, unresponsive).request(operation(), { timeoutMs: 20 }));
    expect(error).toMatchObject({ name: "TimeoutError", timeoutMs: 20 });
  });

  it("a caller abort is a RequestAbortedError carrying the reason, even with a timeout set", async () => {
    const controller = new AbortController();
    const reason = new Error("navigated away");
    const pending = core({ timeoutMs: 60_000 }, unresponsive).request(operation(), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 10);
    const error = await failureOf(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toBe(reason);
  });

  it("an already aborted signal fails without calling the transport", async () => {
    const { transport, requests } = recordingTransport();
    const error = await failureOf(core({}, transport).request(operation(), { signal: AbortSignal.abort("early") }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(requests).toHaveLength(0);
  });

  it("a signal aborted while the token provider runs stops the request before sending", async () => {
    const { transport, requests } = recordingTransport();
    const controller = new AbortController();
    const provider = async () => {
      controller.abort("while authorizing");
      return "tok";
    };
    const error = await failureOf(
      core({ accessToken: provider }, transport).request(operation(), { signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(requests).toHaveLength(0);
  });

  it.each([
    ["0", 0],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("timeoutMs %s means no timeout and no timer", async (_name, timeoutMs) => {
    vi.useFakeTimers();
    const { transport, requests } = recordingTransport((request) => {
      // The call's own signal, which only the caller could abort.
      expect(request.signal?.aborted).toBe(false);
      expect(vi.getTimerCount()).toBe(0);
      return response(200);
    });
    await core({ timeoutMs }, transport).request(operation());
    expect(requests).toHaveLength(1);
  });

  it("passes one signal that fires for the timeout and clears the timer afterwards", async () => {
    vi.useFakeTimers();
    let seen: AbortSignal | undefined;
    const { transport } = recordingTransport((request) => {
      seen = request.signal;
      expect(vi.getTimerCount()).toBe(1);
      return response(200);
    });
    await core({ timeoutMs: 1000 }, transport).request(operation(), { signal: new AbortController().signal });
    expect(seen).toBeInstanceOf(AbortSignal);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a transport failure is a ConnectionError keeping the cause", async () => {
    const cause = new TypeError("fetch failed");
    const error = await failureOf(core({}, () => Promise.reject(cause)).request(operation()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(cause);
  });
});

const transports: [string, Transport][] = [
  ["fetch", createFetchTransport()],
  ["axios", createAxiosTransport()],
];

describe.each(transports)("ClientCore over the real %s transport", (_name, transport) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function client(options: ClientOptions = {}) {
    return core({ baseUrl: server.origin, ...options }, transport);
  }

  it("delivers tricky path values as single intact segments", async () => {
    const deviceId = "a/b?c#d%e f é 😀";
    const result = await client().request<EchoBody>(
      operation({
        path: "/echo/users/{user_id}/devices/{device_id}",
        pathParams: { user_id: 7, device_id: deviceId },
        query: formQuery("enroll_mfa_factor", { q: "x y&z" }),
      }),
    );
    const url = result.data.url;
    expect(url).toBe("/echo/users/7/devices/a%2Fb%3Fc%23d%25e%20f%20%C3%A9%20%F0%9F%98%80?q=x%20y%26z");
    const segments = (url.split("?")[0] ?? "").split("/");
    expect(segments).toHaveLength(6);
    expect(decodeURIComponent(segments[5] ?? "")).toBe(deviceId);
  });

  it("times out against a server that never answers", async () => {
    const started = Date.now();
    const error = await failureOf(client({ timeoutMs: 50 }).request(operation({ path: "/hang", pathParams: {} })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("distinguishes a caller abort from the timeout", async () => {
    const controller = new AbortController();
    const pending = client({ timeoutMs: 10_000 }).request(operation({ path: "/hang", pathParams: {} }), {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const error = await failureOf(pending);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it("maps a refused connection to ConnectionError", async () => {
    const origin = await refusedOrigin();
    const error = await failureOf(client({ baseUrl: origin, accessToken: "sk-very-secret" }).request(operation()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBeInstanceOf(Error);
    for (const shown of [
      inspect(error, { depth: 10 }),
      inspect((error as Error).cause, { depth: 10 }),
      JSON.stringify(error),
    ]) {
      expect(shown).not.toContain("sk-very-secret");
    }
  });

  it("keeps the access token and request body out of a 401 error however it is shown", async () => {
    const secrets = ["sk-very-secret", "body-otp-987654", "query-otp-123456", "cookie-secret"];
    const error = await failureOf(
      client({ accessToken: "sk-very-secret" }).request(
        operation({
          operationId: "verify_mfa_factor",
          path: "/status/{code}",
          pathParams: { code: 401 },
          query: formQuery("verify_mfa_factor", { otp_token: "query-otp-123456" }),
          body: serializeBody("verify_mfa_factor", { state_token: "st", otp_token: "body-otp-987654" }),
        }),
      ),
    );

    // The token and body really were sent, so their absence below means something.
    const sent = server.received.at(-1);
    expect(sent?.headers.authorization).toBe("Bearer sk-very-secret");
    expect(sent?.body).toContain("body-otp-987654");

    expect(error).toBeInstanceOf(AuthenticationError);
    const apiError = error as AuthenticationError;
    expect(apiError.message).toBe("POST /status/{code}: 401 Unauthorized — Server says 401");
    expect(apiError.headers["set-cookie"]).toBe("[REDACTED]");
    expect(apiError.headers["www-authenticate"]).toBe('Bearer realm="onelogin", error="invalid_token"');
    expect(apiError.url).toBe(`${server.origin}/status/401`);
    const renderings = [
      apiError.message,
      String(apiError),
      JSON.stringify(apiError),
      inspect(apiError, { depth: Number.POSITIVE_INFINITY }),
      apiError.stack ?? "",
    ];
    for (const rendering of renderings) {
      for (const secret of secrets) expect(rendering).not.toContain(secret);
    }
  });
});

describe("generated API class shape", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it("fetch flavour: calls through the core with an injected fetch", async () => {
    const calls: string[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const api = new MultiFactorAuthenticationV1Api({
      baseUrl: `${server.origin}/echo`,
      accessToken: () => "tok",
      fetch: countingFetch,
    });
    const data = (await api.activateMfaFactors({
      userId: 9,
      deviceId: "dev/1",
      body: { numeric_sms_otp: true },
    })) as unknown as EchoBody;
    expect(calls).toStrictEqual([`${server.origin}/echo/api/1/users/9/otp_devices/dev%2F1/trigger`]);
    expect(data).toMatchObject({
      method: "POST",
      url: "/echo/api/1/users/9/otp_devices/dev%2F1/trigger",
      headers: { authorization: "Bearer tok", "content-type": "application/json", accept: "application/json" },
      body: '{"numeric_sms_otp":true}',
    });
  });

  it("fetch flavour: an operation declared without a response body resolves to undefined", async () => {
    // The /empty/<status> route ignores the rest of the path.
    const api = new MultiFactorAuthenticationV1Api({ baseUrl: `${server.origin}/empty/200` });
    const raw = await api.removeMfaFactorsRaw({ userId: 1, deviceId: "d" });
    expect(raw).toMatchObject({ data: undefined, status: 200 });
    expect(server.received.at(-1)).toMatchObject({ method: "DELETE", url: "/empty/200/api/1/users/1/otp_devices/d" });
  });

  it("an operation rejects a body it cannot serialize, without throwing and before sending", async () => {
    const before = server.received.length;
    const api = new MultiFactorAuthenticationV1Api({ baseUrl: `${server.origin}/echo`, accessToken: "tok" });
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = api.verifyMfaFactor({ userId: 1, deviceId: "d", body: { otp_token: 1n } as never });
    }).not.toThrow();
    const error = await failureOf(pending as Promise<unknown>);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toMatch(/^verify_mfa_factor: request body cannot be serialized as JSON/);
    expect(server.received).toHaveLength(before);
  });

  it("axios flavour: errors carry the operation", async () => {
    const api = new MultiFactorAuthenticationV1AxiosApi({ baseUrl: `${server.origin}/echo`, accessToken: "tok" });
    const ok = await api.verifyMfaFactor({ userId: 1, deviceId: "d", body: { otp_token: "1" } });
    expect(ok).toMatchObject({ method: "POST", url: "/echo/api/1/users/1/otp_devices/d/verify" });

    const error = await failureOf(
      api.verifyMfaFactor({ userId: 1, deviceId: "d" }, { headers: { "x-respond-status": "400" } }),
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ operationId: "verify_mfa_factor", status: 400 });
  });
});
