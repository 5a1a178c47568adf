import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/diagnostics.js";
import type { OpenApiDocument } from "../../../src/generate/load-spec.js";
import { prepareSpec } from "../../../src/generate/prepare-spec.js";

type Json = Record<string, unknown>;

const objectOf = (properties: Json): Json => ({ type: "object", properties });
const jsonResponse = (schema: Json): Json => ({ description: "ok", content: { "application/json": { schema } } });

function specOf(paths: Json, components: Json = {}): OpenApiDocument {
  return { openapi: "3.0.3", info: { title: "t", version: "1" }, paths, components } as OpenApiDocument;
}

/** Every error message of a refused spec, or [] when it is accepted. */
function refusals(spec: OpenApiDocument): string[] {
  try {
    prepareSpec(spec, "spec.yaml");
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics.map((d) => `#${d.pointer ?? ""} ${d.message}`);
  }
}

const twoOperationsSharingAShape = (extraOnB: Json = {}): OpenApiDocument =>
  specOf({
    "/a": { get: { operationId: "get_a", responses: { "200": jsonResponse(objectOf({ id: { type: "string" } })) } } },
    "/b": {
      get: {
        operationId: "get_b",
        responses: { "200": jsonResponse(objectOf({ id: { type: "string" }, ...extraOnB })) },
      },
    },
  });

describe("inline schemas are named from their own place", () => {
  it.each([
    [
      "request body",
      { requestBody: { content: { "application/json": { schema: objectOf({ a: {} }) } } } },
      "GetThingRequest",
    ],
    ["response by status", { responses: { "201": jsonResponse(objectOf({ a: {} })) } }, "GetThing201Response"],
    ["default response", { responses: { default: jsonResponse(objectOf({ a: {} })) } }, "GetThingDefaultResponse"],
    [
      "nested property",
      { responses: { "200": jsonResponse(objectOf({ data: objectOf({ a: {} }) })) } },
      "GetThing200ResponseData",
    ],
    [
      "array items",
      { responses: { "200": jsonResponse({ type: "array", items: objectOf({ a: {} }) }) } },
      "GetThing200ResponseInner",
    ],
    [
      "map values",
      { responses: { "200": jsonResponse({ type: "object", additionalProperties: objectOf({ a: {} }) }) } },
      "GetThing200ResponseValue",
    ],
    [
      "second allOf member",
      { responses: { "200": jsonResponse({ allOf: [objectOf({ a: {} }), objectOf({ b: {} })] }) } },
      "GetThing200ResponseAllOf1",
    ],
    [
      "object parameter",
      { parameters: [{ name: "filter", in: "query", schema: objectOf({ a: {} }) }] },
      "GetThingFilterParameter",
    ],
  ])("%s", (_name, operation, want) => {
    const spec = specOf({ "/thing": { get: { operationId: "get_thing", responses: {}, ...operation } } });
    expect(Object.keys(prepareSpec(spec, "spec.yaml").modelNames)).toContain(want);
  });

  it("gives two operations with equal inline shapes a model each", () => {
    const { modelNames } = prepareSpec(twoOperationsSharingAShape(), "spec.yaml");
    expect(Object.keys(modelNames)).toEqual(["GetA200Response", "GetB200Response"]);
  });

  it("keeps operation A's model when operation B changes", () => {
    const before = prepareSpec(twoOperationsSharingAShape(), "spec.yaml").document;
    const after = prepareSpec(twoOperationsSharingAShape({ extra: { type: "integer" } }), "spec.yaml").document;
    const schemaOfA = (doc: OpenApiDocument) => doc.components?.schemas?.GetA200Response;
    expect(schemaOfA(after)).toEqual(schemaOfA(before));
    const responseOfA = (doc: OpenApiDocument) => (doc.paths["/a"]!.get as Json).responses;
    expect(responseOfA(after)).toEqual(responseOfA(before));
  });

  it("names a component's inline members after the component", () => {
    const spec = specOf({}, { schemas: { Pet: objectOf({ owner: objectOf({ name: {} }) }) } });
    expect(prepareSpec(spec, "spec.yaml").modelNames).toEqual({ Pet: "Pet", PetOwner: "PetOwner" });
  });

  it("appends Inline to an inline schema whose name from its place a component already holds", () => {
    // AWS's pattern: the component `<Operation>Request` and an inline copy of it as the body.
    const body = { content: { "application/json": { schema: objectOf({ rows: {} }) } } };
    const spec = specOf(
      { "/rows": { post: { operationId: "BatchCreateRows", requestBody: body, responses: {} } } },
      { schemas: { batch_create_rows_request: objectOf({ rows: {} }) } },
    );
    const { document, modelNames } = prepareSpec(spec, "spec.yaml");
    expect(modelNames).toEqual({
      BatchCreateRowsRequestInline: "BatchCreateRowsRequestInline",
      batch_create_rows_request: "BatchCreateRowsRequest",
    });
    const post = document.paths["/rows"]!.post as { requestBody: { content: Record<string, { schema: Json }> } };
    expect(post.requestBody.content["application/json"]!.schema).toEqual({
      $ref: "#/components/schemas/BatchCreateRowsRequestInline",
    });
  });

  it("gives a model whose name would start with a digit Model in front, references included", () => {
    const spec = specOf(
      { "/a": { get: { operationId: "get_a", responses: { "400": { $ref: "#/components/responses/400Error" } } } } },
      {
        responses: { "400Error": jsonResponse(objectOf({ error: {} })) },
        schemas: {
          "200Response": objectOf({ problem: { $ref: "#/components/schemas/404NotFound" } }),
          "404NotFound": {},
        },
      },
    );
    const { document, modelNames } = prepareSpec(spec, "spec.yaml");
    expect(modelNames).toEqual({
      Model200Response: "Model200Response",
      Model400ErrorResponse: "Model400ErrorResponse",
      Model404NotFound: "Model404NotFound",
    });
    // The generator never sees a key starting with a digit: it would spell references its own way.
    expect(Object.keys(document.components?.schemas ?? {}).sort()).toEqual(Object.keys(modelNames));
    expect(JSON.stringify(document)).not.toMatch(/#\/components\/schemas\/\d/);
  });

  it("leaves a lone allOf reference (nullable wrapper) as the referenced model", () => {
    const spec = specOf(
      {},
      {
        schemas: {
          Pet: objectOf({ owner: { allOf: [{ $ref: "#/components/schemas/Owner" }], nullable: true } }),
          Owner: objectOf({ n: {} }),
        },
      },
    );
    expect(Object.keys(prepareSpec(spec, "spec.yaml").modelNames)).toEqual(["Owner", "Pet"]);
  });
});

describe("collisions are refused, naming every place", () => {
  it.each([
    [
      "operationIds that meet in camelCase",
      specOf({
        "/a": { get: { operationId: "get_user", responses: {} } },
        "/b": { get: { operationId: "getUser", responses: {} } },
        "/c": { get: { operationId: "get-user", responses: {} } },
      }),
      ["#/paths/~1a/get", "#/paths/~1b/get", "#/paths/~1c/get"],
    ],
    [
      "an operation next to another's raw twin, whose WithResponse name is taken too",
      specOf({
        "/a": { get: { operationId: "getThing", responses: {} } },
        "/b": { get: { operationId: "getThingRaw", responses: {} } },
        "/c": { get: { operationId: "getThingWithResponse", responses: {} } },
      }),
      ["#/paths/~1a/get", "#/paths/~1c/get"],
    ],
    [
      "a schema named like an operation's parameters type",
      specOf({ "/pets": { get: { operationId: "listPets", responses: {} } } }, { schemas: { ListPetsParams: {} } }),
      ["#/components/schemas/ListPetsParams", "#/paths/~1pets/get"],
    ],
    [
      "a schema named like an operation's error type, whose ApiError name is taken too",
      specOf(
        { "/pets": { get: { operationId: "listPets", responses: {} } } },
        { schemas: { ListPetsError: {}, ListPetsApiError: {} } },
      ),
      ["#/components/schemas/ListPetsApiError", "#/paths/~1pets/get"],
    ],
    [
      "a schema named like a tag's class",
      specOf(
        { "/pets": { get: { operationId: "listPets", tags: ["pet"], responses: {} } } },
        { schemas: { PetApi: {} } },
      ),
      ["#/components/schemas/PetApi", "#/paths/~1pets/get/tags/0"],
    ],
    [
      "schema names that meet in PascalCase, beside the one written as their name",
      specOf({}, { schemas: { user_info: {}, UserInfo: {}, "user-info": {} } }),
      ["#/components/schemas/user-info", "#/components/schemas/user_info"],
    ],
    [
      "schema names that meet in PascalCase, none written as their name",
      specOf({}, { schemas: { user_info: {}, "user-info": {} } }),
      ["#/components/schemas/user-info", "#/components/schemas/user_info"],
    ],
    [
      "model names whose files would be one even with a word at every capital",
      specOf({}, { schemas: { FooBar: {}, Other: { "x-ts-name": "fooBar" } } }),
      ["#/components/schemas/FooBar", "#/components/schemas/Other"],
    ],
    [
      "Error renamed onto an existing ModelError",
      specOf({}, { schemas: { Error: {}, ModelError: {} } }),
      ["#/components/schemas/Error", "#/components/schemas/ModelError"],
    ],
    [
      "an inline schema named like a component, whose Inline name is taken too",
      specOf(
        { "/a": { get: { operationId: "get_a", responses: { "200": jsonResponse(objectOf({ x: {} })) } } } },
        { schemas: { GetA200Response: {}, GetA200ResponseInline: {} } },
      ),
      ["#/components/schemas/GetA200ResponseInline", "#/paths/~1a/get/responses/200/content/application~1json/schema"],
    ],
    [
      "an operation whose error type is named like a runtime export",
      specOf({ "/a": { get: { operationId: "api", responses: {} } } }),
      ["#/paths/~1a/get"],
    ],
  ])("%s", (_name, spec, places) => {
    const messages = refusals(spec);
    expect(messages.length).toBeGreaterThan(0);
    for (const place of places) expect(messages.some((m) => m.startsWith(`${place} `))).toBe(true);
  });

  it("reports the same problems whatever order the spec lists things in", () => {
    const forward = specOf({}, { schemas: { user_info: {}, UserInfo: {}, "user-info": {} } });
    const backward = specOf({}, { schemas: { "user-info": {}, UserInfo: {}, user_info: {} } });
    expect(refusals(forward).length).toBeGreaterThan(0);
    expect(refusals(backward)).toEqual(refusals(forward));
  });

  it("gives a key that meets another written as its model name a Schema suffix (AWS's String and string)", () => {
    const spec = specOf(
      {},
      { schemas: { Address: {}, address: {}, String: { type: "string" }, string: { type: "string" } } },
    );
    // Keys that differ only in case are renamed to their model names for OpenAPI Generator.
    expect(prepareSpec(spec, "spec.yaml").modelNames).toEqual({
      Address: "Address",
      AddressSchema: "AddressSchema",
      ModelString: "ModelString",
      StringSchema: "StringSchema",
    });
  });

  it("accepts model names that differ only in case, whose files it tells apart (AWS's ResourceARN and ResourceArn)", () => {
    const spec = specOf({}, { schemas: { ResourceARN: {}, ResourceArn: {}, UserInfo: {}, Userinfo: {} } });
    expect(prepareSpec(spec, "spec.yaml").modelNames).toEqual({
      ResourceARN: "ResourceARN",
      ResourceArn: "ResourceArn",
      UserInfo: "UserInfo",
      Userinfo: "Userinfo",
    });
  });

  it("accepts a collision resolved with x-ts-name", () => {
    const spec = specOf({}, { schemas: { user_info: { "x-ts-name": "LegacyUserInfo" }, UserInfo: {} } });
    expect(prepareSpec(spec, "spec.yaml").modelNames).toEqual({ UserInfo: "UserInfo", user_info: "LegacyUserInfo" });
  });
});

describe("operations and parameters", () => {
  it("keeps one tag per operation, so it is declared in one class", () => {
    const spec = specOf({ "/a": { get: { operationId: "a", tags: ["pets", "store"], responses: {} } } });
    expect((prepareSpec(spec, "spec.yaml").document.paths["/a"]!.get as Json).tags).toEqual(["Pets"]);
  });

  it("puts the operations of tags that meet in PascalCase into one class", () => {
    const spec = specOf({
      "/a": { get: { operationId: "a", tags: ["Tournaments"], responses: {} } },
      "/b": { get: { operationId: "b", tags: ["tournaments"], responses: {} } },
    });
    const paths = prepareSpec(spec, "spec.yaml").document.paths;
    expect([(paths["/a"]!.get as Json).tags, (paths["/b"]!.get as Json).tags]).toEqual([
      ["Tournaments"],
      ["Tournaments"],
    ]);
  });

  it("tells a parameter named body from the request body by its location", () => {
    const spec = specOf({
      "/a": {
        post: {
          operationId: "a",
          parameters: [{ name: "body", in: "query", schema: { type: "string" } }],
          requestBody: { content: { "application/json": { schema: { type: "string" } } } },
          responses: {},
        },
      },
    });
    const [parameter] = (prepareSpec(spec, "spec.yaml").document.paths["/a"]!.post as Json).parameters as Json[];
    expect(parameter!["x-sdk-field-name"]).toBe("bodyQuery");
  });

  it("tells parameters that meet in camelCase apart by their locations", () => {
    const spec = specOf({
      "/a/{user_id}": {
        get: {
          operationId: "a",
          parameters: [
            { name: "user_id", in: "path", required: true, schema: { type: "string" } },
            { name: "userId", in: "query", schema: { type: "string" } },
          ],
          responses: {},
        },
      },
    });
    const parameters = (prepareSpec(spec, "spec.yaml").document.paths["/a/{user_id}"]!.get as Json)
      .parameters as Json[];
    expect(parameters.map((p) => p["x-sdk-field-name"])).toEqual(["userIdPath", "userIdQuery"]);
  });

  it("names the error type <Operation>ApiError when a component schema is a model named <Operation>Error", () => {
    const spec = specOf(
      {
        "/pets": { get: { operationId: "listPets", responses: {} } },
        "/cats": { get: { operationId: "listCats", responses: {} } },
      },
      { schemas: { ListPetsError: { type: "object", properties: { code: { type: "string" } } } } },
    );
    const paths = prepareSpec(spec, "spec.yaml").document.paths;
    expect((paths["/pets"]!.get as Json)["x-sdk-error-type-name"]).toBe("ListPetsApiError");
    expect((paths["/cats"]!.get as Json)["x-sdk-error-type-name"]).toBe("ListCatsError");
  });

  it("names the raw twin <name>WithResponse when another operation's own name is <name>Raw", () => {
    const spec = specOf({
      "/a": { get: { operationId: "getThing", responses: {} } },
      "/b": { get: { operationId: "getThingRaw", responses: {} } },
    });
    const paths = prepareSpec(spec, "spec.yaml").document.paths;
    expect((paths["/a"]!.get as Json)["x-sdk-raw-function-name"]).toBe("getThingWithResponse");
    expect((paths["/b"]!.get as Json)["x-sdk-raw-function-name"]).toBe("getThingRawRaw");
  });

  it("keeps the written names of two parameters of one location that meet in camelCase", () => {
    const spec = specOf({
      "/a": {
        get: {
          operationId: "a",
          parameters: [
            { name: "MaxResults", in: "query", schema: { type: "integer" } },
            { name: "maxResults", in: "query", schema: { type: "integer" } },
            { name: "max-results", in: "header", schema: { type: "integer" } },
          ],
          responses: {},
        },
      },
    });
    const parameters = (prepareSpec(spec, "spec.yaml").document.paths["/a"]!.get as Json).parameters as Json[];
    expect(parameters.map((p) => p["x-sdk-field-name"])).toEqual(["MaxResults", "maxResults", "maxResultsHeader"]);
  });

  it("spells out the symbols of parameters that differ in them only (Twilio's ValidUntilDate< and >)", () => {
    const spec = specOf({
      "/a": {
        get: {
          operationId: "a",
          parameters: [
            { name: "ValidUntilDate", in: "query", schema: { type: "string" } },
            { name: "ValidUntilDate<", in: "query", schema: { type: "string" } },
            { name: "ValidUntilDate>", in: "query", schema: { type: "string" } },
            { name: "count>=", in: "query", schema: { type: "integer" } },
            { name: "count!=", in: "query", schema: { type: "integer" } },
          ],
          responses: {},
        },
      },
    });
    const parameters = (prepareSpec(spec, "spec.yaml").document.paths["/a"]!.get as Json).parameters as Json[];
    expect(parameters.map((p) => p["x-sdk-field-name"])).toEqual([
      "ValidUntilDate",
      "validUntilDateLtQuery",
      "validUntilDateGtQuery",
      "countGteQuery",
      "countNeQuery",
    ]);
  });

  it("refuses two parameters of one location that meet in camelCase and are no identifiers as written", () => {
    const spec = specOf({
      "/a": {
        get: {
          operationId: "a",
          parameters: [
            { name: "page-size", in: "query", schema: { type: "string" } },
            { name: "page.size", in: "query", schema: { type: "string" } },
          ],
          responses: {},
        },
      },
    });
    expect(refusals(spec)).toEqual([expect.stringMatching(/^#\/paths\/~1a\/get .*page-size.*page\.size/)]);
  });

  it("takes a path's header and its operation's of another case for one header, the operation's winning", () => {
    const spec = specOf({
      "/a": {
        parameters: [
          { name: "X-Amz-Content-Sha256", in: "header", schema: { type: "string" } },
          { name: "Q", in: "query", schema: { type: "string" } },
        ],
        post: {
          operationId: "a",
          parameters: [
            { name: "x-amz-content-sha256", in: "header", required: true, schema: { type: "string" } },
            { name: "q", in: "query", schema: { type: "string" } },
          ],
          responses: {},
        },
      },
    });
    const parameters = (prepareSpec(spec, "spec.yaml").document.paths["/a"]!.post as Json).parameters as Json[];
    // Query names keep their case: `Q` and `q` are two parameters.
    expect(parameters.map((p) => [p.name, p.required ?? false])).toEqual([
      ["Q", false],
      ["x-amz-content-sha256", true],
      ["q", false],
    ]);
  });

  it("refuses two headers of one operation whose names differ only in case, as one HTTP header", () => {
    const spec = specOf({
      "/a": {
        get: {
          operationId: "a",
          parameters: [
            { name: "X-Trace", in: "header", schema: { type: "string" } },
            { name: "x-trace", in: "header", schema: { type: "string" } },
          ],
          responses: {},
        },
      },
    });
    expect(refusals(spec)).toEqual([expect.stringMatching(/"X-Trace" and "x-trace" are one HTTP header .*RFC 9110/)]);
  });

  it("merges path-level parameters into each operation, the operation's winning", () => {
    const spec = specOf({
      "/a/{id}": {
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "q", in: "query", description: "shared", schema: { type: "string" } },
        ],
        get: {
          operationId: "a",
          parameters: [{ name: "q", in: "query", description: "own", schema: { type: "string" } }],
          responses: {},
        },
      },
    });
    const document = prepareSpec(spec, "spec.yaml").document;
    const parameters = (document.paths["/a/{id}"]!.get as Json).parameters as Json[];
    expect(parameters.map((p) => [p.name, p.description ?? null])).toEqual([
      ["id", null],
      ["q", "own"],
    ]);
    expect(document.paths["/a/{id}"]!.parameters).toBeUndefined();
  });
});

it("leaves out Content-Type header parameters, which the runtime could never send, and keeps Accept and Authorization", () => {
  const header = (name: string): Json => ({ name, in: "header", schema: { type: "string" } });
  const spec = specOf({
    "/a": {
      parameters: [header("content-type")],
      post: {
        operationId: "a",
        parameters: [header("Content-Type"), header("Accept"), header("Authorization"), header("X-Content-Type")],
        responses: {},
      },
    },
  });
  const parameters = (prepareSpec(spec, "spec.yaml").document.paths["/a"]!.post as Json).parameters as Json[];
  expect(parameters.map((p) => p.name)).toEqual(["Accept", "Authorization", "X-Content-Type"]);
});

describe("names given from outside the spec (a --config file's `names`)", () => {
  const named = (spec: OpenApiDocument, overrides: Record<string, string>) =>
    prepareSpec(spec, "spec.yaml", { overrides, configFile: "sdk.yaml" });

  it("names GitHub's markdown/render-raw, so markdown/render keeps the usual raw twin", () => {
    const spec = specOf({
      "/markdown": { post: { operationId: "markdown/render", responses: {} } },
      "/markdown/raw": { post: { operationId: "markdown/render-raw", responses: {} } },
    });
    const twinOf = (document: OpenApiDocument): unknown =>
      (document.paths["/markdown"]!.post as Json)["x-sdk-raw-function-name"];
    expect(twinOf(prepareSpec(structuredClone(spec), "spec.yaml").document)).toBe("markdownRenderWithResponse");
    const { document } = named(spec, { "#/paths/~1markdown~1raw/post": "markdownRenderRawMode" });
    expect((document.paths["/markdown/raw"]!.post as Json)["x-sdk-function-name"]).toBe("markdownRenderRawMode");
    expect((document.paths["/markdown"]!.post as Json)["x-sdk-function-name"]).toBe("markdownRender");
    expect(twinOf(document)).toBe("markdownRenderRaw");
  });

  it("names an inline schema that would take a component's name", () => {
    const conditions = { anyOf: [{ $ref: "#/components/schemas/RulesetConditions" }, { type: "string" }] };
    const spec = specOf(
      {},
      { schemas: { Ruleset: objectOf({ conditions }), RulesetConditions: objectOf({ ref: {} }) } },
    );
    expect(Object.keys(prepareSpec(structuredClone(spec), "spec.yaml").modelNames)).toEqual([
      "Ruleset",
      "RulesetConditions",
      "RulesetConditionsInline",
    ]);
    const { modelNames } = named(spec, { "#/components/schemas/Ruleset/properties/conditions": "RulesetChoice" });
    expect(Object.keys(modelNames)).toEqual(["Ruleset", "RulesetChoice", "RulesetConditions"]);
  });

  it("names only the place given, when one object stands at two places (a YAML alias)", () => {
    const shared = objectOf({ id: {} });
    const spec = specOf({}, { schemas: { Product: objectOf({ name: {} }), x_Product: shared, y_Product: shared } });
    const { modelNames } = named(spec, { "#/components/schemas/x_Product": "TaxedProduct" });
    expect(modelNames).toMatchObject({ x_Product: "TaxedProduct", y_Product: "YProduct" });
  });

  it("refuses a place that is not in the spec, naming the config file", () => {
    const spec = specOf({ "/a": { get: { operationId: "a", responses: {} } } });
    expect(() => named(spec, { "#/paths/~1b/get": "b" })).toThrow(InputError);
    try {
      named(spec, { "#/paths/~1b/get": "b" });
    } catch (error) {
      expect((error as InputError).diagnostics).toEqual([
        expect.objectContaining({ file: "sdk.yaml", pointer: "/names/#~1paths~1~01b~1get" }),
      ]);
    }
  });
});

describe("component keys that differ only in case", () => {
  it("are renamed to their model names for OpenAPI Generator, with every reference", () => {
    const spec = specOf(
      {},
      {
        schemas: {
          Blacklist: objectOf({ value: {} }),
          blacklist: { "x-ts-name": "BlacklistRuleAction", ...objectOf({ kind: {} }) },
          Rule: objectOf({ action: { $ref: "#/components/schemas/blacklist" } }),
        },
      },
    );
    const { modelNames, document } = prepareSpec(spec, "spec.yaml");
    expect(Object.keys(document.components!.schemas!)).toEqual(["Blacklist", "BlacklistRuleAction", "Rule"]);
    expect(modelNames).toMatchObject({ Blacklist: "Blacklist", BlacklistRuleAction: "BlacklistRuleAction" });
    const rule = document.components!.schemas!.Rule as { properties: { action: Json } };
    expect(rule.properties.action.$ref).toBe("#/components/schemas/BlacklistRuleAction");
  });
});

describe("functions are not files", () => {
  it("accepts a function and a model that differ only in case (Dialogporten's operations and responses)", () => {
    const spec = specOf(
      { "/dialogs": { get: { operationId: "V1SearchDialog", responses: {} } } },
      { schemas: { V1SearchDialog: objectOf({ id: {} }) } },
    );
    expect(refusals(spec)).toEqual([]);
  });
});
