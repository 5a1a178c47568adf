import { describe, expect, it } from "vitest";
import type { SchemaObject } from "../../src/reconstruct/openapi-types.js";
import { ANY_EXTRA_KEYS, dictionaryKeys, schemaFromSnippet, typeInfo } from "./helpers.js";

const OBJECT = "dict, frozendict.frozendict, ";

describe("schema sections → OpenAPI schemas", () => {
  it.each<[string, { given: string; want: SchemaObject }]>([
    [
      "object: keys without [optional] are required; no any_string_name row → additionalProperties: false",
      {
        given: `# Thing\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**id** | decimal.Decimal, int,  | x |  | \n**label** | str,  | x | A label. | [optional] ")}`,
        want: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "integer" }, label: { type: "string", description: "A label." } },
          additionalProperties: false,
        },
      },
    ],
    [
      "object with the any_string_name row allows extra keys (left implicit)",
      {
        given: `# Thing\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**id** | str,  | x |  | \n${ANY_EXTRA_KEYS}`)}`,
        want: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
      },
    ],
    [
      "typed any_string_name row becomes additionalProperties",
      {
        given: `# Labels\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**any_string_name** | str,  | x | any string name can be used but the value must be the correct type | [optional] ")}`,
        want: { type: "object", additionalProperties: { type: "string" } },
      },
    ],
    [
      "dict without a keys table is a free-form object",
      { given: `# Bag\n\n${typeInfo(OBJECT)}`, want: { type: "object" } },
    ],
    [
      "model link via the {{complexTypePrefix}} placeholder becomes a $ref",
      {
        given: `# Wrapper\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**status** | [**Error**]({{complexTypePrefix}}Error.md) | [**Error**]({{complexTypePrefix}}Error.md) |  | [optional] \n${ANY_EXTRA_KEYS}`)}`,
        want: { type: "object", properties: { status: { $ref: "#/components/schemas/Error" } } },
      },
    ],
    [
      "model link with a description is wrapped in allOf (3.0 ignores $ref siblings)",
      {
        given: `# Wrapper\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**owner** | [**User**](../../models/User.md) | [**User**](../../models/User.md) | Who owns it. | [optional] ")}`,
        want: {
          type: "object",
          properties: { owner: { allOf: [{ $ref: "#/components/schemas/User" }], description: "Who owns it." } },
          additionalProperties: false,
        },
      },
    ],
    [
      "Type | Description | Notes table is a plain $ref",
      {
        given:
          "# SchemaFor400ResponseBodyApplicationJson\nType | Description  | Notes\n------------- | ------------- | -------------\n[**Error**](../../models/Error.md) |  | \n",
        want: { $ref: "#/components/schemas/Error" },
      },
    ],
    [
      "nested inline object from a linked # section, described by its row",
      {
        given: `# Outer\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**[data](#data)** | ${OBJECT} | x | The payload. | [optional] \n${ANY_EXTRA_KEYS}`)}\n# data\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**n** | decimal.Decimal, int, float,  | x |  | ")}`,
        want: {
          type: "object",
          properties: {
            data: {
              type: "object",
              description: "The payload.",
              required: ["n"],
              properties: { n: { type: "number" } },
              additionalProperties: false,
            },
          },
        },
      },
    ],
    [
      "array of models (Tuple Items links a model)",
      {
        given: `# Items\n\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[**Pet**]({{complexTypePrefix}}Pet.md) | [**Pet**]({{complexTypePrefix}}Pet.md) | [**Pet**]({{complexTypePrefix}}Pet.md) |  | \n`,
        want: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      },
    ],
    [
      "array of enum strings with a default",
      {
        given: `# StatusSchema\n\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\nitems | str,  | str,  |  | must be one of ["available", "pending", ] if omitted the server will use the default value of "available"\n`,
        want: { type: "array", items: { type: "string", enum: ["available", "pending"], default: "available" } },
      },
    ],
    [
      "array of any (the MFA otp_devices shape)",
      {
        given: `# otp_devices\n\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\nitems | dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader,  | x |  | \n`,
        want: { type: "array", items: {} },
      },
    ],
    [
      "array of nullable inline objects ([items](#items) section); names repeat at other depths",
      {
        given: `# Outer\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**[rows](#rows)** | list, tuple,  | x |  | \n**[meta](#meta)** | ${OBJECT} | x |  | [optional] `)}\n# rows\n\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[items](#items) | dict, frozendict.frozendict, None,  | x |  | \n\n# items\n\n${typeInfo("dict, frozendict.frozendict, None, ")}\n${dictionaryKeys("**v** | str,  | x |  | ")}\n# meta\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**[items](#items)** | list, tuple,  | x |  | [optional] ")}\n# items\n\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\nitems | bool,  | x |  | \n`,
        want: {
          type: "object",
          required: ["rows"],
          properties: {
            rows: {
              type: "array",
              items: {
                type: "object",
                nullable: true,
                required: ["v"],
                properties: { v: { type: "string" } },
                additionalProperties: false,
              },
            },
            meta: {
              type: "object",
              properties: { items: { type: "array", items: { type: "boolean" } } },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
      },
    ],
    [
      "nullable scalars, formats from types and notes, default",
      {
        given: `# Row\n\n${typeInfo(OBJECT)}\n${dictionaryKeys(
          [
            "**when** | None, str, datetime,  | x |  | [optional] value must conform to RFC-3339 date-time",
            "**day** | str, date,  | x |  | value must conform to RFC-3339 full-date YYYY-MM-DD",
            "**id** | str, uuid.UUID,  | x |  | value must be a uuid",
            "**big** | decimal.Decimal, int,  | x |  | value must be a 64 bit integer",
            "**ratio** | decimal.Decimal, int, float,  | x |  | [optional] value must be a 32 bit float",
            "**on** | bool,  | x |  | [optional] if omitted the server will use the default value of True",
          ].join("\n"),
        )}`,
        want: {
          type: "object",
          required: ["day", "id", "big"],
          properties: {
            when: { type: "string", format: "date-time", nullable: true },
            day: { type: "string", format: "date" },
            id: { type: "string", format: "uuid" },
            big: { type: "integer", format: "int64" },
            ratio: { type: "number", format: "float" },
            on: { type: "boolean", default: true },
          },
          additionalProperties: false,
        },
      },
    ],
    [
      "descriptions keep Markdown, decode entities and unescape pipes",
      {
        given: `# D\n\n${typeInfo("str, ", "Use &#x60;a&#x60; \\| **b** &#x3D; c")}`,
        want: { type: "string", description: "Use `a` | **b** = c" },
      },
    ],
    [
      "composed allOf of a model and an inline object",
      {
        given: `# Both\n\n${typeInfo("dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ")}\n### Composed Schemas (allOf/anyOf/oneOf/not)\n#### allOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[Base]({{complexTypePrefix}}Base.md) | [**Base**]({{complexTypePrefix}}Base.md) | x |  | \n[all_of_1](#all_of_1) | ${OBJECT} | x |  | \n\n# all_of_1\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**extra** | str,  | x |  | ")}`,
        want: {
          allOf: [
            { $ref: "#/components/schemas/Base" },
            {
              type: "object",
              required: ["extra"],
              properties: { extra: { type: "string" } },
              additionalProperties: false,
            },
          ],
        },
      },
    ],
    [
      "oneOf of two scalars",
      {
        given: `# Either\n\n${typeInfo("dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ")}\n### Composed Schemas (allOf/anyOf/oneOf/not)\n#### oneOf\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[one_of_0](#one_of_0) | str,  | x |  | \n[one_of_1](#one_of_1) | decimal.Decimal, int,  | x |  | \n\n# one_of_0\n\n${typeInfo("str, ")}\n# one_of_1\n\n${typeInfo("decimal.Decimal, int, ")}`,
        want: { oneOf: [{ type: "string" }, { type: "integer" }] },
      },
    ],
    [
      "enum model (string with must be one of)",
      {
        given: `# Color\n\n${typeInfo("str, ", "", 'must be one of ["red", "green", ] ')}`,
        want: { type: "string", enum: ["red", "green"] },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { schema, diagnostics } = schemaFromSnippet(given);
    expect(diagnostics).toEqual([]);
    expect(schema).toEqual(want);
  });
});
