import { InputError, toPointer } from "../diagnostics.js";
import { unwrapAnnotatedRefs } from "./annotated-refs.js";
import { BINARY_SCHEMA, hasNoSchema, isOpaqueMediaType, markContentMediaBinary } from "./binary-schemas.js";
import { annotateEnumModels, sanitizeEnumVarNames } from "./enum-var-names.js";
import { bodyForFieldlessForm } from "./fieldless-form-bodies.js";
import type { OpenApiDocument } from "./load-spec.js";
import { becomesModel } from "./naming/inline-schemas.js";
import { renameMishandledKeys } from "./naming/mishandled-keys.js";
import { applyNameOverrides, type NameOverrides } from "./naming/name-overrides.js";
import { assignPublicNames, NAME_EXTENSIONS } from "./naming/public-names.js";
import { dropObjectKeywordsFromNonObjects } from "./object-keywords.js";
import { pathParametersInQuery, splitPathKey } from "./parameter-wire.js";
import {
  annotateSchemas,
  escapeCommentEnd,
  markUnions,
  noteSchemaKeys,
  splitPropertiesFromUnions,
  typeIntersections,
} from "./schema-annotations.js";
import { HTTP_METHODS, type JsonObject, resolveLocalRef as resolve } from "./spec-walk.js";

/**
 * Facts the templates need as ready-made TypeScript literals. OpenAPI Generator escapes
 * strings for its own purposes, not for ours, so every wire name, path and table the
 * generated code embeds is JSON-encoded here and read in templates with triple braces.
 */
export const SDK_EXTENSIONS = {
  ...NAME_EXTENSIONS,
  path: "x-sdk-path",
  mediaType: "x-sdk-media-type",
  bodyRequired: "x-sdk-body-required",
  security: "x-sdk-security",
  responses: "x-sdk-responses",
  name: "x-sdk-name",
  doc: "x-sdk-doc",
  /** `?` when the request body is optional, so templates can write `body{{mark}}:`. */
  bodyMark: "x-sdk-body-mark",
  /** Whether the operation takes any parameter or a body, i.e. whether its `Params` type has members. */
  hasParams: "x-sdk-has-params",
  /** ` = {}` when every parameter and the body are optional, so the argument may be left out. */
  paramsDefault: "x-sdk-params-default",
  /** Whether any 4xx/5xx/default response is documented; otherwise the error type is plain ApiError. */
  documentsErrors: "x-sdk-documents-errors",
  /** Whether the 2xx responses differ in body (one has none, or another schema): the result is their union. */
  successUnion: "x-sdk-success-union",
} as const;

/** On the first server and its variables, for createClient (see annotateServerVariables). */
export const SERVER_EXTENSIONS = {
  /** A variable's TypeScript type: `string`, or the union of its `enum`. */
  type: "x-sdk-type",
  /** A variable the caller may leave out: its spec default applies. */
  default: "x-sdk-default",
  /** On the server: the defaults as object members (`"version": "v1"`). */
  defaults: "x-sdk-defaults",
  /** On the server: every variable has a default, so createClient needs no argument. */
  allDefault: "x-sdk-all-default",
} as const;

/** The spec as OpenAPI Generator gets it, and the model name of every component schema. */
export interface PreparedSpec {
  document: OpenApiDocument;
  modelNames: Record<string, string>;
}

/**
 * Returns a copy of the spec annotated for our templates, with every public name decided (see
 * naming/public-names.ts). The input is not modified.
 */
export function prepareSpecForTemplates(spec: OpenApiDocument, file: string): OpenApiDocument {
  return prepareSpec(spec, file).document;
}

/**
 * {@link prepareSpecForTemplates}, with the model names OpenAPI Generator must use.
 * `names` are the `--config` file's name overrides (`configFile` is named in their errors).
 */
export function prepareSpec(
  spec: OpenApiDocument,
  file: string,
  names?: { overrides: NameOverrides; configFile: string },
): PreparedSpec {
  const copy = structuredClone(spec) as OpenApiDocument;
  inlinePathItemRefs(copy);
  markContentMediaBinary(copy);
  annotateServerVariables(copy);
  if (names) {
    const problems = applyNameOverrides(copy, names.overrides, names.configFile);
    if (problems.length > 0) throw new InputError(problems);
  }
  // Webhooks are requests the API sends to its users; a client has nothing to call for them.
  delete copy.webhooks;
  unwrapAnnotatedRefs(copy);
  noteSchemaKeys(copy);
  splitPropertiesFromUnions(copy);
  const modelNames = renameMishandledKeys(copy, assignPublicNames(copy, file, SHADOWING_NAMES).modelNames);
  typeIntersections(copy, modelNames);
  // OpenAPI Generator makes no model of a schema marked x-internal, yet still refers to it by
  // name; a client cannot leave out a type its operations use.
  for (const schema of Object.values((copy.components?.schemas as JsonObject | undefined) ?? {}))
    if (schema && typeof schema === "object") delete (schema as JsonObject)["x-internal"];
  neutraliseCommentTerminators(copy);
  sanitizeEnumVarNames(copy);
  annotateEnumModels(copy);
  dropObjectKeywordsFromNonObjects(copy);
  annotateSchemas(copy, jsDocLines);
  markUnions(copy);
  const rootSecurity = copy.security;
  for (const [route, pathItem] of Object.entries(copy.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation) continue;
      const pointer = toPointer(["paths", route, method]);
      assertEmbeddable(route, file, `${pointer}`, "path");
      movePathParametersToQuery(route, (operation.parameters as JsonObject[] | undefined) ?? []);
      annotateParameters(copy, (operation.parameters as unknown[] | undefined) ?? []);
      const extensions = operation as JsonObject;
      // A literal query string in the key is sent as fixed query pairs (descriptor-extras.ts).
      extensions[SDK_EXTENSIONS.path] = JSON.stringify(splitPathKey(route).path);
      extensions[SDK_EXTENSIONS.doc] = jsDocLines([operation.summary, operation.description], "   ");
      let body = resolve(copy, operation.requestBody) as JsonObject | undefined;
      const mediaTypes = Object.keys((body?.content as JsonObject | undefined) ?? {});
      // A body of no media type (`content: {}`, valid in 3.0 and 3.1) says nothing a client could
      // send, so the operation takes none; OpenAPI Generator would crash on it.
      if (body && mediaTypes.length === 0) {
        delete operation.requestBody;
        body = undefined;
      }
      // A media type without a schema means "any content"; OpenAPI Generator needs that said.
      // Any content of an image or PDF type is bytes.
      describeAnyContent(body);
      for (const response of Object.values((operation.responses as JsonObject | undefined) ?? {}))
        describeAnyContent(resolve(copy, response) as JsonObject | undefined, { responses: true });
      extensions[SDK_EXTENSIONS.mediaType] = body ? JSON.stringify(preferredFirst(body)) : "undefined";
      extensions[SDK_EXTENSIONS.bodyRequired] = JSON.stringify(body?.required === true);
      extensions[SDK_EXTENSIONS.bodyMark] = body?.required === true ? "" : "?";
      const fieldless = body && bodyForFieldlessForm(copy, body);
      if (fieldless) operation.requestBody = fieldless;
      const parameters = (operation.parameters as unknown[] | undefined) ?? [];
      const anyRequired =
        body?.required === true ||
        parameters.some((p) => (resolve(copy, p) as JsonObject | undefined)?.required === true);
      extensions[SDK_EXTENSIONS.paramsDefault] = anyRequired ? "" : " = {}";
      extensions[SDK_EXTENSIONS.hasParams] = parameters.length > 0 || body !== undefined;
      const security = (operation.security as JsonObject[] | undefined) ?? rootSecurity ?? [];
      extensions[SDK_EXTENSIONS.security] = JSON.stringify(security.map((requirement) => Object.keys(requirement)));
      extensions[SDK_EXTENSIONS.documentsErrors] = Object.keys(
        (operation.responses as JsonObject | undefined) ?? {},
      ).some((status) => status === "default" || /^[45]/.test(status));
      extensions[SDK_EXTENSIONS.responses] = JSON.stringify(
        responseTable(copy, operation.responses as JsonObject | undefined),
      );
      extensions[SDK_EXTENSIONS.successUnion] = successBodiesDiffer(
        copy,
        operation.responses as JsonObject | undefined,
      );
    }
  }
  return { document: copy, modelNames };
}

/** What a server variable's value may be: one piece of a URL, as the runtime checks it (runtime/src/server.ts). */
const URL_PART = /^[^/?#@:\\\s]+$/;

/**
 * Types each variable of the first server, which `createClient` fills in (templates/common/client.mustache):
 * an `enum` is the union of its values, and a variable whose default is a real value rather
 * than an example gets that default (`x-sdk-default`), so callers may leave it out. A default is
 * real when the variable has an `enum` (a closed list the default is one of) or stands after the
 * host (`/{version}`). A free-form variable in the host (OneLogin's `{subdomain}`) must be given:
 * its default is at best an example, and a client sending a token to it would leak the token.
 */
function annotateServerVariables(spec: OpenApiDocument): void {
  const server = (spec.servers as JsonObject[] | undefined)?.[0];
  if (!server || typeof server.url !== "string" || !server.variables || typeof server.variables !== "object") return;
  const url = server.url;
  // Where the host ends: the first `/` after `://`; without `://` the whole URL counts as host.
  const scheme = url.indexOf("://");
  const pathStart = scheme === -1 ? -1 : url.indexOf("/", scheme + 3);
  const hostEnd = pathStart === -1 ? url.length : pathStart;
  const defaults: string[] = [];
  for (const [name, variable] of Object.entries(server.variables as Record<string, JsonObject>)) {
    if (!variable || typeof variable !== "object") continue;
    const values = Array.isArray(variable.enum) ? variable.enum.map(String) : [];
    variable[SERVER_EXTENSIONS.type] =
      values.length > 0 ? [...new Set(values)].map((value) => JSON.stringify(value)).join(" | ") : "string";
    const fallback = typeof variable.default === "string" ? variable.default : undefined;
    const afterHost = url.indexOf(`{${name}}`) >= hostEnd;
    const real = values.length > 0 ? fallback !== undefined && values.includes(fallback) : afterHost;
    if (real && fallback !== undefined && URL_PART.test(fallback)) {
      variable[SERVER_EXTENSIONS.default] = true;
      defaults.push(`${JSON.stringify(name)}: ${JSON.stringify(fallback)}`);
    }
  }
  const declared = Object.keys(server.variables as JsonObject).length;
  if (defaults.length > 0) server[SERVER_EXTENSIONS.defaults] = defaults.join(", ");
  if (defaults.length > 0 && defaults.length === declared) server[SERVER_EXTENSIONS.allDefault] = true;
}

/**
 * A path item may be a `$ref` (OpenAPI 3.1's `components.pathItems`, or another document's path
 * item, bundled in by now); OpenAPI Generator would leave its operations out. Each becomes a copy
 * of its target, with the fields written beside the `$ref` (3.1 allows `summary` and
 * `description`) over the target's.
 */
function inlinePathItemRefs(spec: OpenApiDocument): void {
  const paths = (spec.paths ?? {}) as Record<string, unknown>;
  for (const [route, item] of Object.entries(paths)) {
    if (!item || typeof item !== "object" || typeof (item as JsonObject).$ref !== "string") continue;
    const { $ref: _ref, ...beside } = item as JsonObject;
    const target = resolve(spec, item);
    if (target && typeof target === "object") paths[route] = { ...structuredClone(target as JsonObject), ...beside };
  }
}

/**
 * An `in: path` parameter that stands only in the path key's query string (`?filename={filename}`)
 * is a query parameter in all but its declaration: it becomes one under the pair's name, keeping
 * its property name, sent as RFC 6570 would expand `{name}` there (arrays and objects
 * comma-separated, form style unexploded). Parameters are the operation's own copies by now.
 */
function movePathParametersToQuery(route: string, parameters: JsonObject[]): void {
  const declared = new Set(parameters.map((parameter) => `${String(parameter.in)}:${String(parameter.name)}`));
  for (const [name, wire] of pathParametersInQuery(route, declared)) {
    const parameter = parameters.find((entry) => entry.in === "path" && entry.name === name);
    if (!parameter) continue;
    Object.assign(parameter, { in: "query", name: wire, style: "form", explode: false });
  }
}

/**
 * Summary and description as JSDoc body lines (`   * text`), blank-line separated. Done here
 * because OpenAPI Generator flattens newlines in the fields templates can read.
 */
export function jsDocLines(parts: unknown[], indent: string): string {
  const paragraphs = parts
    .filter((part): part is string => typeof part === "string" && part.trim() !== "")
    .map((part) => part.trim())
    .filter((part, index, all) => all.indexOf(part) === index);
  if (paragraphs.length === 0) return `${indent}* (no description in the spec)`;
  return paragraphs
    .join("\n\n")
    .split("\n")
    .map((line) => `${indent}*${line.trim() === "" ? "" : ` ${line.trimEnd()}`}`)
    .join("\n");
}

/** JSON media types first, since the runtime serialises those without help. */
function preferredMediaType(mediaTypes: string[]): string | null {
  return mediaTypes.find((m) => /^application\/(.+\+)?json\b/i.test(m)) ?? mediaTypes[0] ?? null;
}

/**
 * Gives each media type of a body or response that says nothing of its content (no schema, or
 * `{}`) the schema the clients need: bytes (`Blob`) for an opaque media type such as `image/png`;
 * for a request body, the any-schema otherwise, which OpenAPI Generator requires.
 */
function describeAnyContent(holder: JsonObject | undefined, { responses = false } = {}): void {
  const content = holder?.content;
  if (!content || typeof content !== "object") return;
  for (const [mediaType, media] of Object.entries(content as Record<string, JsonObject>)) {
    if (!media || typeof media !== "object" || !hasNoSchema(media)) continue;
    if (isOpaqueMediaType(mediaType)) media.schema = { ...BINARY_SCHEMA };
    else if (!responses) media.schema ??= {};
  }
}

/**
 * The media type the client sends or reads of a body or response with `content`, moved to the
 * front of that `content`: OpenAPI Generator types a body by its first media type, so a
 * `text/plain` string listed before an `application/json` object would be typed as the string
 * and sent as JSON.
 */
function preferredFirst(holder: JsonObject | undefined): string | null {
  const content = holder?.content as JsonObject | undefined;
  if (!holder || !content || typeof content !== "object") return null;
  const preferred = preferredMediaType(Object.keys(content));
  if (preferred !== null && Object.keys(content)[0] !== preferred) {
    const { [preferred]: first, ...rest } = content;
    holder.content = { [preferred]: first, ...rest };
  }
  return preferred;
}

/**
 * Whether an operation's 2xx responses (codes and `2XX`) differ in what their body is: a `202`
 * with a job next to a bodiless `204`, or a `200` and a `201` of other schemas. OpenAPI Generator
 * types the result by the first such response only, which a `204` then contradicts; the
 * templates write the union of every 2xx response's type instead (`Job | undefined`).
 * Call after {@link preferredFirst}, so that each response's first media type is the one read.
 */
function successBodiesDiffer(spec: OpenApiDocument, responses: JsonObject | undefined): boolean {
  const bodies = new Set<string>();
  const repeats: JsonObject[] = [];
  let count = 0;
  for (const [status, value] of Object.entries(responses ?? {})) {
    if (!/^2/.test(status)) continue;
    count++;
    const response = resolve(spec, value) as JsonObject | undefined;
    const content = response?.content as JsonObject | undefined;
    const first = content && typeof content === "object" ? Object.values(content)[0] : undefined;
    const body = JSON.stringify((first as JsonObject | undefined)?.schema ?? null);
    // A repeated body is written once; a shared response component is left unmarked, since
    // another operation's union may need it.
    if (response && bodies.has(body) && response === value) repeats.push(response);
    bodies.add(body);
  }
  const differ = count > 1 && bodies.size > 1;
  if (differ) for (const response of repeats) response[REPEATED_SUCCESS] = true;
  return differ;
}

/** On a 2xx response whose body an earlier 2xx response of the operation already has. */
const REPEATED_SUCCESS = "x-sdk-repeated-success";

/** Status (or range, or `default`) → the media type of its body, or null for no body. */
function responseTable(spec: OpenApiDocument, responses: JsonObject | undefined): Record<string, string | null> {
  const table: Record<string, string | null> = {};
  for (const [status, value] of Object.entries(responses ?? {})) {
    if (status.startsWith("x-")) continue;
    table[status] = preferredFirst(resolve(spec, value) as JsonObject | undefined);
  }
  return table;
}

function annotateParameters(spec: OpenApiDocument, parameters: unknown[]): void {
  for (const entry of parameters) {
    const parameter = resolve(spec, entry) as JsonObject | undefined;
    // OpenAPI Generator types a `content` parameter whose schema refers to an array or scalar
    // component as a bare `Array` (Superset's `q`); a copy of that schema is typed in full.
    for (const media of Object.values((parameter?.content as Record<string, JsonObject> | undefined) ?? {})) {
      const target = resolve(spec, media?.schema) as JsonObject | undefined;
      if (media?.schema !== target && target && typeof target === "object" && !becomesModel(target))
        media.schema = structuredClone(target);
    }
    if (parameter && typeof parameter.name === "string") {
      parameter[SDK_EXTENSIONS.name] = JSON.stringify(parameter.name);
      if (typeof parameter.description === "string") {
        parameter[SDK_EXTENSIONS.doc] = jsDocLines([parameter.description], "   ");
      }
    }
  }
}

/** Paths land inside JSDoc and template literals; a few characters would end those early. */
function assertEmbeddable(value: string, file: string, pointer: string, what: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is rejected here.
  if (/[\u0000-\u001f`]|\*\//.test(value)) {
    throw new InputError([
      {
        severity: "error",
        file,
        pointer,
        message: `${what} ${JSON.stringify(value)} contains characters that cannot appear in generated code`,
      },
    ]);
  }
}

/** `*\/` inside a description would close the JSDoc comment it is copied into. */
function neutraliseCommentTerminators(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) neutraliseCommentTerminators(item);
    return;
  }
  if (!node || typeof node !== "object") return;
  const object = node as JsonObject;
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === "string" && (key === "description" || key === "summary" || key === "title")) {
      object[key] = escapeCommentEnd(value);
    } else {
      neutraliseCommentTerminators(value);
    }
  }
}

/**
 * Schema names that would shadow a global, collide with a name the client package exports
 * from its runtime, or take a file the package needs. OpenAPI Generator renames some such
 * models but not every reference to them, so the rename is made explicit for both the
 * declarations and the references.
 */
export const SHADOWING_NAMES = new Set([
  // JavaScript and DOM globals the generated code or its users rely on.
  "Array",
  "ArrayBuffer",
  "Blob",
  "Boolean",
  "Date",
  "Error",
  "File",
  "FormData",
  "Function",
  "Headers",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Partial",
  "Promise",
  "Record",
  "RegExp",
  "Request",
  "Response",
  "Set",
  "String",
  "Symbol",
  "URL",
  "URLSearchParams",
  // A model `Index` would be written to `models/index.gen.ts`, the models' barrel (Azure's Search spec has one).
  "Index",
  // The runtime's public exports (runtime/src/public.ts and the flavor files); a test keeps this in step.
  "AccessToken",
  "AccessTokenError",
  "ApiError",
  "ApiErrorInit",
  "ApiResponse",
  "AttemptEvent",
  "AuthenticationError",
  "BadRequestError",
  "CallSettings",
  "Client",
  "ClientConfig",
  "ClientCore",
  "ClientOptions",
  "Clock",
  "ConflictError",
  "ConnectionError",
  "HttpMethod",
  "InternalServerError",
  "NotFoundError",
  "OneLoginMfaError",
  "PermissionDeniedError",
  "RateLimitError",
  "RequestAbortedError",
  "RequestOptions",
  "RequestSummary",
  "RequestValidationError",
  "ResponseParseError",
  "SafeErrorJSON",
  // OneLoginMfaError's name in another API's packages (runtime-branding.ts).
  "SdkError",
  // client.gen.ts
  "CreateClientOptions",
  "ServerOptions",
  "ServerTemplate",
  "TimeoutError",
  "TokenProvider",
  "Transport",
  "TransportRequest",
  "TransportResponse",
  "UnprocessableEntityError",
]);
