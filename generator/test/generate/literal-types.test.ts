import { describe, expect, it } from "vitest";
import { literalType } from "../../src/generate/literal-types.js";

describe("literalType", () => {
  it.each([
    ["const string", { given: { const: "circle" }, want: '"circle"' }],
    ["const object", { given: { const: { a: 1 } }, want: '{"a":1}' }],
    ["const null", { given: { const: null }, want: "null" }],
    ["mixed enum", { given: { enum: ["a", 1, true, null] }, want: '"a" | 1 | true | null' }],
    ["enum without type", { given: { enum: [1, 2] }, want: "1 | 2" }],
    ["enum that contradicts its type", { given: { type: "string", enum: [1] }, want: "1" }],
    ["nullable mixed enum (3.0)", { given: { enum: ["a", 2], nullable: true }, want: '"a" | 2 | null' }],
    ["type null", { given: { type: "null" }, want: "null" }],
    [
      "closed tuple",
      { given: { prefixItems: [{ type: "number" }, { type: "string" }], items: false }, want: "[number?, string?]" },
    ],
    [
      "tuple with minItems and a rest type",
      {
        given: {
          prefixItems: [{ type: "integer" }, { type: ["string", "null"] }],
          minItems: 1,
          items: { type: "boolean" },
        },
        want: "[number, (string | null)?, ...boolean[]]",
      },
    ],
    [
      "open tuple of a referenced model",
      { given: { prefixItems: [{ $ref: "#/x" }] }, want: "[unknown?, ...unknown[]]" },
    ],
    ["nullable const via type array", { given: { type: ["string", "null"], const: "x" }, want: '"x" | null' }],
  ])("%s", (_name, { given, want }) => {
    expect(literalType(given)).toBe(want);
  });

  it.each([
    ["a plain string", { type: "string" }],
    ["a string enum", { type: "string", enum: ["a", "b"] }],
    ["an integer enum", { type: "integer", enum: [1, 2] }],
    ["an object", { type: "object", properties: {} }],
  ])("leaves %s to OpenAPI Generator", (_name, given) => {
    expect(literalType(given)).toBeUndefined();
  });
});
