import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { ApiErrorInit, RequestSummary } from "../src/errors.js";
import {
  AccessTokenError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createApiError,
  InternalServerError,
  NotFoundError,
  OneLoginMfaError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
  UnprocessableEntityError,
} from "../src/errors.js";

const request: RequestSummary = {
  operationId: "enroll_mfa_factor",
  method: "POST",
  path: "/api/1/users/{user_id}/otp_devices",
  url: "https://acme.onelogin.com/api/1/users/42/otp_devices?otp_code=123456&page=2",
};

function init(status: number, overrides: Partial<ApiErrorInit> = {}): ApiErrorInit {
  return { status, statusText: "", body: undefined, headers: {}, request, ...overrides };
}

describe("createApiError", () => {
  const cases: [
    string,
    { given: number; want: { type: abstract new (...args: never[]) => ApiError; name: string } },
  ][] = [
    ["400", { given: 400, want: { type: BadRequestError, name: "BadRequestError" } }],
    ["401", { given: 401, want: { type: AuthenticationError, name: "AuthenticationError" } }],
    ["403", { given: 403, want: { type: PermissionDeniedError, name: "PermissionDeniedError" } }],
    ["404", { given: 404, want: { type: NotFoundError, name: "NotFoundError" } }],
    ["409", { given: 409, want: { type: ConflictError, name: "ConflictError" } }],
    ["422", { given: 422, want: { type: UnprocessableEntityError, name: "UnprocessableEntityError" } }],
    ["429", { given: 429, want: { type: RateLimitError, name: "RateLimitError" } }],
    ["500", { given: 500, want: { type: InternalServerError, name: "InternalServerError" } }],
    ["502", { given: 502, want: { type: InternalServerError, name: "InternalServerError" } }],
    ["503", { given: 503, want: { type: InternalServerError, name: "InternalServerError" } }],
    ["599", { given: 599, want: { type: InternalServerError, name: "InternalServerError" } }],
    ["402", { given: 402, want: { type: ApiError, name: "ApiError" } }],
    ["405", { given: 405, want: { type: ApiError, name: "ApiError" } }],
    ["418", { given: 418, want: { type: ApiError, name: "ApiError" } }],
    ["304", { given: 304, want: { type: ApiError, name: "ApiError" } }],
  ];

  it.each(cases)("maps status %s to its class", (_name, { given, want }) => {
    const error = createApiError(init(given));
    expect(error).toBeInstanceOf(want.type);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(OneLoginMfaError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(want.name);
    expect(error.status).toBe(given);
  });

  it.each(cases)("gives %s exactly one specific class", (_name, { given, want }) => {
    const specific = [
      BadRequestError,
      AuthenticationError,
      PermissionDeniedError,
      NotFoundError,
      ConflictError,
      UnprocessableEntityError,
      RateLimitError,
      InternalServerError,
    ];
    const matching = specific.filter((type) => createApiError(init(given)) instanceof type);
    expect(matching).toStrictEqual(want.type === ApiError ? [] : [want.type]);
  });
});

describe("ApiError", () => {
  it.each([
    [
      "a top-level message",
      {
        body: { message: "Invalid factor" },
        statusText: "Bad Request",
        want: "POST /api/1/users/{user_id}/otp_devices: 400 Bad Request — Invalid factor",
      },
    ],
    [
      "the OneLogin status envelope",
      {
        body: { status: { code: 400, message: "Device not found" } },
        statusText: "Bad Request",
        want: "POST /api/1/users/{user_id}/otp_devices: 400 Bad Request — Device not found",
      },
    ],
    [
      "a non-string message",
      {
        body: { message: 5 },
        statusText: "Bad Request",
        want: "POST /api/1/users/{user_id}/otp_devices: 400 Bad Request",
      },
    ],
    [
      "a text body",
      { body: "oops", statusText: "Bad Request", want: "POST /api/1/users/{user_id}/otp_devices: 400 Bad Request" },
    ],
    ["no reason phrase", { body: undefined, statusText: "", want: "POST /api/1/users/{user_id}/otp_devices: 400" }],
    [
      "a multi-line message",
      {
        body: { message: "a\r\nb" },
        statusText: "Bad Request",
        want: "POST /api/1/users/{user_id}/otp_devices: 400 Bad Request — a b",
      },
    ],
  ])("builds its message from %s", (_name, { body, statusText, want }) => {
    expect(createApiError(init(400, { body, statusText })).message).toBe(want);
  });

  it("truncates a long server message", () => {
    const error = createApiError(init(400, { body: { message: "x".repeat(1000) } }));
    expect(error.message.length).toBeLessThan(400);
    expect(error.message.endsWith("…")).toBe(true);
  });

  it("keeps status, body, request identity and redacted headers and URL", () => {
    const error = createApiError(
      init(404, {
        statusText: "Not Found",
        body: { message: "nope" },
        headers: {
          "content-type": "application/json",
          "set-cookie": "sid=s3cr3t",
          authorization: "Bearer leaked",
          "proxy-authorization": "Basic x",
          cookie: "a=b",
          "www-authenticate": 'Bearer realm="x"',
        },
      }),
    );
    expect(error).toMatchObject({
      status: 404,
      statusText: "Not Found",
      body: { message: "nope" },
      operationId: "enroll_mfa_factor",
      method: "POST",
      path: "/api/1/users/{user_id}/otp_devices",
      url: "https://acme.onelogin.com/api/1/users/42/otp_devices",
    });
    expect(error.headers).toStrictEqual({
      "content-type": "application/json",
      "set-cookie": "[REDACTED]",
      authorization: "[REDACTED]",
      "proxy-authorization": "[REDACTED]",
      cookie: "[REDACTED]",
      "www-authenticate": 'Bearer realm="x"',
    });
  });

  it("serializes to a safe plain object through toJSON, JSON.stringify and util.inspect", () => {
    const error = createApiError(
      init(401, {
        statusText: "Unauthorized",
        headers: { "set-cookie": "sid=s3cr3t" },
        body: { message: "Bad token" },
      }),
    );
    const json = error.toJSON();
    expect(json).toMatchObject({
      name: "AuthenticationError",
      message: "POST /api/1/users/{user_id}/otp_devices: 401 Unauthorized — Bad token",
      operationId: "enroll_mfa_factor",
      status: 401,
      headers: { "set-cookie": "[REDACTED]" },
      body: { message: "Bad token" },
    });
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual(JSON.parse(JSON.stringify(json)));
    const shown = inspect(error, { depth: Number.POSITIVE_INFINITY });
    expect(shown).toContain("AuthenticationError");
    for (const secret of ["s3cr3t", "123456"]) {
      expect(shown).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});

describe("error names", () => {
  const instances: [string, OneLoginMfaError][] = [
    ["OneLoginMfaError", new OneLoginMfaError("m")],
    ["ApiError", new ApiError(init(418))],
    ["BadRequestError", new BadRequestError(init(400) as ApiErrorInit<400>)],
    ["ConnectionError", new ConnectionError(request, new Error("ECONNREFUSED"))],
    ["TimeoutError", new TimeoutError(request, 50)],
    ["RequestAbortedError", new RequestAbortedError(request, new Error("stop"))],
    ["RequestValidationError", new RequestValidationError("op", "bad")],
    [
      "ResponseParseError",
      new ResponseParseError(request, { status: 200, headers: {}, bodyText: "{" }, new SyntaxError("x")),
    ],
    ["AccessTokenError", new AccessTokenError(request, "failed")],
  ];

  it.each(instances)("%s has a fixed name from its prototype, shown by String() and the stack", (name, error) => {
    expect(error.name).toBe(name);
    expect(Object.getOwnPropertyDescriptor(error, "name")).toBeUndefined();
    expect(String(error)).toBe(`${name}: ${error.message}`);
    expect(error.stack?.startsWith(`${name}: `)).toBe(true);
  });

  it.each(instances)("%s keeps its name when the class is renamed, as a minifier would", (name, error) => {
    Object.defineProperty(error.constructor, "name", { value: "e", configurable: true });
    try {
      expect(error.name).toBe(name);
    } finally {
      Object.defineProperty(error.constructor, "name", { value: name, configurable: true });
    }
  });
});

describe("request errors", () => {
  it("ConnectionError keeps its cause and summarizes it safely", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), {
      code: "ECONNREFUSED",
      config: { headers: { authorization: "Bearer sk-x" } },
    });
    const error = new ConnectionError(request, cause);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "POST /api/1/users/{user_id}/otp_devices: no response received — connect ECONNREFUSED 127.0.0.1:1",
    );
    expect(error.toJSON().cause).toStrictEqual({
      name: "Error",
      message: "connect ECONNREFUSED 127.0.0.1:1",
      code: "ECONNREFUSED",
    });
    expect(JSON.stringify(error)).not.toContain("sk-x");
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY })).not.toContain("sk-x");
  });

  it("TimeoutError reports the limit", () => {
    const error = new TimeoutError(request, 50);
    expect(error.message).toBe("POST /api/1/users/{user_id}/otp_devices: timed out after 50 ms");
    expect(error.timeoutMs).toBe(50);
    expect(error.toJSON()).toMatchObject({
      timeoutMs: 50,
      url: "https://acme.onelogin.com/api/1/users/42/otp_devices",
    });
  });

  it("RequestAbortedError keeps the abort reason as cause", () => {
    const reason = new Error("user navigated away");
    expect(new RequestAbortedError(request, reason).cause).toBe(reason);
  });

  it("RequestValidationError names the operation and parameter", () => {
    const error = new RequestValidationError("activate_mfa_factors", 'path parameter "user_id" is required', {
      parameter: "user_id",
    });
    expect(error.message).toBe('activate_mfa_factors: path parameter "user_id" is required');
    expect(error.toJSON()).toMatchObject({
      name: "RequestValidationError",
      operationId: "activate_mfa_factors",
      parameter: "user_id",
    });
    expect(error.url).toBeUndefined();
  });

  it("ResponseParseError keeps the body text out of its message and JSON", () => {
    const error = new ResponseParseError(
      request,
      { status: 200, headers: { "content-type": "application/json" }, bodyText: '{"mfa_token":"tok-secret' },
      new SyntaxError("Unexpected end"),
    );
    expect(error.bodyText).toBe('{"mfa_token":"tok-secret');
    expect(error.message).toBe(
      "POST /api/1/users/{user_id}/otp_devices: 200 response body is not valid JSON (24 characters)",
    );
    expect(JSON.stringify(error)).not.toContain("tok-secret");
    expect(inspect(error)).not.toContain("tok-secret");
  });

  it("omits non-Error causes from toJSON", () => {
    const error = new RequestAbortedError(request, { secret: "from-reason" });
    expect(error.toJSON().cause).toBeUndefined();
    expect(inspect(error)).not.toContain("from-reason");
  });
});
