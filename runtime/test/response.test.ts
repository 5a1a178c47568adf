import { describe, expect, it } from "vitest";
import type { DecodedBody } from "../src/response.js";
import { decodeBody, isSuccessStatus, matchDeclaredResponse } from "../src/response.js";

describe("matchDeclaredResponse", () => {
  const responses = {
    "200": "application/json",
    "204": null,
    "4XX": "application/problem+json",
    "404": "text/plain",
    default: "text/html",
  };

  it.each([
    ["an exact code", { given: 200, want: { key: "200", mediaType: "application/json" } }],
    ["an exact code declared without body", { given: 204, want: { key: "204", mediaType: null } }],
    ["an exact code over its range", { given: 404, want: { key: "404", mediaType: "text/plain" } }],
    ["a range", { given: 409, want: { key: "4XX", mediaType: "application/problem+json" } }],
    ["default when nothing else matches", { given: 503, want: { key: "default", mediaType: "text/html" } }],
  ])("matches %s", (_name, { given, want }) => {
    expect(matchDeclaredResponse(responses, given)).toStrictEqual(want);
  });

  it("matches ranges written in lower case", () => {
    expect(matchDeclaredResponse({ "5xx": "application/json" }, 502)).toStrictEqual({
      key: "5xx",
      mediaType: "application/json",
    });
  });

  it("returns undefined when nothing applies", () => {
    expect(matchDeclaredResponse({ "200": "application/json" }, 500)).toBeUndefined();
  });
});

describe("decodeBody", () => {
  const cases: [
    string,
    { given: { contentType?: string; declared: string | null | undefined; bodyText: string }; want: DecodedBody },
  ][] = [
    [
      "JSON by content-type",
      {
        given: { contentType: "application/json; charset=utf-8", declared: undefined, bodyText: '{"a":1}' },
        want: { ok: true, value: { a: 1 } },
      },
    ],
    [
      "+json by content-type",
      {
        given: { contentType: "application/problem+json", declared: null, bodyText: '{"title":"x"}' },
        want: { ok: true, value: { title: "x" } },
      },
    ],
    [
      "JSON by declaration when content-type is missing",
      { given: { declared: "application/json", bodyText: "[1]" }, want: { ok: true, value: [1] } },
    ],
    [
      "text otherwise",
      { given: { contentType: "text/plain", declared: "text/plain", bodyText: "hi" }, want: { ok: true, value: "hi" } },
    ],
    ["text when nothing is known", { given: { declared: undefined, bodyText: "hi" }, want: { ok: true, value: "hi" } }],
    [
      "an empty body is undefined",
      {
        given: { contentType: "application/json", declared: "application/json", bodyText: "" },
        want: { ok: true, value: undefined },
      },
    ],
    [
      "a whitespace body is undefined",
      {
        given: { contentType: "application/json", declared: "application/json", bodyText: " \n" },
        want: { ok: true, value: undefined },
      },
    ],
    [
      "JSON null stays null",
      {
        given: { contentType: "application/json", declared: undefined, bodyText: "null" },
        want: { ok: true, value: null },
      },
    ],
  ];

  it.each(cases)("%s", (_name, { given, want }) => {
    const headers: Record<string, string> =
      given.contentType === undefined ? {} : { "content-type": given.contentType };
    expect(
      decodeBody({ status: 200, statusText: "OK", headers, bodyText: given.bodyText }, given.declared),
    ).toStrictEqual(want);
  });

  it("reports invalid JSON instead of throwing", () => {
    const decoded = decodeBody(
      { status: 200, statusText: "OK", headers: { "content-type": "application/json" }, bodyText: "{" },
      undefined,
    );
    expect(decoded.ok).toBe(false);
    expect(decoded).toMatchObject({ text: "{", error: expect.any(SyntaxError) });
  });
});

describe("isSuccessStatus", () => {
  it.each([
    [199, false],
    [200, true],
    [204, true],
    [299, true],
    [300, false],
    [404, false],
  ])("%i → %s", (status, want) => {
    expect(isSuccessStatus(status)).toBe(want);
  });
});
