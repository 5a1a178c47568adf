import { describe, expect, it } from "vitest";
import { toStandaloneJsonSchema } from "../../src/generate/json-schema.js";

const DRAFT = "http://json-schema.org/draft-07/schema#";

const cases: [string, { given: unknown; components?: Record<string, unknown>; version?: string; want: unknown }][] = [
  ["plain type", { given: { type: "string" }, want: { $schema: DRAFT, type: "string", definitions: {} } }],
  [
    "3.0 nullable type",
    {
      given: { type: "integer", nullable: true },
      want: { $schema: DRAFT, type: ["integer", "null"], definitions: {} },
    },
  ],
  [
    "3.0 nullable enum gains null",
    {
      given: { type: "string", enum: ["a"], nullable: true },
      want: { $schema: DRAFT, type: ["string", "null"], enum: ["a", null], definitions: {} },
    },
  ],
  [
    "3.0 nullable $ref becomes anyOf",
    {
      given: { allOf: [{ $ref: "#/components/schemas/A" }], nullable: true },
      components: { A: { type: "object" } },
      want: {
        $schema: DRAFT,
        anyOf: [{ allOf: [{ $ref: "#/definitions/A" }] }, { type: "null" }],
        definitions: { A: { type: "object" } },
      },
    },
  ],
  [
    "3.0 boolean exclusiveMinimum",
    {
      given: { type: "number", minimum: 0, exclusiveMinimum: true },
      want: { $schema: DRAFT, type: "number", exclusiveMinimum: 0, definitions: {} },
    },
  ],
  [
    "OpenAPI-only keywords dropped",
    {
      given: { type: "object", example: { a: 1 }, xml: { name: "x" }, "x-internal": true, deprecated: true },
      want: { $schema: DRAFT, type: "object", definitions: {} },
    },
  ],
  [
    "transitive refs collected into sorted definitions",
    {
      given: { $ref: "#/components/schemas/B" },
      components: {
        B: { type: "object", properties: { a: { $ref: "#/components/schemas/A" } } },
        A: { type: "string" },
      },
      want: {
        $schema: DRAFT,
        $ref: "#/definitions/B",
        definitions: { A: { type: "string" }, B: { type: "object", properties: { a: { $ref: "#/definitions/A" } } } },
      },
    },
  ],
  [
    "cyclic refs terminate",
    {
      given: { $ref: "#/components/schemas/Node" },
      components: { Node: { type: "object", properties: { next: { $ref: "#/components/schemas/Node" } } } },
      want: {
        $schema: DRAFT,
        $ref: "#/definitions/Node",
        definitions: { Node: { type: "object", properties: { next: { $ref: "#/definitions/Node" } } } },
      },
    },
  ],
  [
    "property named like a keyword is kept",
    {
      given: { type: "object", properties: { example: { type: "string" } } },
      want: { $schema: DRAFT, type: "object", properties: { example: { type: "string" } }, definitions: {} },
    },
  ],
  [
    "3.1 schemas pass through",
    {
      given: { type: ["string", "null"] },
      version: "3.1.0",
      want: { $schema: DRAFT, type: ["string", "null"], definitions: {} },
    },
  ],
  [
    "3.1 prefixItems become draft-07 array items, items the additional ones",
    {
      given: { type: "array", prefixItems: [{ type: "number" }, { const: "x" }], items: false },
      version: "3.1.0",
      want: {
        $schema: DRAFT,
        type: "array",
        items: [{ type: "number" }, { const: "x" }],
        additionalItems: false,
        definitions: {},
      },
    },
  ],
  [
    "a property named __proto__ stays an own property",
    {
      given: JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}'),
      version: "3.1.0",
      want: JSON.parse(
        '{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"__proto__":{"type":"string"}},"definitions":{}}',
      ),
    },
  ],
];

describe("toStandaloneJsonSchema", () => {
  it.each(cases)("%s", (_name, { given, components, version, want }) => {
    expect(toStandaloneJsonSchema(given, components ?? {}, version ?? "3.0.3")).toEqual(want);
  });
});
