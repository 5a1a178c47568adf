import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { jsDocLines, prepareSpec, prepareSpecForTemplates, SHADOWING_NAMES } from "../../src/generate/prepare-spec.js";
import { repoRoot } from "../support/run-cli.js";

function specWith(operation: Record<string, unknown>, extra: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: { "/things/{id}": { post: operation } },
    ...extra,
  };
}

function prepared(spec: OpenApiDocument): Record<string, unknown> {
  return prepareSpecForTemplates(spec, "spec.yaml").paths["/things/{id}"]!.post as Record<string, unknown>;
}

describe("prepareSpecForTemplates", () => {
  it.each([
    ["operationId literal", { given: { operationId: 'odd"id' }, key: "x-sdk-operation-id", want: '"odd\\"id"' }],
    ["derived operationId", { given: {}, key: "x-sdk-operation-id", want: '"postThingsById"' }],
    ["path literal", { given: { operationId: "a" }, key: "x-sdk-path", want: '"/things/{id}"' }],
    ["no body", { given: { operationId: "a" }, key: "x-sdk-media-type", want: "undefined" }],
    [
      "JSON media type preferred",
      {
        given: { requestBody: { required: true, content: { "text/plain": {}, "application/vnd.x+json": {} } } },
        key: "x-sdk-media-type",
        want: '"application/vnd.x+json"',
      },
    ],
    [
      "required body",
      {
        given: { requestBody: { required: true, content: { "application/json": {} } } },
        key: "x-sdk-body-required",
        want: "true",
      },
    ],
    [
      "response table",
      {
        given: {
          responses: {
            "200": { description: "", content: { "application/json": {} } },
            "204": { description: "" },
            "x-ext": {},
          },
        },
        key: "x-sdk-responses",
        want: '{"200":"application/json","204":null}',
      },
    ],
    [
      "operation security",
      { given: { security: [{ A: [] }, { B: [], C: [] }] }, key: "x-sdk-security", want: '[["A"],["B","C"]]' },
    ],
    ["explicitly no security", { given: { security: [] }, key: "x-sdk-security", want: "[]" }],
    [
      "optional body is marked",
      { given: { requestBody: { content: { "application/json": {} } } }, key: "x-sdk-body-mark", want: "?" },
    ],
    [
      "required body is not",
      {
        given: { requestBody: { required: true, content: { "application/json": {} } } },
        key: "x-sdk-body-mark",
        want: "",
      },
    ],
    [
      "all optional: params may be left out",
      { given: { parameters: [{ name: "q", in: "query", schema: {} }] }, key: "x-sdk-params-default", want: " = {}" },
    ],
    [
      "a required query parameter",
      {
        given: { parameters: [{ name: "q", in: "query", required: true, schema: {} }] },
        key: "x-sdk-params-default",
        want: "",
      },
    ],
    [
      "a required body alone",
      {
        given: { requestBody: { required: true, content: { "application/json": {} } } },
        key: "x-sdk-params-default",
        want: "",
      },
    ],
    [
      "a body of no media type is none: nothing to send",
      { given: { requestBody: { required: true, content: {} } }, key: "x-sdk-has-params", want: false },
    ],
  ] as const)("%s", (_name, { given, key, want }) => {
    expect(prepared(specWith({ ...given }))[key]).toBe(want);
  });

  it("renders descriptions as JSDoc lines for parameters, properties and models", () => {
    const spec = specWith(
      { parameters: [{ name: "q", in: "query", description: "Line one\nLine two", schema: { type: "string" } }] },
      {
        components: {
          schemas: {
            Pet: {
              description: "A pet.",
              type: "object",
              properties: { name: { type: "string", description: 'Say "hi"' } },
            },
          },
        },
      },
    );
    const copy = prepareSpecForTemplates(spec, "spec.yaml");
    const param = (
      (copy.paths["/things/{id}"]!.post as Record<string, unknown>).parameters as Record<string, unknown>[]
    )[0]!;
    expect(param["x-sdk-doc"]).toBe("   * Line one\n   * Line two");
    const pet = copy.components!.schemas!.Pet as Record<string, unknown>;
    expect(pet["x-sdk-model-doc"]).toBe(" * A pet.");
    expect((pet.properties as Record<string, Record<string, unknown>>).name!["x-sdk-doc"]).toBe('   * Say "hi"');
  });

  it("documents an undocumented model by its key as the spec spells it, even when the key is renamed", () => {
    const spec = specWith(
      {},
      {
        components: {
          schemas: {
            configuration: { type: "object" },
            "odd*/key": { type: "object" },
            Alias: { $ref: "#/components/schemas/configuration" },
          },
        },
      },
    );
    const schemas = prepareSpecForTemplates(spec, "spec.yaml").components!.schemas as Record<
      string,
      Record<string, unknown>
    >;
    expect(schemas.Configuration!["x-sdk-model-doc"]).toBe(" * The `configuration` schema.");
    expect(schemas["odd*/key"]!["x-sdk-model-doc"]).toBe(" * The `odd*\\/key` schema.");
    expect(schemas.Alias).toEqual({ $ref: "#/components/schemas/Configuration" });
  });

  it("gives a schema-less request media type an any-schema, which OpenAPI Generator requires, and bytes the binary one", () => {
    const op = prepared(
      specWith({
        requestBody: { content: { "application/json": {}, "text/plain": { schema: {} }, "image/png": {} } },
        responses: {
          "200": { description: "", content: { "application/pdf": { schema: {} }, "text/csv": {} } },
        },
      }),
    );
    const content = (op.requestBody as { content: Record<string, Record<string, unknown>> }).content;
    expect(content["application/json"]!.schema).toEqual({});
    expect(content["text/plain"]!.schema).toEqual({});
    expect(content["image/png"]!.schema).toEqual({ type: "string", format: "binary" });
    const response = (op.responses as Record<string, { content: Record<string, Record<string, unknown>> }>)["200"]!;
    expect(response.content["application/pdf"]!.schema).toEqual({ type: "string", format: "binary" });
    expect(response.content["text/csv"]!.schema).toBeUndefined();
  });

  it("puts the media type the client sends or reads first, since OpenAPI Generator types a body by its first", () => {
    const text = { schema: { type: "string" } };
    const json = { schema: { type: "object", properties: { a: { type: "string" } } } };
    const spec = specWith({
      requestBody: { $ref: "#/components/requestBodies/Echo" },
      responses: { "200": { description: "", content: { "text/plain": text, "application/json": json } } },
    });
    spec.components = {
      requestBodies: { Echo: { required: true, content: { "text/plain": text, "application/json": json } } },
    };
    const document = prepareSpecForTemplates(spec, "spec.yaml");
    const op = document.paths["/things/{id}"]!.post as Record<string, unknown>;
    const body = (document.components as { requestBodies: Record<string, { content: object }> }).requestBodies.Echo!;
    expect(Object.keys(body.content)).toEqual(["application/json", "text/plain"]);
    const responses = op.responses as Record<string, { content: object }>;
    expect(Object.keys(responses["200"]!.content)).toEqual(["application/json", "text/plain"]);
    expect(op["x-sdk-media-type"]).toBe('"application/json"');
    expect(op["x-sdk-responses"]).toBe('{"200":"application/json"}');
    // The input is left as it was.
    expect(Object.keys((spec.components.requestBodies!.Echo as { content: object }).content)).toEqual([
      "text/plain",
      "application/json",
    ]);
  });

  it("inherits root security", () => {
    expect(prepared(specWith({}, { security: [{ OAuth2: [] }] }))["x-sdk-security"]).toBe('[["OAuth2"]]');
  });

  it("annotates parameters, including $ref'd ones, with their wire-name literal", () => {
    const spec = specWith(
      {
        parameters: [{ $ref: "#/components/parameters/Id" }, { name: 'q"x', in: "query", schema: { type: "string" } }],
      },
      { components: { parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } } } },
    );
    const copy = prepareSpecForTemplates(spec, "spec.yaml");
    const [shared, inline] = (copy.paths["/things/{id}"]!.post as Record<string, unknown>).parameters as Record<
      string,
      unknown
    >[];
    expect(shared!["x-sdk-name"]).toBe('"id"');
    expect(inline!["x-sdk-name"]).toBe('"q\\"x"');
  });

  it("neutralises comment terminators in descriptions without touching the input", () => {
    const spec = specWith({ operationId: "a", description: "ends */ here" });
    expect(prepared(spec).description).toBe("ends *\\/ here");
    expect((spec.paths["/things/{id}"]!.post as Record<string, unknown>).description).toBe("ends */ here");
  });

  it("rejects a path that cannot be embedded in generated code, naming where", () => {
    const spec: OpenApiDocument = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/a`b": { get: {} } },
    };
    expect(() => prepareSpecForTemplates(spec, "spec.yaml")).toThrow(
      /spec\.yaml: error: path "\/a`b" .*\(at #\/paths\/~1a`b\/get\)/,
    );
  });
});

describe("jsDocLines", () => {
  it.each([
    [
      "summary and distinct description",
      { given: ["Sum", "Line one\nLine two"], want: "   * Sum\n   *\n   * Line one\n   * Line two" },
    ],
    ["description repeating the summary", { given: ["Same", "Same"], want: "   * Same" }],
    ["nothing", { given: [undefined, ""], want: "   * (no description in the spec)" }],
  ] as const)("%s", (_name, { given, want }) => {
    expect(jsDocLines([...given], "   ")).toBe(want);
  });
});

describe("model names", () => {
  it("renames only schemas that shadow a global or a runtime export", () => {
    const spec = specWith({}, { components: { schemas: { Error: {}, ApiResponse: {}, Pet: {} } } });
    expect(prepareSpec(spec, "spec.yaml").modelNames).toEqual({
      ApiResponse: "ModelApiResponse",
      Error: "ModelError",
      Pet: "Pet",
    });
  });

  it("renames a key spelled other than a name OpenAPI Generator keeps for itself to that name, references included", () => {
    const spec = specWith(
      {
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/configuration" } } },
          },
        },
      },
      {
        components: {
          schemas: { configuration: { type: "object" }, pick: { type: "string" }, Required: {}, plain: {} },
        },
      },
    );
    const { document, modelNames } = prepareSpec(spec, "spec.yaml");
    expect(Object.keys(document.components!.schemas!)).toEqual(["Configuration", "Pick", "Required", "plain"]);
    expect(modelNames).toEqual({ Configuration: "Configuration", Pick: "Pick", Required: "Required", plain: "Plain" });
    const response = (
      document.paths["/things/{id}"]!.post as {
        responses: Record<string, { content: Record<string, { schema: unknown }> }>;
      }
    ).responses["200"]!;
    expect(response.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/Configuration" });
  });

  it("covers every name the client packages export from the runtime", async () => {
    const exported = new Set<string>();
    for (const file of ["public.ts", "fetch-flavor.ts", "axios-flavor.ts"]) {
      const source = await readFile(path.join(repoRoot, "runtime", "src", file), "utf8");
      for (const block of source.matchAll(/export (?:type )?\{([^}]*)\}/g)) {
        for (const name of block[1]!.split(",")) if (name.trim()) exported.add(name.trim().replace(/^type /, ""));
      }
      for (const match of source.matchAll(/export (?:interface|type|function|class|const) (\w+)/g))
        exported.add(match[1]!);
    }
    const missing = [...exported].filter((name) => /^[A-Z]/.test(name) && !SHADOWING_NAMES.has(name));
    expect(missing).toEqual([]);
  });
});
