import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../../src/generate/load-spec.js";
import { prepareSpec } from "../../../src/generate/prepare-spec.js";
import { inlineDeepRefs } from "../../../src/generate/schema-package.js";

type Json = Record<string, unknown>;

const jsonResponse = (schema: Json): Json => ({ description: "ok", content: { "application/json": { schema } } });

function specOf(schemas: Json, responses: Json = {}, extra: Json = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/a": { get: { operationId: "getA", responses: { "200": jsonResponse(extra) } } },
    },
    components: { schemas, responses },
  } as OpenApiDocument;
}

/** Every `$ref` string left in a document. */
function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  return found;
}

const isComponentRef = (ref: string): boolean => /^#\/components\/[^/]+\/[^/]+$/.test(ref);

describe("references that point inside something (prepared copy for OpenAPI Generator)", () => {
  it("copies a property that is no model into the reference's place", () => {
    const spec = specOf(
      { Thing: { type: "object", properties: { id: { type: "string", format: "uuid" } } } },
      {},
      { type: "object", properties: { owner: { $ref: "#/components/schemas/Thing/properties/id" } } },
    );
    const { document } = prepareSpec(spec, "spec.yaml");
    const schemas = document.components!.schemas as Record<string, Json>;
    expect((schemas.GetA200Response!.properties as Json).owner).toEqual({ type: "string", format: "uuid" });
    expect(refsIn(document).every(isComponentRef)).toBe(true);
  });

  it("follows a reference under a property named like a data keyword (default, example)", () => {
    const spec = specOf(
      { Thing: { type: "object", properties: { id: { type: "string", format: "uuid" } } } },
      {},
      {
        type: "object",
        properties: {
          default: { $ref: "#/components/schemas/Thing/properties/id" },
          example: { $ref: "#/components/schemas/Thing/properties/id" },
        },
      },
    );
    const schemas = prepareSpec(spec, "spec.yaml").document.components!.schemas as Record<string, Json>;
    const properties = schemas.GetA200Response!.properties as Json;
    expect(properties.default).toEqual({ type: "string", format: "uuid" });
    expect(properties.example).toEqual({ type: "string", format: "uuid" });
  });

  it("points a reference into a lifted inline schema at the model it became", () => {
    const spec = specOf(
      {},
      {
        Invalid: jsonResponse({
          type: "object",
          properties: { problem: { type: "object", properties: { detail: { type: "string" } } } },
        }),
      },
      { $ref: "#/components/responses/Invalid/content/application~1json/schema/properties/problem" },
    );
    const { document } = prepareSpec(spec, "spec.yaml");
    const paths = document.paths as Record<string, Record<string, Json>>;
    const response = (paths["/a"]!.get!.responses as Record<string, Json>)["200"]!;
    expect((response.content as Record<string, Json>)["application/json"]!.schema).toEqual({
      $ref: "#/components/schemas/InvalidResponseProblem",
    });
  });

  it("lifts a model kept under definitions as <Component><Key>, and a self-reference follows it", () => {
    const spec = specOf(
      {
        Option: {
          type: "object",
          definitions: {
            tree: {
              type: "object",
              properties: {
                children: { type: "array", items: { $ref: "#/components/schemas/Option/definitions/tree" } },
              },
            },
          },
          properties: { tree: { $ref: "#/components/schemas/Option/definitions/tree" } },
        },
      },
      {},
      { $ref: "#/components/schemas/Option" },
    );
    const { document, modelNames } = prepareSpec(spec, "spec.yaml");
    const schemas = document.components!.schemas as Record<string, Json>;
    expect(modelNames.OptionTree).toBe("OptionTree");
    expect((schemas.Option!.properties as Json).tree).toEqual({ $ref: "#/components/schemas/OptionTree" });
    const children = (schemas.OptionTree!.properties as Record<string, Json>).children!;
    expect(children.items).toEqual({ $ref: "#/components/schemas/OptionTree" });
  });

  it("keeps schemas marked x-internal, since operations refer to them", () => {
    const spec = specOf(
      { Page: { "x-internal": true, type: "object", properties: { n: { type: "integer" } } } },
      {},
      {
        $ref: "#/components/schemas/Page",
      },
    );
    const schemas = prepareSpec(spec, "spec.yaml").document.components!.schemas as Record<string, Json>;
    expect(schemas.Page).not.toHaveProperty("x-internal");
  });
});

describe("references that point inside something (schema package input)", () => {
  it("copies each target, and gives a target that contains itself a schema keyed by its pointer", () => {
    const document = {
      components: {
        schemas: {
          Thing: { type: "object", properties: { id: { type: "string" } } },
          Option: {
            definitions: {
              tree: { type: "object", properties: { next: { $ref: "#/components/schemas/Option/definitions/tree" } } },
            },
            properties: {
              owner: { $ref: "#/components/schemas/Thing/properties/id" },
              tree: { $ref: "#/components/schemas/Option/definitions/tree" },
            },
          },
        },
      },
    };
    inlineDeepRefs(document, document);
    const schemas = document.components.schemas as Record<string, Json>;
    const properties = schemas.Option!.properties as Record<string, Json>;
    expect(properties.owner).toEqual({ type: "string" });
    expect(refsIn(properties)).toEqual(["#/components/schemas/Option~1definitions~1tree"]);
    expect(schemas["Option/definitions/tree"]).toEqual({
      type: "object",
      properties: { next: { $ref: "#/components/schemas/Option~1definitions~1tree" } },
    });
  });

  it("lifts a target that holds deep references of its own, so chains of them stay linear", () => {
    // S0.x refers twice to S1.x, which refers twice to S2.x, …: copying would make 2^16 copies.
    const depth = 16;
    const schemas: Record<string, Json> = {};
    for (let level = 0; level < depth; level++) {
      const next = { $ref: `#/components/schemas/S${level + 1}/properties/x` };
      const properties = level === depth - 1 ? { leaf: { type: "string" } } : { a: next, b: { ...next } };
      schemas[`S${level}`] = { type: "object", properties: { x: { type: "object", properties } } };
    }
    const document = { components: { schemas } };
    inlineDeepRefs(document, document);
    expect(JSON.stringify(document).length).toBeLessThan(20_000);
    const lifted = document.components.schemas as Record<string, Json>;
    // S15.x holds no deep reference, so it is copied (into the lifted S14.x); every other level is lifted.
    expect(refsIn(lifted.S0!)).toEqual([
      "#/components/schemas/S1~1properties~1x",
      "#/components/schemas/S1~1properties~1x",
    ]);
    expect((lifted["S14/properties/x"] as Json).properties).toEqual({ a: LEAF, b: LEAF });
  });
});

const LEAF = { type: "object", properties: { leaf: { type: "string" } } };
