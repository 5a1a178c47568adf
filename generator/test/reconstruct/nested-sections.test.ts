/**
 * Nested `# name` sections end without a closing heading, so a "### Tuple Items" or
 * "### Composed Schemas" after one may belong to it or to the schema around it.
 */
import { describe, expect, it } from "vitest";
import type { SchemaObject } from "../../src/reconstruct/openapi-types.js";
import { dictionaryKeys, schemaFromSnippet, typeInfo } from "./helpers.js";

const ANY =
  "dict, frozendict.frozendict, str, date, datetime, uuid.UUID, int, float, decimal.Decimal, bool, None, list, tuple, bytes, io.FileIO, io.BufferedReader, ";
const OBJECT = "dict, frozendict.frozendict, ";
const ARRAY = "list, tuple, ";

function composed(kind: string, rows: string): string {
  return `### Composed Schemas (allOf/anyOf/oneOf/not)
#### ${kind}
Class Name | Input Type | Accessed Type | Description | Notes
------------- | ------------- | ------------- | ------------- | -------------
${rows}
`;
}

function tupleItems(row: string): string {
  return `### Tuple Items
Class Name | Input Type | Accessed Type | Description | Notes
------------- | ------------- | ------------- | ------------- | -------------
${row}
`;
}

// Snippets sit on an API page, where nested links keep the generator's unfilled prefix.
const REF_A = "[A]({{complexTypePrefix}}A.md) | [**A**]({{complexTypePrefix}}A.md) | x |  | ";
const REF_B = "[B]({{complexTypePrefix}}B.md) | [**B**]({{complexTypePrefix}}B.md) | x |  | ";
const A = { $ref: "#/components/schemas/A" };
const B = { $ref: "#/components/schemas/B" };

describe("which schema a part after a nested section belongs to", () => {
  it.each<[string, { given: string; want: SchemaObject }]>([
    [
      "an object property with keys leaves the composition to its parent",
      {
        given: `# P\n\n${typeInfo(ANY)}\n${dictionaryKeys("**[meta](#meta)** | dict, frozendict.frozendict,  | x |  | ")}
# meta\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**note** | str,  | x |  | ")}
${composed("allOf", REF_A)}`,
        want: {
          required: ["meta"],
          properties: {
            meta: {
              type: "object",
              required: ["note"],
              properties: { note: { type: "string" } },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
          allOf: [A],
        },
      },
    ],
    [
      "an object property without keys is there for its composition",
      {
        given: `# P\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**[owner](#owner)** | dict, frozendict.frozendict,  | x |  | ")}
# owner\n\n${typeInfo(OBJECT)}\n${composed("allOf", REF_A)}`,
        want: {
          type: "object",
          required: ["owner"],
          properties: { owner: { type: "object", allOf: [A] } },
          additionalProperties: false,
        },
      },
    ],
    [
      "a property of any type is there for its composition",
      {
        given: `# P\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**[pet](#pet)** | x | x |  | ")}
# pet\n\n${typeInfo(ANY)}\n${composed("oneOf", `${REF_A}\n${REF_B}`)}`,
        want: {
          type: "object",
          required: ["pet"],
          properties: { pet: { oneOf: [A, B] } },
          additionalProperties: false,
        },
      },
    ],
    [
      "an array's object items leave the composition to the array",
      {
        given: `# P\n\n${typeInfo(ARRAY)}\n${tupleItems("[items](#items) | dict, frozendict.frozendict,  | x |  | ")}
# items\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**id** | str,  | x |  | ")}
${composed("anyOf", REF_A)}`,
        want: {
          type: "array",
          items: {
            type: "object",
            required: ["id"],
            properties: { id: { type: "string" } },
            additionalProperties: false,
          },
          anyOf: [A],
        },
      },
    ],
    [
      "an object property leaves Tuple Items to its parent",
      {
        given: `# P\n\n${typeInfo(ARRAY)}\n${dictionaryKeys("**[meta](#meta)** | dict, frozendict.frozendict,  | x |  | ")}
# meta\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**note** | str,  | x |  | ")}
${tupleItems("items | str,  | x |  | ")}`,
        want: {
          type: "array",
          required: ["meta"],
          properties: {
            meta: {
              type: "object",
              required: ["note"],
              properties: { note: { type: "string" } },
              additionalProperties: false,
            },
          },
          additionalProperties: false,
          items: { type: "string" },
        },
      },
    ],
    [
      "a member's composition stops at a kind that comes earlier in the generator's order",
      {
        given: `# P\n\n${typeInfo(ANY)}\n${composed("allOf", "[all_of_0](#all_of_0) | x | x |  | ")}
# all_of_0\n\n${typeInfo(ANY)}\n${composed("oneOf", `${REF_A}\n${REF_B}`)}#### anyOf
Class Name | Input Type | Accessed Type | Description | Notes
------------- | ------------- | ------------- | ------------- | -------------
${REF_B}
`,
        want: { allOf: [{ oneOf: [A, B] }], anyOf: [B] },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { schema, diagnostics } = schemaFromSnippet(given);
    expect(diagnostics).toEqual([]);
    expect(schema).toEqual(want);
  });
});
