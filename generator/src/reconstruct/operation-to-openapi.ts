import { STATUS_CODES } from "node:http";
import {
  componentRef,
  type HeaderObject,
  type MediaTypeObject,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  type SchemaObject,
} from "./openapi-types.js";
import type { ContentDoc, OperationDoc, ParameterDoc, RequestBodyDoc, ResponseDoc } from "./page-model.js";
import type { FileReporter } from "./reporter.js";
import { toOpenApiSchema } from "./schema-to-openapi.js";

/** What mapping an operation needs from the document being built. */
export interface OperationMappingContext {
  reporter: FileReporter;
  tag: string;
  /** Adds an inline request body schema to components under a free name based on `wanted`; returns the name used. */
  addRequestComponent(wanted: string, schema: SchemaObject, line: number | undefined): string;
  /** The requirement entries for the operation's schemes (unknown schemes already dropped). */
  securityFor(operation: OperationDoc): Record<string, string[]>[] | undefined;
}

/** `generate_mf_atoken` → `GenerateMfAtoken`: each snake_case word capitalised, the rest kept. */
export function pascalCase(snake: string): string {
  return snake
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Maps one operation to an OpenAPI Operation Object (keys in the documented order). */
export function toOpenApiOperation(operation: OperationDoc, context: OperationMappingContext): OperationObject {
  const result: OperationObject = { tags: [context.tag], operationId: operation.operationId, responses: {} };
  if (operation.summary) result.summary = operation.summary;
  if (operation.description) result.description = operation.description;
  if (operation.parameters.length > 0)
    result.parameters = operation.parameters.map((parameter) => toParameter(parameter, context.reporter));
  if (operation.requestBody) result.requestBody = toRequestBody(operation, operation.requestBody, context);
  for (const response of operation.responses) result.responses[response.code] = toResponse(response, context.reporter);
  const security = context.securityFor(operation);
  if (security) result.security = security;
  return result;
}

function toParameter(parameter: ParameterDoc, reporter: FileReporter): ParameterObject {
  const schema = toOpenApiSchema(parameter.schema, reporter);
  // Tools show a parameter's own description, not its schema's, so it is lifted up.
  const { description, ...rest } = schema;
  return {
    name: parameter.name,
    in: parameter.in,
    ...(description && !schema.$ref ? { description } : {}),
    ...(parameter.required ? { required: true } : {}),
    schema: description && !schema.$ref ? rest : schema,
  };
}

/**
 * Inline request bodies become components named `<OperationId in PascalCase>Request`, so
 * SDKs get a named type; a body that only links a model keeps its `$ref`. When several
 * media types carry different inline schemas, the later ones get the media type appended.
 */
function toRequestBody(
  operation: OperationDoc,
  body: RequestBodyDoc,
  context: OperationMappingContext,
): RequestBodyObject {
  const content: Record<string, MediaTypeObject> = {};
  const baseName = `${pascalCase(operation.operationId)}Request`;
  const named = new Map<string, string>();
  for (const entry of body.contents) {
    if (!entry.schema) {
      content[entry.mediaType] = {};
      continue;
    }
    const schema = toOpenApiSchema(entry.schema, context.reporter);
    if (entry.schema.kind === "model") {
      content[entry.mediaType] = { schema };
      continue;
    }
    const shape = JSON.stringify(schema);
    let name = named.get(shape);
    if (!name) {
      const wanted = named.size === 0 ? baseName : `${baseName}${pascalCase(entry.mediaType)}`;
      name = context.addRequestComponent(wanted, schema, entry.line);
      named.set(shape, name);
    }
    content[entry.mediaType] = { schema: { $ref: componentRef(name) } };
  }
  if (body.contents.length === 0)
    context.reporter.warn(body.line, `request body of ${operation.operationId} has no readable schema; it is left out`);
  return { ...(body.required ? { required: true } : {}), content };
}

function toResponse(response: ResponseDoc, reporter: FileReporter): ResponseObject {
  let description = response.description;
  if (!description) {
    description = STATUS_CODES[response.code] ?? "Default response";
    reporter.warn(response.line, `response ${response.code} has no description; "${description}" is used`);
  }
  const result: ResponseObject = { description };
  if (response.headers.length > 0) {
    result.headers = Object.fromEntries(
      response.headers.map((header): [string, HeaderObject] => [
        header.name,
        { ...(header.required ? { required: true } : {}), schema: toOpenApiSchema(header.schema, reporter) },
      ]),
    );
  }
  if (response.contents.length > 0) result.content = toContent(response.contents, reporter);
  return result;
}

/** A media type the docs name without a schema stays without one (OpenAPI allows it; `{}` would claim "any JSON"). */
function toContent(contents: ContentDoc[], reporter: FileReporter): Record<string, MediaTypeObject> {
  return Object.fromEntries(
    contents.map((entry) => [entry.mediaType, entry.schema ? { schema: toOpenApiSchema(entry.schema, reporter) } : {}]),
  );
}
