import { describe, expect, it } from "vitest";
import { serializeBody, serializeFormBody, serializeMultipartBody } from "../src/body.js";
import { RequestValidationError } from "../src/errors.js";
import type { SerializedBody } from "../src/operation.js";

/** The serializer the generator picks for `mediaType`: the form one for form bodies, else the general one. */
function serialize(body: unknown, mediaType: string | undefined, required = false): SerializedBody | undefined {
  if (mediaType === "form default") return serializeFormBody("enroll_mfa_factor", body, required);
  if (mediaType && /^application\/x-www-form-urlencoded\b/i.test(mediaType))
    return serializeFormBody("enroll_mfa_factor", body, required, mediaType);
  return serializeBody("enroll_mfa_factor", body, required, mediaType);
}

describe("serializeBody", () => {
  const cases: [
    string,
    { given: { body: unknown; mediaType: string | undefined; required?: boolean }; want: SerializedBody | undefined },
  ][] = [
    [
      "a JSON object",
      {
        given: { body: { factor_id: 1, display_name: "Phone" }, mediaType: "application/json" },
        want: { body: '{"factor_id":1,"display_name":"Phone"}', contentType: "application/json" },
      },
    ],
    [
      "a JSON array",
      {
        given: { body: [1, "a"], mediaType: "application/json" },
        want: { body: '[1,"a"]', contentType: "application/json" },
      },
    ],
    [
      "a JSON string is quoted",
      { given: { body: "hi", mediaType: "application/json" }, want: { body: '"hi"', contentType: "application/json" } },
    ],
    [
      "JSON with a charset parameter keeps the declared type",
      {
        given: { body: { a: 1 }, mediaType: "application/json; charset=utf-8" },
        want: { body: '{"a":1}', contentType: "application/json; charset=utf-8" },
      },
    ],
    [
      "a +json media type",
      {
        given: { body: { a: 1 }, mediaType: "application/merge-patch+json" },
        want: { body: '{"a":1}', contentType: "application/merge-patch+json" },
      },
    ],
    [
      "JSON media types case-insensitively",
      {
        given: { body: { a: 1 }, mediaType: "Application/JSON" },
        want: { body: '{"a":1}', contentType: "Application/JSON" },
      },
    ],
    [
      "no media type means JSON",
      { given: { body: { a: 1 }, mediaType: undefined }, want: { body: '{"a":1}', contentType: "application/json" } },
    ],
    [
      "JSON drops undefined properties",
      {
        given: { body: { a: undefined, b: 1 }, mediaType: "application/json" },
        want: { body: '{"b":1}', contentType: "application/json" },
      },
    ],
    [
      "a form object",
      {
        given: { body: { state_token: "a b", otp: "1&2" }, mediaType: "application/x-www-form-urlencoded" },
        want: { body: "state_token=a+b&otp=1%262", contentType: "application/x-www-form-urlencoded" },
      },
    ],
    [
      "a form object with arrays, nesting and omitted values",
      {
        given: {
          body: { id: [1, 2], f: { x: true }, gone: undefined },
          mediaType: "application/x-www-form-urlencoded",
        },
        want: { body: "id=1&id=2&f%5Bx%5D=true", contentType: "application/x-www-form-urlencoded" },
      },
    ],
    [
      "a pre-encoded form string",
      {
        given: { body: "a=1&b=2", mediaType: "application/x-www-form-urlencoded" },
        want: { body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
      },
    ],
    [
      "URLSearchParams",
      {
        given: { body: new URLSearchParams([["a", "é"]]), mediaType: "application/x-www-form-urlencoded" },
        want: { body: "a=%C3%A9", contentType: "application/x-www-form-urlencoded" },
      },
    ],
    [
      "text/plain from a number",
      { given: { body: 42, mediaType: "text/plain" }, want: { body: "42", contentType: "text/plain" } },
    ],
    [
      "text/plain from a string",
      {
        given: { body: "héllo", mediaType: "text/plain; charset=utf-8" },
        want: { body: "héllo", contentType: "text/plain; charset=utf-8" },
      },
    ],
    [
      "an unknown type with a string passes it through",
      { given: { body: "<a/>", mediaType: "application/xml" }, want: { body: "<a/>", contentType: "application/xml" } },
    ],
    [
      "an unknown type with an object uses JSON",
      {
        given: { body: { a: 1 }, mediaType: "application/vnd.custom" },
        want: { body: '{"a":1}', contentType: "application/vnd.custom" },
      },
    ],
    [
      "a form body without a media type gets the form one",
      {
        given: { body: { a: "1 2" }, mediaType: "form default" },
        want: { body: "a=1+2", contentType: "application/x-www-form-urlencoded" },
      },
    ],
    ["an absent optional body", { given: { body: undefined, mediaType: "application/json" }, want: undefined }],
    ["a null optional body", { given: { body: null, mediaType: "application/json" }, want: undefined }],
    [
      "falsy but present bodies are sent",
      { given: { body: 0, mediaType: "application/json" }, want: { body: "0", contentType: "application/json" } },
    ],
  ];

  it.each(cases)("%s", (_name, { given, want }) => {
    expect(serialize(given.body, given.mediaType, given.required)).toStrictEqual(want);
  });

  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;

  const invalid: [
    string,
    { given: { body: unknown; mediaType: string | undefined; required?: boolean }; want: RegExp },
  ][] = [
    [
      "a missing required body",
      { given: { body: undefined, mediaType: "application/json", required: true }, want: /request body is required/ },
    ],
    [
      "a null required body",
      { given: { body: null, mediaType: "application/json", required: true }, want: /request body is required/ },
    ],
    [
      "a bigint in JSON",
      { given: { body: { n: 1n }, mediaType: "application/json" }, want: /cannot be serialized as JSON/ },
    ],
    [
      "a cycle in JSON",
      { given: { body: cyclic, mediaType: "application/json" }, want: /cannot be serialized as JSON/ },
    ],
    [
      "a function as JSON",
      {
        given: { body: () => 1, mediaType: "application/json" },
        want: /of type function cannot be serialized as JSON/,
      },
    ],
    [
      "a missing required form body",
      {
        given: { body: undefined, mediaType: "application/x-www-form-urlencoded", required: true },
        want: /request body is required/,
      },
    ],
    [
      "bytes as a form",
      {
        given: { body: new ArrayBuffer(1), mediaType: "application/x-www-form-urlencoded" },
        want: /form request body must be a plain object/,
      },
    ],
    [
      "a number as a form",
      {
        given: { body: 5, mediaType: "application/x-www-form-urlencoded" },
        want: /form request body must be a plain object/,
      },
    ],
    [
      "bytes as JSON",
      {
        given: { body: new Uint8Array([1]), mediaType: "application/json" },
        want: /a binary request body cannot be sent as application\/json/,
      },
    ],
    [
      "a Blob as JSON",
      {
        given: { body: new Blob(["x"]), mediaType: "application/json" },
        want: /a binary request body cannot be sent as application\/json/,
      },
    ],
    [
      "a FormData as JSON",
      {
        given: { body: new FormData(), mediaType: "application/json" },
        want: /a FormData request body cannot be sent as application\/json/,
      },
    ],
    [
      "a stream",
      {
        given: { body: new ReadableStream(), mediaType: "application/octet-stream" },
        want: /stream request bodies are not supported; pass a Blob/,
      },
    ],
  ];

  it.each(invalid)("rejects %s with a RequestValidationError naming the operation", (_name, { given, want }) => {
    const attempt = () => serialize(given.body, given.mediaType, given.required);
    expect(attempt).toThrow(RequestValidationError);
    expect(attempt).toThrow(want);
    expect(attempt).toThrow(/^enroll_mfa_factor: /);
  });
});

describe("serializeBody with bytes", () => {
  it.each([
    ["a Blob", new Blob([new Uint8Array([1, 2])])],
    ["an ArrayBuffer", new Uint8Array([1, 2]).buffer],
    ["a typed array", new Uint8Array([1, 2])],
  ])("sends %s as its bytes, in a Blob labelled with the operation's media type", async (_name, body) => {
    // axios sends a Blob under the Blob's own type, whatever the content-type header says.
    const sent = serializeBody("upload", body, true, "image/png")!;
    expect(sent.contentType).toBe("image/png");
    expect(sent.body).toBeInstanceOf(Blob);
    expect((sent.body as Blob).type).toBe("image/png");
    expect([...new Uint8Array(await (sent.body as Blob).arrayBuffer())]).toEqual([1, 2]);
  });

  it.each([
    ["a typed Blob", new Blob(["x"], { type: "image/jpeg" }), "image/jpeg"],
    ["an untyped Blob", new Blob(["x"]), undefined],
    ["bytes", new Uint8Array([1]), undefined],
  ])("sends %s for a wildcard media type under its own type, since image/* is no content type", (_name, body, want) => {
    const sent = serializeBody("upload", body, true, "image/*")!;
    expect(sent.contentType).toBe(want);
    expect((sent.body as Blob).type).toBe(want ?? "");
  });

  it("sends a typed array as a Blob of the bytes it views, not the whole buffer", async () => {
    const view = new Uint8Array([9, 1, 2, 9]).subarray(1, 3);
    const sent = serializeBody("upload", view, true, "application/octet-stream")!.body as Blob;
    expect([...new Uint8Array(await sent.arrayBuffer())]).toEqual([1, 2]);
  });
});

describe("serializeFormBody with property encodings", () => {
  it("writes a property through its own serializer, in place, and the others the usual way", () => {
    const seen: unknown[] = [];
    const styled = {
      tags: (value: unknown) => {
        seen.push(value);
        return ["tags=a,b"];
      },
      none: () => [],
    };
    const sent = serializeFormBody(
      "f",
      { first: "x y", tags: ["a", "b"], none: [], last: [1, 2] },
      true,
      undefined,
      styled,
    );
    expect(sent).toEqual({
      body: "first=x+y&tags=a,b&last=1&last=2",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(seen).toEqual([["a", "b"]]);
  });

  it("reads only own serializers: a __proto__ property is written the usual way, not through Object.prototype", () => {
    const body = JSON.parse('{"__proto__": "x", "tags": ["a", "b"]}') as Record<string, unknown>;
    const sent = serializeFormBody("f", body, true, undefined, { tags: () => ["tags=a,b"] });
    expect(sent!.body).toBe("__proto__=x&tags=a,b");
  });

  it("leaves out a property that serializes to nothing, with no stray separator", () => {
    expect(serializeFormBody("f", { a: undefined, b: "1" })!.body).toBe("b=1");
  });
});

describe("serializeMultipartBody", () => {
  it("writes no content-type, which carries the boundary the HTTP library makes", () => {
    const serialized = serializeMultipartBody("upload", { note: "hi" })!;
    expect(serialized.contentType).toBeUndefined();
    expect((serialized.body as FormData).get("note")).toBe("hi");
  });

  it("writes numbers and booleans as text, and leaves out undefined and null", () => {
    const form = serializeMultipartBody("upload", { n: 1, b: false, u: undefined, z: null, list: [1, null, 2] })!
      .body as FormData;
    expect([...form.keys()]).toEqual(["n", "b", "list", "list"]);
    expect(form.getAll("list")).toEqual(["1", "2"]);
    expect(form.get("b")).toBe("false");
  });

  it.each([
    ["a missing required body", undefined, /request body is required/],
    ["a string", "a=1", /multipart request body must be a plain object or FormData/],
    ["a part that is not JSON", { meta: { big: 1n } }, /multipart part "meta" cannot be serialized as JSON/],
  ])("rejects %s with a RequestValidationError naming the operation", (_name, body, want) => {
    const attempt = () => serializeMultipartBody("upload", body, true);
    expect(attempt).toThrow(RequestValidationError);
    expect(attempt).toThrow(want);
    expect(attempt).toThrow(/^upload: /);
  });
});
