import { describe, expect, it } from "vitest";
import { dropObjectKeywordsFromNonObjects } from "../../src/generate/object-keywords.js";

describe("dropObjectKeywordsFromNonObjects", () => {
  it("takes additionalProperties off strings and arrays, and leaves objects, untyped schemas and data alone", () => {
    const document = {
      components: {
        schemas: {
          Text: { type: "string", additionalProperties: true },
          List: { type: "array", items: {}, additionalProperties: true },
          Map: { type: "object", additionalProperties: { type: "string" } },
          Untyped: { additionalProperties: false },
          Either: { type: ["string", "object"], additionalProperties: { type: "integer" } },
          Scalar: { type: ["string", "null"], additionalProperties: true },
          Holder: {
            type: "object",
            // A property may be named after the keyword; the map is not a schema.
            properties: {
              additionalProperties: { type: "string" },
              nested: { type: "integer", additionalProperties: true },
            },
            example: { type: "string", additionalProperties: true },
          },
        },
      },
    };
    dropObjectKeywordsFromNonObjects(document);
    const { schemas } = document.components;
    expect("additionalProperties" in schemas.Text).toBe(false);
    expect("additionalProperties" in schemas.List).toBe(false);
    expect("additionalProperties" in schemas.Scalar).toBe(false);
    expect(schemas.Map.additionalProperties).toEqual({ type: "string" });
    expect(schemas.Untyped.additionalProperties).toBe(false);
    expect(schemas.Either.additionalProperties).toEqual({ type: "integer" });
    expect(schemas.Holder.properties.additionalProperties).toEqual({ type: "string" });
    expect("additionalProperties" in schemas.Holder.properties.nested).toBe(false);
    expect(schemas.Holder.example).toEqual({ type: "string", additionalProperties: true });
  });
});
