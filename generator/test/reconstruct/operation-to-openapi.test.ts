import { describe, expect, it } from "vitest";
import { pascalCase } from "../../src/reconstruct/operation-to-openapi.js";
import {
  ANY_EXTRA_KEYS,
  CLIENT_ROWS,
  dictionaryKeys,
  documentFromPage,
  emptyResponse,
  responsesTable,
  singleOperationPage,
  typeInfo,
} from "./helpers.js";

const OP = { id: "do_thing", method: "post", path: "/things/{thing_id}" };
const OBJECT = "dict, frozendict.frozendict, ";

/** A Parameters table with `rows` (plus the client-only rows every page has). */
function parameters(rows: string): string {
  return `### Parameters

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
${rows}
${CLIENT_ROWS}
`;
}

/** A `### x_params` section: its table and one schema section per parameter. */
function parameterSection(
  kind: "path" | "query" | "header" | "cookie",
  params: { name: string; schema: string; notes?: string; section: string }[],
): string {
  const title = {
    path: "RequestPathParams",
    query: "RequestQueryParams",
    header: "RequestHeaderParams",
    cookie: "RequestCookieParams",
  }[kind];
  return `### ${kind}_params
#### ${title}

Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
${params.map((p) => `${p.name} | ${p.schema} | | ${p.notes ?? ""}`).join("\n")}

${params.map((p) => `# ${p.schema}\n\n${p.section}`).join("\n")}
`;
}

const THING_ID = parameterSection("path", [
  { name: "thing_id", schema: "ThingIdSchema", section: typeInfo("decimal.Decimal, int, ") },
]);
const OK_ONLY = `${responsesTable(OP.id, { "204": "Done" })}\n${emptyResponse(OP.id, "204")}`;

/** A response section whose body is `schemas` (name → schema section markdown). */
function responseWithBody(code: string, schemas: Record<string, string>, headers = "Unset"): string {
  return `#### ${OP.id}.ApiResponseFor${code}
Name | Type | Description  | Notes
------------- | ------------- | ------------- | -------------
response | urllib3.HTTPResponse | Raw response |
body | typing.Union[${Object.keys(schemas).join(", ")}, ] |  |
headers | ${headers} |  |

${Object.entries(schemas)
  .map(([name, section]) => `# ${name}\n${section}`)
  .join("\n")}
`;
}

const refTable = (model: string) =>
  `Type | Description  | Notes\n------------- | ------------- | -------------\n[**${model}**](../../models/${model}.md) |  | \n`;

describe("operations: parameters", () => {
  it.each<[string, { given: string; want: unknown }]>([
    [
      "path parameters are required and typed (integer, string)",
      {
        given: `${parameters("path_params | RequestPathParams | |")}\n${parameterSection("path", [
          { name: "user_id", schema: "UserIdSchema", section: typeInfo("decimal.Decimal, int, ") },
          { name: "device_id", schema: "DeviceIdSchema", section: typeInfo("str, ") },
        ])}\n${OK_ONLY}`,
        want: [
          { name: "user_id", in: "path", required: true, schema: { type: "integer" } },
          { name: "device_id", in: "path", required: true, schema: { type: "string" } },
        ],
      },
    ],
    [
      "query parameters: required array of enums, optional integer with default and format",
      {
        given: `${parameters("query_params | RequestQueryParams | |\npath_params | RequestPathParams | |")}\n${parameterSection(
          "query",
          [
            {
              name: "status",
              schema: "StatusSchema",
              section: `${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\nitems | str,  | str,  |  | must be one of ["on", "off", ] `,
            },
            {
              name: "limit",
              schema: "LimitSchema",
              notes: "optional",
              section: typeInfo(
                "decimal.Decimal, int, ",
                "",
                "if omitted the server will use the default value of 10value must be a 32 bit integer",
              ),
            },
          ],
        )}\n${THING_ID}\n${OK_ONLY}`,
        want: [
          {
            name: "status",
            in: "query",
            required: true,
            schema: { type: "array", items: { type: "string", enum: ["on", "off"] } },
          },
          { name: "limit", in: "query", schema: { type: "integer", format: "int32", default: 10 } },
          { name: "thing_id", in: "path", required: true, schema: { type: "integer" } },
        ],
      },
    ],
    [
      "header parameter: optional, description lifted from its schema",
      {
        given: `${parameters("header_params | RequestHeaderParams | |\npath_params | RequestPathParams | |")}\n${parameterSection("header", [{ name: "X-Trace", schema: "XTraceSchema", notes: "optional", section: typeInfo("str, uuid.UUID, ", "Trace id.", "value must be a uuid") }])}\n${THING_ID}\n${OK_ONLY}`,
        want: [
          { name: "X-Trace", in: "header", description: "Trace id.", schema: { type: "string", format: "uuid" } },
          { name: "thing_id", in: "path", required: true, schema: { type: "integer" } },
        ],
      },
    ],
    [
      "cookie parameter: required string",
      {
        given: `${parameters("path_params | RequestPathParams | |\ncookie_params | RequestCookieParams | |")}\n${THING_ID}\n${parameterSection("cookie", [{ name: "sid", schema: "SidSchema", section: typeInfo("str, ") }])}\n${OK_ONLY}`,
        want: [
          { name: "thing_id", in: "path", required: true, schema: { type: "integer" } },
          { name: "sid", in: "cookie", required: true, schema: { type: "string" } },
        ],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { document, diagnostics } = documentFromPage(singleOperationPage(OP, given));
    expect(diagnostics).toEqual([]);
    expect(document.paths[OP.path]?.post?.parameters).toEqual(want);
  });

  it("an operation without parameters has no parameters key", () => {
    const { document, diagnostics } = documentFromPage(
      singleOperationPage(
        { ...OP, path: "/things" },
        `### Parameters\nThis endpoint does not need any parameter.\n\n${OK_ONLY}`,
      ),
    );
    expect(diagnostics).toEqual([]);
    expect(document.paths["/things"]?.post).not.toHaveProperty("parameters");
  });
});

describe("operations: request bodies", () => {
  const bodyRow = (schemas: string[], required: boolean) =>
    `body | typing.Union[${schemas.join(", ")}${required ? "" : ", Unset"}] | ${required ? "required" : "optional, default is unset"} |\npath_params | RequestPathParams | |`;
  const inlineObject = (keys: string) => `\n${typeInfo(OBJECT)}\n${dictionaryKeys(keys)}`;

  it.each<[string, { given: string; want: { requestBody: unknown; components?: Record<string, unknown> } }]>([
    [
      "optional inline JSON object becomes <OperationId>Request",
      {
        given: `${parameters(`${bodyRow(["SchemaForRequestBodyApplicationJson"], false)}\ncontent_type | str | optional, default is 'application/json' | Selects the schema`)}\n### body\n\n# SchemaForRequestBodyApplicationJson\n${inlineObject(`**name** | str,  | x | The name. | [optional] \n**count** | decimal.Decimal, int,  | x |  | [optional] if omitted the server will use the default value of 1\n${ANY_EXTRA_KEYS}`)}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/DoThingRequest" } } } },
          components: {
            DoThingRequest: {
              type: "object",
              properties: {
                name: { type: "string", description: "The name." },
                count: { type: "integer", default: 1 },
              },
            },
          },
        },
      },
    ],
    [
      "required body that links a model keeps the $ref",
      {
        given: `${parameters(bodyRow(["SchemaForRequestBodyApplicationJson"], true))}\n### body\n\n# SchemaForRequestBodyApplicationJson\n${refTable("Thing")}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
        },
      },
    ],
    [
      "two media types with different inline shapes get two components",
      {
        given: `${parameters(bodyRow(["SchemaForRequestBodyApplicationJson", "SchemaForRequestBodyApplicationXWwwFormUrlencoded"], true))}\n### body\n\n# SchemaForRequestBodyApplicationJson\n${inlineObject("**n** | decimal.Decimal, int,  | x |  | ")}\n# SchemaForRequestBodyApplicationXWwwFormUrlencoded\n${inlineObject("**n** | str,  | x |  | ")}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/DoThingRequest" } },
              "application/x-www-form-urlencoded": {
                schema: { $ref: "#/components/schemas/DoThingRequestApplicationXWwwFormUrlencoded" },
              },
            },
          },
          components: {
            DoThingRequest: {
              type: "object",
              required: ["n"],
              properties: { n: { type: "integer" } },
              additionalProperties: false,
            },
            DoThingRequestApplicationXWwwFormUrlencoded: {
              type: "object",
              required: ["n"],
              properties: { n: { type: "string" } },
              additionalProperties: false,
            },
          },
        },
      },
    ],
    [
      "two media types with the same model share the $ref",
      {
        given: `${parameters(bodyRow(["SchemaForRequestBodyApplicationJson", "SchemaForRequestBodyApplicationXml"], true))}\n### body\n\n# SchemaForRequestBodyApplicationJson\n${refTable("Thing")}\n# SchemaForRequestBodyApplicationXml\n${refTable("Thing")}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/Thing" } },
              "application/xml": { schema: { $ref: "#/components/schemas/Thing" } },
            },
          },
        },
      },
    ],
    [
      "text/plain string body and its exact media type from content_type",
      {
        given: `${parameters(`${bodyRow(["SchemaForRequestBodyTextPlain"], true)}\ncontent_type | str | optional, default is 'text/plain' | Selects the schema`)}\n### body\n\n# SchemaForRequestBodyTextPlain\n\n${typeInfo("str, ", "Banner.")}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: {
            required: true,
            content: { "text/plain": { schema: { $ref: "#/components/schemas/DoThingRequest" } } },
          },
          components: { DoThingRequest: { type: "string", description: "Banner." } },
        },
      },
    ],
    [
      "multipart body with a binary file",
      {
        given: `${parameters(bodyRow(["SchemaForRequestBodyMultipartFormData"], false))}\n### body\n\n# SchemaForRequestBodyMultipartFormData\n${inlineObject("**file** | bytes, io.FileIO, io.BufferedReader,  | x |  | ")}\n${THING_ID}\n${OK_ONLY}`,
        want: {
          requestBody: {
            content: { "multipart/form-data": { schema: { $ref: "#/components/schemas/DoThingRequest" } } },
          },
          components: {
            DoThingRequest: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" } },
              additionalProperties: false,
            },
          },
        },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { document, diagnostics } = documentFromPage(singleOperationPage(OP, given));
    expect(diagnostics).toEqual([]);
    expect(document.paths[OP.path]?.post?.requestBody).toEqual(want.requestBody);
    for (const [name, schema] of Object.entries(want.components ?? {}))
      expect(document.components.schemas[name]).toEqual(schema);
  });
});

describe("operations: responses", () => {
  const base = `${parameters("path_params | RequestPathParams | |")}\n${THING_ID}\n`;
  it.each<[string, { given: string; want: unknown }]>([
    [
      "201 with a model, 204 without a body; the n/a row is skipped",
      {
        given: `${base}${responsesTable(OP.id, { "201": "Created", "204": "Nothing" })}\n${responseWithBody("201", { SchemaFor201ResponseBodyApplicationJson: refTable("Thing") })}\n${emptyResponse(OP.id, "204")}`,
        want: {
          "201": {
            description: "Created",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "204": { description: "Nothing" },
        },
      },
    ],
    [
      "404 inline object and 422 array of inline objects stay inline",
      {
        given: `${base}${responsesTable(OP.id, { "404": "Missing", "422": "Invalid" })}\n${responseWithBody("404", { SchemaFor404ResponseBodyApplicationJson: `\n${typeInfo(OBJECT)}\n${dictionaryKeys(`**message** | str,  | x |  | \n${ANY_EXTRA_KEYS}`)}` })}\n${responseWithBody(
          "422",
          {
            SchemaFor422ResponseBodyApplicationJson: `\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[items](#items) | ${OBJECT} | x |  | \n\n# items\n\n${typeInfo(OBJECT)}\n${dictionaryKeys("**field** | str,  | x |  | ")}`,
          },
        )}`,
        want: {
          "404": {
            description: "Missing",
            content: {
              "application/json": {
                schema: { type: "object", required: ["message"], properties: { message: { type: "string" } } },
              },
            },
          },
          "422": {
            description: "Invalid",
            content: {
              "application/json": {
                schema: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["field"],
                    properties: { field: { type: "string" } },
                    additionalProperties: false,
                  },
                },
              },
            },
          },
        },
      },
    ],
    [
      "default response and an array of models",
      {
        given: `${base}${responsesTable(OP.id, { "200": "Listed", default: "Oops" })}\n${responseWithBody("200", { SchemaFor200ResponseBodyApplicationJson: `\n${typeInfo("list, tuple, ")}\n### Tuple Items\nClass Name | Input Type | Accessed Type | Description | Notes\n------------- | ------------- | ------------- | ------------- | -------------\n[**Thing**]({{complexTypePrefix}}Thing.md) | [**Thing**]({{complexTypePrefix}}Thing.md) | x |  | ` })}\n${emptyResponse(OP.id, "Default")}`,
        want: {
          "200": {
            description: "Listed",
            content: {
              "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Thing" } } },
            },
          },
          default: { description: "Oops" },
        },
      },
    ],
    [
      "response headers",
      {
        given: `${base}${responsesTable(OP.id, { "200": "Ok" })}\n${responseWithBody("200", { SchemaFor200ResponseBodyTextPlain: `\n${typeInfo("str, ")}` }, "ResponseHeadersFor200")}\n#### ResponseHeadersFor200\n\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\nX-Rate-Limit | XRateLimitSchema | | \nX-Note | XNoteSchema | | optional\n# XRateLimitSchema\n\n${typeInfo("decimal.Decimal, int, ")}\n# XNoteSchema\n\n${typeInfo("str, ")}`,
        want: {
          "200": {
            description: "Ok",
            headers: {
              "X-Rate-Limit": { required: true, schema: { type: "integer" } },
              "X-Note": { schema: { type: "string" } },
            },
            content: { "text/plain": { schema: { type: "string" } } },
          },
        },
      },
    ],
    [
      "a body that is only Unset (MFA's remove) has no content",
      {
        given: `${base}${responsesTable(OP.id, { "200": "Removed" })}\n#### ${OP.id}.ApiResponseFor200\nName | Type | Description  | Notes\n------------- | ------------- | ------------- | -------------\nresponse | urllib3.HTTPResponse | Raw response |\nbody | typing.Union[Unset, ] |  |\nheaders | Unset | headers were not defined |\n`,
        want: { "200": { description: "Removed" } },
      },
    ],
  ])("%s", (_name, { given, want }) => {
    const { document, diagnostics } = documentFromPage(singleOperationPage(OP, given));
    expect(diagnostics).toEqual([]);
    expect(document.paths[OP.path]?.post?.responses).toEqual(want);
  });
});

describe("pascalCase", () => {
  it.each<[string, { given: string; want: string }]>([
    ["MFA token op", { given: "generate_mf_atoken", want: "GenerateMfAtoken" }],
    ["plain", { given: "activate_mfa_factors", want: "ActivateMfaFactors" }],
    ["media type", { given: "application/x-www-form-urlencoded", want: "ApplicationXWwwFormUrlencoded" }],
  ])("%s", (_name, { given, want }) => {
    expect(pascalCase(given)).toBe(want);
  });
});
