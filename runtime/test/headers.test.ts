import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../src/errors.js";
import { headerParams } from "../src/header-params.js";
import type { HeaderSources } from "../src/headers.js";
import { assertValidHeaders, buildRequestHeaders, mergeHeaders } from "../src/headers.js";

/** What a call of get_mfa_factors gives: header sources, its header and cookie parameters among them. */
type Given = Omit<HeaderSources, "operationHeaders"> & { operation: Parameters };
type Parameters = { headers: Record<string, unknown>; cookies: Record<string, unknown> };

function operation(headers: Record<string, unknown> = {}, cookies: Record<string, unknown> = {}): Parameters {
  return { headers, cookies };
}

/** The generated code's steps: serialize the parameters, then assemble the headers. */
function build({ operation: parameters, ...sources }: Given): Record<string, string> {
  const operationHeaders = headerParams("get_mfa_factors", parameters.headers, parameters.cookies);
  return buildRequestHeaders({ ...sources, operationHeaders }, "get_mfa_factors");
}

describe("mergeHeaders", () => {
  type Layer = Record<string, string> | undefined;
  it.each<[string, { given: Layer[]; want: Record<string, string> }]>([
    ["later layers win", { given: [{ a: "1" }, { a: "2" }], want: { a: "2" } }],
    [
      "names compare case-insensitively and come out lower-case",
      { given: [{ Accept: "x" }, { ACCEPT: "y" }], want: { accept: "y" } },
    ],
    ["undefined layers are skipped", { given: [undefined, { a: "1" }, undefined], want: { a: "1" } }],
    ["undefined values are skipped", { given: [{ a: "1" }, { a: undefined as unknown as string }], want: { a: "1" } }],
    ["distinct names are all kept", { given: [{ a: "1" }, { B: "2" }], want: { a: "1", b: "2" } }],
  ])("%s", (_name, { given, want }) => {
    expect(mergeHeaders(...given)).toStrictEqual(want);
  });
});

describe("buildRequestHeaders", () => {
  const cases: [string, { given: Given; want: Record<string, string> }][] = [
    [
      "defaults to accept: application/json",
      { given: { operation: operation() }, want: { accept: "application/json" } },
    ],
    [
      "the operation's accept replaces the default",
      {
        given: { operation: operation(), accept: "text/plain, application/problem+json" },
        want: { accept: "text/plain, application/problem+json" },
      },
    ],
    [
      "client headers override the operation's accept",
      {
        given: { operation: operation(), accept: "text/plain", clientHeaders: { Accept: "text/csv" } },
        want: { accept: "text/csv" },
      },
    ],
    [
      "client headers override defaults",
      {
        given: { operation: operation(), clientHeaders: { Accept: "application/problem+json" } },
        want: { accept: "application/problem+json" },
      },
    ],
    [
      "header parameters override client headers",
      {
        given: { operation: operation({ "X-Request-Id": "param" }), clientHeaders: { "x-request-id": "client" } },
        want: { accept: "application/json", "x-request-id": "param" },
      },
    ],
    [
      "per-request headers override header parameters",
      {
        given: { operation: operation({ "x-request-id": "param" }), requestHeaders: { "X-Request-ID": "request" } },
        want: { accept: "application/json", "x-request-id": "request" },
      },
    ],
    [
      "absent header parameters are omitted",
      { given: { operation: operation({ "x-a": undefined, "x-b": null }) }, want: { accept: "application/json" } },
    ],
    [
      "header parameters use simple style",
      {
        given: { operation: operation({ "x-ids": [1, 2], "x-flag": true, "x-obj": { a: 1, b: "c" } }) },
        want: { accept: "application/json", "x-ids": "1,2", "x-flag": "true", "x-obj": "a,1,b,c" },
      },
    ],
    [
      "content-type is set when a body is sent",
      {
        given: { operation: operation(), contentType: "application/json" },
        want: { accept: "application/json", "content-type": "application/json" },
      },
    ],
    [
      "content-type follows the body, not the layers",
      {
        given: {
          operation: operation(),
          clientHeaders: { "Content-Type": "text/xml" },
          requestHeaders: { "content-type": "text/csv" },
          contentType: "application/json",
        },
        want: { accept: "application/json", "content-type": "application/json" },
      },
    ],
    [
      "content-type is removed when no body is sent",
      {
        given: { operation: operation(), clientHeaders: { "content-type": "application/json" } },
        want: { accept: "application/json" },
      },
    ],
    [
      "cookie parameters become a cookie header",
      {
        given: { operation: operation({}, { session: "a b;c", n: 1, gone: undefined }) },
        want: { accept: "application/json", cookie: "session=a%20b%3Bc; n=1" },
      },
    ],
    [
      "cookies from every layer are combined",
      {
        given: {
          operation: operation({}, { p: "2" }),
          clientHeaders: { Cookie: "c=1" },
          requestHeaders: { cookie: "r=3" },
        },
        want: { accept: "application/json", cookie: "c=1; p=2; r=3" },
      },
    ],
  ];

  it.each(cases)("%s", (_name, { given, want }) => {
    expect(build(given)).toStrictEqual(want);
  });

  const invalid: [string, Given][] = [
    [
      "a CR LF injection in a per-request value",
      { operation: operation(), requestHeaders: { "x-evil": "ok\r\nx-injected: 1" } },
    ],
    ["a newline in a header parameter", { operation: operation({ "x-p": "a\nb" }) }],
    ["a character above U+00FF", { operation: operation(), clientHeaders: { "x-name": "Łukasz" } }],
    ["a space in a header name", { operation: operation(), clientHeaders: { "x bad": "v" } }],
    ["an invalid cookie name", { operation: operation({}, { "bad name": "v" }) }],
  ];

  it.each(invalid)("rejects %s without quoting the value", (_name, sources) => {
    let thrown: unknown;
    try {
      build(sources);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RequestValidationError);
    const message = (thrown as Error).message;
    expect(message).toMatch(/^get_mfa_factors: /);
    for (const value of ["ok\r\n", "a\nb", "Łukasz"]) expect(message).not.toContain(value);
  });
});

describe("headerParams", () => {
  it("lower-cases names and stringifies dates", () => {
    expect(headerParams("op", { "If-Modified-Since": new Date(Date.UTC(2024, 0, 1)) })).toStrictEqual({
      "if-modified-since": "2024-01-01T00:00:00.000Z",
    });
  });

  it("sets no cookie when no cookie value is given", () => {
    expect(headerParams("op", {}, { a: undefined })).toStrictEqual({});
  });

  it("puts the pre-serialized array and object cookies before the scalar ones, in one value", () => {
    expect(headerParams("op", {}, { s: "a b" }, "list=1,2")).toStrictEqual({ cookie: "list=1,2; s=a%20b" });
    expect(headerParams("op", {}, undefined, "list=1,2")).toStrictEqual({ cookie: "list=1,2" });
  });

  it("rejects non-scalar cookie values", () => {
    expect(() => headerParams("op", {}, { a: [1] })).toThrow(RequestValidationError);
  });
});

describe("assertValidHeaders", () => {
  it("accepts tab, visible ASCII and obs-text", () => {
    expect(() => assertValidHeaders({ "x-a": "a\tb ~ é" }, "op")).not.toThrow();
  });

  it("names the header in the error", () => {
    expect(() => assertValidHeaders({ authorization: "Bearer a\nb" }, "op")).toThrow(/header "authorization"/);
  });
});
