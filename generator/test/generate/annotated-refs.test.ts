import { describe, expect, it } from "vitest";
import { unwrapAnnotatedRefs } from "../../src/generate/annotated-refs.js";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { prepareSpec } from "../../src/generate/prepare-spec.js";

type Json = Record<string, unknown>;
const ref = { $ref: "#/components/schemas/Id" };

describe("unwrapAnnotatedRefs", () => {
  it.each<[string, { given: Json; want: Json }]>([
    [
      // Dialogporten (NSwag): a description on a reference.
      "oneOf of one reference",
      { given: { description: "d", oneOf: [ref] }, want: { description: "d", allOf: [ref] } },
    ],
    ["anyOf of one reference", { given: { anyOf: [ref], nullable: true }, want: { nullable: true, allOf: [ref] } }],
    [
      // Mojaloop FSPIOP: the note is a member of its own.
      "allOf of a reference and notes",
      {
        given: { allOf: [ref, { description: "d", example: "x" }] },
        want: { description: "d", example: "x", allOf: [ref] },
      },
    ],
    [
      "the wrapper's own notes win over a member's",
      {
        given: { description: "outer", allOf: [ref, { description: "inner" }] },
        want: { description: "outer", allOf: [ref] },
      },
    ],
    [
      // AWS (MediaConnect): a pattern and an XML name on a reference to a string.
      "a member of value constraints moves beside the reference",
      {
        given: { allOf: [ref, { pattern: "^arn:", xml: { name: "flowArn" }, maxLength: 3 }] },
        want: { pattern: "^arn:", xml: { name: "flowArn" }, maxLength: 3, allOf: [ref] },
      },
    ],
    [
      "two values of one constraint stay, since both apply",
      {
        given: { maxLength: 5, allOf: [ref, { maxLength: 3 }] },
        want: { maxLength: 5, allOf: [ref, { maxLength: 3 }] },
      },
    ],
    [
      "a member that constrains the shape stays",
      { given: { allOf: [ref, { required: ["a"] }] }, want: { allOf: [ref, { required: ["a"] }] } },
    ],
    [
      // Asana: a note on an inline string, wrapped like a reference.
      "a composition of one inline schema is that schema",
      {
        given: { allOf: [{ type: "string", description: "inner", maxLength: 3 }], description: "outer" },
        want: { type: "string", description: "outer", maxLength: 3 },
      },
    ],
    [
      "a composition of one inline schema takes a constraint beside it",
      { given: { minLength: 1, anyOf: [{ type: "string" }] }, want: { minLength: 1, type: "string" } },
    ],
    [
      "a composition of one inline schema stays when a constraint beside it differs from its own",
      {
        given: { minLength: 1, anyOf: [{ type: "string", minLength: 2 }] },
        want: { minLength: 1, anyOf: [{ type: "string", minLength: 2 }] },
      },
    ],
    ["two references stay", { given: { oneOf: [ref, ref] }, want: { oneOf: [ref, ref] } }],
    [
      "a discriminator stays",
      {
        given: { oneOf: [ref], discriminator: { propertyName: "t" } },
        want: { oneOf: [ref], discriminator: { propertyName: "t" } },
      },
    ],
    [
      "oneOf with a note member stays",
      { given: { oneOf: [ref, { description: "d" }] }, want: { oneOf: [ref, { description: "d" }] } },
    ],
  ])("%s", (_name, { given, want }) => {
    const node = structuredClone(given);
    unwrapAnnotatedRefs({ components: { schemas: { Wrapper: node } } });
    expect(node).toEqual(want);
  });

  it("unwraps a reference under a property named like a data keyword", () => {
    const schema = { type: "object", properties: { default: { oneOf: [ref], description: "d" } } };
    unwrapAnnotatedRefs(schema);
    expect(schema.properties.default).toEqual({ description: "d", allOf: [ref] });
  });

  it("leaves example values alone", () => {
    const example = { oneOf: [ref] };
    const schema = { type: "object", example };
    unwrapAnnotatedRefs(schema);
    expect(schema.example).toEqual({ oneOf: [ref] });
  });

  it("gives an annotated reference property no model of its own", () => {
    const spec = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Id: { type: "string" },
          Transfer: {
            type: "object",
            properties: {
              id: { allOf: [ref, { description: "The transfer's id." }] },
              payer: { description: "Who pays.", oneOf: [ref] },
            },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const { modelNames, document } = prepareSpec(spec, "spec.yaml");
    expect(Object.keys(modelNames)).toEqual(["Id", "Transfer"]);
    const properties = (document.components!.schemas!.Transfer as { properties: Json }).properties;
    expect(properties.id).toMatchObject({ allOf: [ref] });
  });
});
