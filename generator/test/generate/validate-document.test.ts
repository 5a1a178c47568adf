import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { validateDocument } from "../../src/generate/validate-document.js";

const info = { title: "t", version: "1" };
const ok = { "200": { description: "ok" } };

function problems(document: unknown): string[] {
  try {
    validateDocument(document as OpenApiDocument, "spec.yaml", "");
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map((d) => `${d.pointer}: ${d.message}`);
  }
}

describe("validateDocument accepts valid constructs the old structural rules refused", () => {
  it.each([
    [
      "nullable without type (3.0)",
      { openapi: "3.0.3", info, paths: {}, components: { schemas: { A: { nullable: true } } } },
    ],
    [
      "nullable in 3.1",
      { openapi: "3.1.0", info, paths: {}, components: { schemas: { A: { type: "string", nullable: true } } } },
    ],
    [
      "a discriminator mapping by schema name",
      {
        openapi: "3.0.3",
        info,
        paths: {},
        components: {
          schemas: {
            Pet: {
              type: "object",
              properties: { kind: { type: "string" } },
              discriminator: { propertyName: "kind", mapping: { cat: "Cat" } },
            },
            Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }] },
          },
        },
      },
    ],
    [
      "properties named after Object.prototype members",
      {
        openapi: "3.1.0",
        info,
        paths: {},
        components: {
          schemas: {
            A: { type: "object", properties: { constructor: { type: "string" }, hasOwnProperty: { type: "integer" } } },
          },
        },
      },
    ],
    [
      "3.1 type null and const",
      { openapi: "3.1.0", info, paths: {}, components: { schemas: { N: { type: "null" }, C: { const: 1 } } } },
    ],
  ])("%s", (_name, document) => {
    expect(problems(document)).toEqual([]);
  });
});

describe("validateDocument refuses what cannot be generated, saying where", () => {
  it.each([
    [
      "a null path item",
      { openapi: "3.0.3", info, paths: { "/a": null } },
      ["/paths/~1a: not a valid OpenAPI 3.0 document: must be object"],
    ],
    [
      "a misspelt operation field (3.1)",
      { openapi: "3.1.0", info, paths: { "/a": { get: { responses: ok, summray: "x" } } } },
      ['/paths/~1a/get: not a valid OpenAPI 3.1 document: property "summray" is not allowed here'],
    ],
    [
      "an undeclared path variable",
      { openapi: "3.0.3", info, paths: { "/a/{id}": { get: { responses: ok } } } },
      ["/paths/~1a~1{id}/get: path variable {id} has no `in: path` parameter, so the URL cannot be built"],
    ],
    [
      "a query string with a placeholder in the path",
      {
        openapi: "3.0.3",
        info,
        paths: {
          // `query={query}` names its `in: query` parameter, and `id={id}` an `in: path` one that
          // stands nowhere else, so both are fine; `q={query}`, `{page}` and `{item}` are not.
          "/search/{item}?query={query}&q={query}&{page}&id={id}&i={item}": {
            get: {
              parameters: [
                { name: "query", in: "query", schema: { type: "string" } },
                { name: "page", in: "path", required: true, schema: { type: "string" } },
                { name: "id", in: "path", required: true, schema: { type: "string" } },
                { name: "item", in: "path", required: true, schema: { type: "string" } },
              ],
              responses: ok,
            },
          },
        },
      },
      [
        '/paths/~1search~1{item}?query={query}&q={query}&{page}&id={id}&i={item}/get: the path\'s query string has a placeholder ("q={query}") that no parameter fills; write it `name={name}` with an `in: query` parameter of that name, or an `in: path` parameter used nowhere else',
        '/paths/~1search~1{item}?query={query}&q={query}&{page}&id={id}&i={item}/get: the path\'s query string has a placeholder ("{page}") that no parameter fills; write it `name={name}` with an `in: query` parameter of that name, or an `in: path` parameter used nowhere else',
        '/paths/~1search~1{item}?query={query}&q={query}&{page}&id={id}&i={item}/get: the path\'s query string has a placeholder ("i={item}") that no parameter fills; write it `name={name}` with an `in: query` parameter of that name, or an `in: path` parameter used nowhere else',
      ],
    ],
    [
      "discriminator mappings that lead nowhere",
      {
        openapi: "3.0.3",
        info,
        paths: {},
        components: {
          schemas: {
            Cat: { type: "object", properties: { kind: { type: "string" } } },
            Pet: {
              oneOf: [{ $ref: "#/components/schemas/Cat" }],
              discriminator: {
                propertyName: "kind",
                mapping: { cat: "Cat", dog: "Dog", fish: "#/components/schemas/Fish" },
              },
            },
          },
        },
      },
      [
        '/components/schemas/Pet/discriminator/mapping/dog: discriminator mapping "dog" names "Dog", which is neither a component schema nor a #/… reference',
        '/components/schemas/Pet/discriminator/mapping/fish: discriminator mapping "fish" points at #/components/schemas/Fish, which does not resolve',
      ],
    ],
    [
      "server URL variables without a declaration, at the root and on an operation",
      {
        openapi: "3.0.3",
        info,
        servers: [{ url: "https://{region}.example.com/{base}", variables: { region: { default: "eu" } } }],
        paths: { "/a": { get: { servers: [{ url: "https://{tenant}.example.com" }], responses: ok } } },
      },
      [
        "/paths/~1a/get/servers/0/url: server URL variable {tenant} is not declared under `variables` (with a default), so the URL cannot be built",
        "/servers/0/url: server URL variable {base} is not declared under `variables` (with a default), so the URL cannot be built",
      ],
    ],
    [
      "a duplicate operationId",
      {
        openapi: "3.0.3",
        info,
        paths: {
          "/a": { get: { operationId: "x", responses: ok } },
          "/b": { get: { operationId: "x", responses: ok } },
        },
      },
      ['/paths/~1b/get/operationId: operationId "x" is also used at #/paths/~1a/get/operationId'],
    ],
    [
      "a header parameter declared twice in different case",
      {
        openapi: "3.0.3",
        info,
        paths: {
          "/a": {
            get: {
              parameters: [
                { name: "X-Id", in: "header", schema: { type: "string" } },
                { name: "x-id", in: "header", schema: { type: "string" } },
              ],
              responses: ok,
            },
          },
        },
      },
      ['/paths/~1a/get/parameters: parameter "x-id" (in: header) is declared twice in one operation'],
    ],
    [
      "an allOf of string and integer",
      {
        openapi: "3.1.0",
        info,
        paths: {},
        components: { schemas: { A: { allOf: [{ type: "string" }, { type: "integer" }] } } },
      },
      [
        "/components/schemas/A: allOf requires a value to be integer and string at once; no value can be, so no type can be generated",
      ],
    ],
  ])("%s", (_name, document, want) => {
    expect(problems(document)).toEqual(want);
  });

  it("an allOf of integer and number is satisfiable", () => {
    const document = {
      openapi: "3.0.3",
      info,
      paths: {},
      components: { schemas: { A: { allOf: [{ type: "integer" }, { type: "number" }] } } },
    };
    expect(problems(document)).toEqual([]);
  });
});
