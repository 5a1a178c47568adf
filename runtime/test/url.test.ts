import { describe, expect, it } from "vitest";
import { RequestValidationError } from "../src/errors.js";
import type { OperationDescriptor } from "../src/operation.js";
import { formQuery } from "../src/query-params.js";
import { buildRequestUrl, expandPathTemplate, stripTrailingSlashes } from "../src/url.js";

function operation(overrides: Partial<OperationDescriptor> = {}): OperationDescriptor {
  return {
    operationId: "get_device",
    method: "GET",
    path: "/api/1/users/{user_id}/otp_devices/{device_id}",
    pathParams: { user_id: 1, device_id: "d" },
    security: [],
    responses: {},
    ...overrides,
  };
}

describe("expandPathTemplate", () => {
  const cases: [string, { given: unknown; want: string }][] = [
    ["plain text", { given: "abc", want: "abc" }],
    ["an integer", { given: 42, want: "42" }],
    ["a bigint", { given: 9007199254740993n, want: "9007199254740993" }],
    ["a boolean", { given: true, want: "true" }],
    ["a Date as RFC 3339", { given: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), want: "2024-01-02T03%3A04%3A05.000Z" }],
    ["a slash", { given: "a/b", want: "a%2Fb" }],
    ["a question mark", { given: "a?b", want: "a%3Fb" }],
    ["a hash", { given: "a#b", want: "a%23b" }],
    ["a percent sign", { given: "100%", want: "100%25" }],
    ["something that looks encoded already", { given: "a%2Fb", want: "a%252Fb" }],
    ["a space", { given: "a b", want: "a%20b" }],
    ["a plus", { given: "a+b", want: "a%2Bb" }],
    ["é", { given: "café", want: "caf%C3%A9" }],
    ["an emoji", { given: "😀", want: "%F0%9F%98%80" }],
    ["sub-delims allowed in a segment", { given: "!'()*", want: "!'()*" }],
    ["three dots (not a dot segment)", { given: "...", want: "..." }],
    ["a leading dot", { given: ".hidden", want: ".hidden" }],
  ];

  it.each(cases)("encodes %s as one segment", (_name, { given, want }) => {
    const path = expandPathTemplate("/users/{user_id}/devices", { user_id: given }, "op");
    expect(path).toBe(`/users/${want}/devices`);
  });

  it.each(cases)("%s survives URL parsing and decodes back", (_name, { given }) => {
    const url = new URL(
      `https://example.test${expandPathTemplate("/users/{user_id}/devices", { user_id: given }, "op")}`,
    );
    const segments = url.pathname.split("/");
    expect(segments).toHaveLength(4);
    expect(url.search).toBe("");
    expect(url.hash).toBe("");
    const expected = given instanceof Date ? given.toISOString() : String(given);
    expect(decodeURIComponent(segments[2] ?? "")).toBe(expected);
  });

  it("replaces every placeholder, leaving the rest of the template alone", () => {
    expect(expandPathTemplate("/a/{x}/b/{y}/{x}", { x: "1", y: "2" }, "op")).toBe("/a/1/b/2/1");
  });

  const invalid: [string, { given: Record<string, unknown>; want: RegExp }][] = [
    ["a missing parameter", { given: {}, want: /path parameter "user_id" is required/ }],
    ["an undefined parameter", { given: { user_id: undefined }, want: /path parameter "user_id" is required/ }],
    ["a null parameter", { given: { user_id: null }, want: /path parameter "user_id" is required/ }],
    ["an empty string", { given: { user_id: "" }, want: /must not be empty/ }],
    ["a dot segment", { given: { user_id: "." }, want: /must not be "\." or "\.\."/ }],
    ["a double-dot segment", { given: { user_id: ".." }, want: /must not be "\." or "\.\."/ }],
    ["an object", { given: { user_id: { a: 1 } }, want: /must be a string, number/ }],
    ["an array", { given: { user_id: [1, 2] }, want: /must be a string, number/ }],
    ["NaN", { given: { user_id: Number.NaN }, want: /must be a finite number/ }],
    ["an invalid Date", { given: { user_id: new Date("nope") }, want: /invalid Date/ }],
    ["a lone surrogate", { given: { user_id: "\uD800" }, want: /cannot be encoded as UTF-8/ }],
  ];

  it.each(invalid)(
    "rejects %s with a RequestValidationError naming operation and parameter",
    (_name, { given, want }) => {
      let thrown: unknown;
      try {
        expandPathTemplate("/users/{user_id}", given, "get_enrolled_factors");
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(RequestValidationError);
      const error = thrown as RequestValidationError;
      expect(error.message).toMatch(want);
      expect(error.message).toMatch(/^get_enrolled_factors: /);
      expect(error.operationId).toBe("get_enrolled_factors");
      expect(error.parameter).toBe("user_id");
    },
  );
});

describe("formQuery", () => {
  const cases: [string, { given: Record<string, unknown>; want: string }][] = [
    ["nothing", { given: {}, want: "" }],
    ["undefined and null are omitted", { given: { a: undefined, b: null, c: 1 }, want: "c=1" }],
    ["numbers and booleans", { given: { n: 1.5, t: true, f: false, z: 0 }, want: "n=1.5&t=true&f=false&z=0" }],
    ["an empty string is kept", { given: { q: "" }, want: "q=" }],
    ["spaces as %20, never +", { given: { q: "a b" }, want: "q=a%20b" }],
    ["reserved characters are escaped", { given: { q: "a&b=c+d#e/f?g%" }, want: "q=a%26b%3Dc%2Bd%23e%2Ff%3Fg%25" }],
    ["non-ASCII", { given: { name: "Zoë 😀" }, want: "name=Zo%C3%AB%20%F0%9F%98%80" }],
    ["names are encoded too", { given: { "a b": "c" }, want: "a%20b=c" }],
    ["arrays repeat the name", { given: { id: [1, 2, 3] }, want: "id=1&id=2&id=3" }],
    ["null array elements are skipped", { given: { id: [1, null, 3] }, want: "id=1&id=3" }],
    ["an empty array sends nothing", { given: { id: [], x: 1 }, want: "x=1" }],
    [
      "a Date as ISO 8601",
      { given: { since: new Date(Date.UTC(2024, 1, 3)) }, want: "since=2024-02-03T00%3A00%3A00.000Z" },
    ],
    [
      "objects use bracketed names",
      { given: { filter: { type: "sms", active: true } }, want: "filter%5Btype%5D=sms&filter%5Bactive%5D=true" },
    ],
    ["nested objects nest brackets", { given: { f: { a: { b: 1 } } }, want: "f%5Ba%5D%5Bb%5D=1" }],
    ["arrays inside objects repeat", { given: { f: { id: [1, 2] } }, want: "f%5Bid%5D=1&f%5Bid%5D=2" }],
    ["insertion order is kept", { given: { z: 1, a: 2, m: 3 }, want: "z=1&a=2&m=3" }],
  ];

  it.each(cases)("%s", (_name, { given, want }) => {
    expect(formQuery("op", given).join("&")).toBe(want);
  });

  it.each([
    ["an array of objects", { given: { a: [{ b: 1 }] } }],
    ["a nested array", { given: { a: [[1]] } }],
    ["a function", { given: { a: () => 1 } }],
    ["a symbol", { given: { a: Symbol("s") } }],
  ])("rejects %s", (_name, { given }) => {
    expect(() => formQuery("op", given)).toThrow(RequestValidationError);
  });
});

describe("buildRequestUrl", () => {
  it.each([
    [
      "no trailing slash",
      { given: "https://acme.onelogin.com", want: "https://acme.onelogin.com/api/1/users/1/otp_devices/d" },
    ],
    [
      "a trailing slash",
      { given: "https://acme.onelogin.com/", want: "https://acme.onelogin.com/api/1/users/1/otp_devices/d" },
    ],
    [
      "several trailing slashes",
      { given: "https://acme.onelogin.com//", want: "https://acme.onelogin.com/api/1/users/1/otp_devices/d" },
    ],
    [
      "a path prefix",
      { given: "https://proxy.test/onelogin/", want: "https://proxy.test/onelogin/api/1/users/1/otp_devices/d" },
    ],
  ])("joins a base URL with %s", (_name, { given, want }) => {
    expect(buildRequestUrl(given, operation())).toBe(want);
  });

  it("joins the encoded query pairs verbatim, in order", () => {
    const url = buildRequestUrl(
      "https://x.test",
      operation({ query: [...formQuery("get_device", { page: 2, a: undefined }), "ids=1|2", "color=R,100"] }),
    );
    expect(url).toBe("https://x.test/api/1/users/1/otp_devices/d?page=2&ids=1|2&color=R,100");
    expect(buildRequestUrl("https://x.test", operation({ query: ["ids=1|2"] }))).toBe(
      "https://x.test/api/1/users/1/otp_devices/d?ids=1|2",
    );
  });

  it("inserts encodedPathParams verbatim, without looking the name up in pathParams", () => {
    const url = buildRequestUrl(
      "https://x.test",
      operation({ pathParams: { user_id: 1 }, encodedPathParams: { device_id: ";id=a,b" } }),
    );
    expect(url).toBe("https://x.test/api/1/users/1/otp_devices/;id=a,b");
  });

  it("appends the query only when there is one", () => {
    for (const query of [[], formQuery("get_device", { a: undefined }), [""]])
      expect(buildRequestUrl("https://x.test", operation({ query }))).toBe(
        "https://x.test/api/1/users/1/otp_devices/d",
      );
    expect(buildRequestUrl("https://x.test", operation({ query: formQuery("get_device", { page: 2 }) }))).toBe(
      "https://x.test/api/1/users/1/otp_devices/d?page=2",
    );
  });

  it("validates path parameters even when the query is fine", () => {
    expect(() => buildRequestUrl("https://x.test", operation({ pathParams: { user_id: 1 } }))).toThrow(
      /"device_id" is required/,
    );
  });

  it("strips only trailing slashes", () => {
    expect(stripTrailingSlashes("https://x.test/a/b//")).toBe("https://x.test/a/b");
  });
});

describe("pre-encoded descriptor members", () => {
  it("encodedPathParams are inserted verbatim and not looked up in pathParams", () => {
    const url = buildRequestUrl(
      "https://x.test",
      operation({ pathParams: { user_id: 1 }, encodedPathParams: { device_id: ".d,1;x=2" } }),
    );
    expect(url).toBe("https://x.test/api/1/users/1/otp_devices/.d,1;x=2");
  });

  it("serverUrl replaces the client's base URL for the operation", () => {
    expect(buildRequestUrl("https://x.test/v1/", operation({ serverUrl: "https://other.test/base/" }))).toBe(
      "https://other.test/base/api/1/users/1/otp_devices/d",
    );
  });
});
