import { describe, expect, it } from "vitest";
import { BODY_TYPE_EXTENSION, bodyForFieldlessForm } from "../../src/generate/fieldless-form-bodies.js";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";

const document = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {},
  components: {
    schemas: { Text: { type: "string" }, Fields: { type: "object", properties: { a: { type: "string" } } } },
  },
} as OpenApiDocument;
const form = (schema: unknown) => ({ content: { "application/x-www-form-urlencoded": { schema } } });

describe("bodyForFieldlessForm", () => {
  it.each([
    ["a string", form({ type: "string" }), "string | URLSearchParams"],
    ["a string by $ref", form({ $ref: "#/components/schemas/Text" }), "string | URLSearchParams"],
    ["an array", form({ type: "array", items: { type: "string" } }), "string | URLSearchParams"],
    ["a free-form object", form({ type: "object", additionalProperties: { type: "string" } }), undefined],
    [
      "a multipart binary",
      { content: { "multipart/form-data": { schema: { type: "string", format: "binary" } } } },
      "FormData",
    ],
  ])("gives %s body one body parameter, typed for its serializer", (_label, body, bodyType) => {
    const stand = bodyForFieldlessForm(document, body);
    expect(Object.keys(stand?.content as object)).toEqual(["application/json"]);
    expect(stand?.[BODY_TYPE_EXTENSION]).toBe(bodyType);
  });

  it.each([
    ["properties", form({ $ref: "#/components/schemas/Fields" })],
    ["an allOf, which OpenAPI Generator merges", form({ allOf: [{ $ref: "#/components/schemas/Fields" }] })],
    ["a JSON body", { content: { "application/json": { schema: { type: "string" } } } }],
  ])("leaves a body with %s alone", (_label, body) => {
    expect(bodyForFieldlessForm(document, body)).toBeUndefined();
  });

  it("copies a shared body instead of changing it, keeping its other media types after the first", () => {
    const shared = {
      required: true,
      content: { "application/x-www-form-urlencoded": { schema: { type: "string" } }, "text/plain": {} },
    };
    const before = structuredClone(shared);
    const stand = bodyForFieldlessForm(document, shared);
    expect(shared).toEqual(before);
    expect(stand).toMatchObject({ required: true });
    expect(Object.keys(stand?.content as object)).toEqual(["application/json", "text/plain"]);
  });
});
