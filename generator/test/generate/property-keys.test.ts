import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { restoreKeys, standInKey, useStandInKeys } from "../../src/generate/property-keys.js";

describe("stand-in keys for property names a template cannot quote", () => {
  const document = (): OpenApiDocument =>
    ({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Thing: {
            type: "object",
            required: ['a"b', "plain"],
            properties: {
              first: { type: "string" },
              'a"b': { type: "string" },
              plain: { type: "string" },
              // A property named `properties`: its schema's own properties are renamed too.
              properties: { type: "object", properties: { "x\\y": { type: "integer" } } },
            },
            example: { 'a"b': "data keeps its keys", properties: { "x\\y": 1 } },
          },
        },
      },
    }) as OpenApiDocument;

  it("renames only the names that need escaping, in place and in required, and leaves data alone", () => {
    const spec = document();
    const originals = useStandInKeys(spec);
    const thing = (spec.components!.schemas as Record<string, Record<string, unknown>>).Thing!;
    expect(Object.keys(thing.properties as object)).toEqual(["first", standInKey('a"b'), "plain", "properties"]);
    expect(thing.required).toEqual([standInKey('a"b'), "plain"]);
    const nested = (thing.properties as Record<string, { properties: object }>).properties!.properties;
    expect(Object.keys(nested)).toEqual([standInKey("x\\y")]);
    expect(thing.example).toEqual({ 'a"b': "data keeps its keys", properties: { "x\\y": 1 } });
    expect([...originals]).toEqual([
      [standInKey('a"b'), 'a"b'],
      [standInKey("x\\y"), "x\\y"],
    ]);
  });

  it("puts each original back as a JSON string where the stand-in stands quoted", () => {
    const originals = useStandInKeys(document());
    const tree = new Map([
      [
        "models/thing.gen.ts",
        `export interface Thing {\n  "${standInKey('a"b')}": string;\n  "${standInKey("x\\y")}"?: number;\n}\n`,
      ],
    ]);
    expect(restoreKeys(tree, originals).get("models/thing.gen.ts")).toBe(
      'export interface Thing {\n  "a\\"b": string;\n  "x\\\\y"?: number;\n}\n',
    );
  });
});
