/**
 * One invented docs folder per class of construct the MFA and inventory fixtures never
 * needed (generator/test/fixtures/docs-extra/<case>), each reconstructed on its own.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reconstructSpec } from "../../src/reconstruct/index.js";
import { repoRoot, validatorErrors } from "./helpers.js";

const EXTRA = path.join(repoRoot, "generator", "test", "fixtures", "docs-extra");

/** The value at a JSON pointer (`/paths/~1blobs/put`), or undefined. */
function at(document: unknown, pointer: string): unknown {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

interface Case {
  /** JSON pointer → expected value. */
  want: Record<string, unknown>;
  /** Warnings as `line: message`. */
  warnings: string[];
}

describe("docs-extra fixtures", () => {
  it.each<[string, Case]>([
    [
      "schemaless-bodies",
      {
        want: {
          // The only media type, named by content_type, keeps its place without a schema.
          "/paths/~1blobs~1{blob_key}/put/requestBody": {
            required: true,
            content: { "application/octet-stream": {} },
          },
          "/paths/~1logs/post/requestBody": { content: { "application/x-ndjson": {} } },
          // A schema-less second media type has no name in the docs: left out, with a warning.
          "/paths/~1notes/post/requestBody": {
            required: true,
            content: { "text/plain": { schema: { $ref: "#/components/schemas/PutNoteRequest" } } },
          },
        },
        warnings: [
          "132: the body row lists a media type without a schema (member 2), and the docs do not name it; left out",
        ],
      },
    ],
    [
      "entry-names",
      {
        want: {
          "/paths/~1entries/get/parameters/0/name": "_order_",
          "/paths/~1entries/get/responses/200/content/application~1json/schema": {
            type: "object",
            required: ["line items", "__v"],
            properties: {
              "line items": { type: "array", description: "Booked lines.", items: { type: "string" } },
              __v: { type: "integer", description: "Revision counter." },
              _meta_: { type: "string", description: "Free-form note." },
            },
            additionalProperties: false,
          },
        },
        warnings: [],
      },
    ],
    [
      "nested-parts",
      {
        want: {
          "/components/schemas/Parcel": {
            description: "A shipment with labels, carried by one courier.",
            required: ["courier"],
            properties: {
              // An object section without keys exists for its composition: it keeps it.
              courier: {
                type: "object",
                description: "Who carries it.",
                allOf: [{ $ref: "#/components/schemas/Carrier" }],
              },
              labels: { type: "array", description: "Printed labels.", items: { type: "string" } },
            },
            // The array section before "### Composed Schemas" does not take the parent's composition.
            additionalProperties: { type: "array", description: "Counts per depot.", items: { type: "integer" } },
            allOf: [
              { $ref: "#/components/schemas/Shipment" },
              { oneOf: [{ $ref: "#/components/schemas/Box" }, { $ref: "#/components/schemas/Tube" }] },
            ],
            // "#### anyOf" after the member's "#### oneOf" comes earlier in the generator's order: the parent's.
            anyOf: [{ $ref: "#/components/schemas/Insured" }],
          },
        },
        warnings: [],
      },
    ],
    [
      "table-overflow",
      {
        want: {
          "/paths/~1reading/get/responses/200/content/application~1json/schema/properties/unit/description":
            "Display unit, kg",
        },
        warnings: [
          '51: table row has more cells than its header (a "|" inside a cell?); the extra cells "[optional]" are ignored',
          '51: unrecognised note "lb"; ignored',
        ],
      },
    ],
    [
      "map-defaults",
      {
        want: {
          // The generator prints a map property's default as a Python dict.
          "/components/schemas/Plot/properties/tags/default": {},
          "/components/schemas/Plot/properties/layout/default": { rows: 2, cols: 3 },
        },
        warnings: [],
      },
    ],
    [
      "summaries",
      {
        want: {
          // `\&quot;` in the table is the generator's `\"`: the summary is plain text, so it reads `"`.
          "/paths/~1quote/get/summary": 'Echo a "quoted" word',
          // Plain text keeps what the spec wrote, asterisks included.
          "/paths/~1all/get/summary": "Echo *every* word & space",
        },
        warnings: [],
      },
    ],
    [
      "missing-sections",
      {
        want: { "/paths/~1lamps~1dim/post/requestBody": undefined, "/paths/~1lamps~1dim/post/parameters": undefined },
        warnings: [
          '27: the Parameters table of dim_lamp lists a body, but there is no "### body" section; no request body is emitted',
          '28: the Parameters table of dim_lamp lists query_params, but there is no "### query_params" section; those parameters are missing',
        ],
      },
    ],
  ])("%s", async (name, { want, warnings }) => {
    const result = await reconstructSpec({ docsDir: path.join(EXTRA, name) });
    for (const [pointer, value] of Object.entries(want)) expect(at(result.document, pointer), pointer).toEqual(value);
    expect(result.warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual(warnings);
    expect(await validatorErrors(result.document)).toBe("");
  });
});
