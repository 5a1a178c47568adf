import { describe, expect, it } from "vitest";
import {
  findRefProblems,
  isDeepRef,
  localRefTokens,
  locateThroughRefs,
  RefError,
  resolvePointer,
  resolveRef,
} from "../src/refs.js";

const document = {
  components: {
    schemas: {
      Pet: { type: "object", properties: { owner: { $ref: "#/components/schemas/Owner" } } },
      Owner: { type: "string" },
      Alias: { $ref: "#/components/schemas/Pet" },
      "a/b~c": { type: "integer" },
      LoopA: { $ref: "#/components/schemas/LoopB" },
      LoopB: { $ref: "#/components/schemas/LoopA" },
    },
  },
  list: [{ type: "boolean" }],
};

describe("localRefTokens", () => {
  it.each([
    ["root", { given: "#", want: [] }],
    ["plain", { given: "#/components/schemas/Pet", want: ["components", "schemas", "Pet"] }],
    ["RFC 6901 escapes", { given: "#/x/a~1b~0c", want: ["x", "a/b~c"] }],
    ["percent-encoded fragment", { given: "#/paths/~1users~1%7Bid%7D", want: ["paths", "/users/{id}"] }],
    ["external file", { given: "other.yaml#/X", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(localRefTokens(given)).toEqual(want);
  });
});

describe("resolveRef", () => {
  it.each([
    ["a chain of two", { given: { $ref: "#/components/schemas/Alias" }, want: document.components.schemas.Pet }],
    ["an escaped name", { given: { $ref: "#/components/schemas/a~1b~0c" }, want: { type: "integer" } }],
    ["an array index", { given: { $ref: "#/list/0" }, want: { type: "boolean" } }],
    ["a value without $ref", { given: { type: "string" }, want: { type: "string" } }],
    ["a name only Object.prototype has, leniently", { given: { $ref: "#/components/constructor" }, want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(resolveRef(document, given)).toEqual(want);
  });

  it.each([
    ["dangling", "#/components/schemas/Missing", /does not resolve/],
    ["prototype member", "#/components/schemas/hasOwnProperty", /does not resolve/],
    ["out-of-range index", "#/list/1", /does not resolve/],
    ["external", "other.yaml#/X", /points outside the document/],
    ["a loop", "#/components/schemas/LoopA", /loop of references/],
  ])("strict mode refuses a %s ref", (_name, ref, message) => {
    expect(() => resolveRef(document, { $ref: ref }, { strict: true })).toThrow(RefError);
    expect(() => resolveRef(document, { $ref: ref }, { strict: true })).toThrow(message);
  });

  it("resolvePointer returns the raw target, one hop only", () => {
    expect(resolvePointer(document, "#/components/schemas/Alias")).toEqual({ $ref: "#/components/schemas/Pet" });
  });
});

describe("isDeepRef", () => {
  it.each([
    ["#/components/schemas/Pet", false],
    ["#/components/schemas/Pet/properties/owner", true],
    ["#/components/responses/E/content/application~1json/schema", true],
    ["#/paths/~1a/get/requestBody", true],
    ["#", false],
    ["other.yaml#/Pet", false],
  ])("%s: %s", (ref, want) => {
    expect(isDeepRef(ref)).toBe(want);
  });
});

describe("locateThroughRefs", () => {
  it("follows $ref objects met on the way and returns the real place of the target", () => {
    expect(locateThroughRefs(document, "#/components/schemas/Alias/properties/owner")).toEqual({
      value: { $ref: "#/components/schemas/Owner" },
      tokens: ["components", "schemas", "Pet", "properties", "owner"],
    });
    expect(resolvePointer(document, "#/components/schemas/Alias/properties/owner")).toBeUndefined();
  });

  it("returns undefined for a way that leads nowhere, loops or leaves the document", () => {
    expect(locateThroughRefs(document, "#/components/schemas/Pet/properties/name")).toBeUndefined();
    expect(locateThroughRefs(document, "#/components/schemas/LoopA/type")).toBeUndefined();
    expect(locateThroughRefs(document, "other.yaml#/Pet")).toBeUndefined();
  });
});

describe("findRefProblems", () => {
  it("reports each broken ref at the pointer of its holder, and ignores refs inside examples and extensions", () => {
    const problems = findRefProblems({
      ...document,
      paths: {
        "/a": { get: { responses: { "200": { $ref: "#/components/responses/Nope" } } } },
      },
      components: {
        ...document.components,
        schemas: {
          ...document.components.schemas,
          WithExample: { type: "object", example: { $ref: "not a reference" }, "x-note": { $ref: "#/nowhere" } },
          Props: { properties: { example: { $ref: "#/components/schemas/Gone" } } },
        },
      },
    });
    expect(problems.map((p) => [p.pointer, p.ref])).toEqual([
      ["/components/schemas/LoopA", "#/components/schemas/LoopB"],
      ["/components/schemas/LoopB", "#/components/schemas/LoopA"],
      ["/components/schemas/Props/properties/example", "#/components/schemas/Gone"],
      ["/paths/~1a/get/responses/200", "#/components/responses/Nope"],
    ]);
  });
});
