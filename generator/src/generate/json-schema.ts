/**
 * OpenAPI Schema Object → JSON Schema draft-07, the one converter the repo uses: the schema
 * package's per-operation schemas and the fake server's validators are built with it, so the
 * two can never disagree about what the spec allows.
 */
type Json = Record<string, unknown>;

/** A JSON Schema: an object of keywords, or `true`/`false`. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** Turns a `$ref` found in the spec (e.g. `#/components/schemas/Error`) into the ref to emit. */
export type RefRewriter = (ref: string) => string;

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";
const COMPONENT_SCHEMA_PREFIX = "#/components/schemas/";

const SUBSCHEMA_KEYWORDS = new Set([
  "items",
  "additionalProperties",
  "not",
  "additionalItems",
  "contains",
  "propertyNames",
]);
const SUBSCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
const SUBSCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions", "$defs"]);

/**
 * Keywords OpenAPI adds that validators reject or misread. readOnly/writeOnly go too: they
 * only say which direction a property travels, and validating a request or a response with
 * them present would need direction-aware handling no validator applies by default.
 */
const OPENAPI_ONLY_KEYWORDS = new Set([
  "nullable",
  "discriminator",
  "xml",
  "externalDocs",
  "example",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

/**
 * Converts one schema. For OpenAPI 3.0 (the default):
 * - `nullable: true` becomes a `"null"` member of `type` (and of `enum`), or an `anyOf` with
 *   `{type: "null"}` when there is no type to extend (also beside a `$ref`, as specs write it);
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` become the draft-07 numeric form.
 * For 3.1, whose schemas already are JSON Schema, only the OpenAPI-only keywords go.
 * OpenAPI-only keywords and `x-` extensions are removed; every `$ref` passes through `rewriteRef`.
 */
export function toJsonSchema(schema: unknown, rewriteRef: RefRewriter, openapiVersion = "3.0.3"): JsonSchema {
  if (typeof schema === "boolean") return schema;
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const source = schema as Json;
  const is30 = openapiVersion.startsWith("3.0");

  if (typeof source.$ref === "string") {
    const ref = { $ref: rewriteRef(source.$ref) };
    return is30 && source.nullable === true ? { anyOf: [ref, { type: "null" }] } : ref;
  }

  const converted: Json = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (OPENAPI_ONLY_KEYWORDS.has(keyword) || keyword.startsWith("x-")) continue;
    if (SUBSCHEMA_KEYWORDS.has(keyword)) {
      converted[keyword] = Array.isArray(value)
        ? value.map((item) => toJsonSchema(item, rewriteRef, openapiVersion))
        : toJsonSchema(value, rewriteRef, openapiVersion);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      converted[keyword] = value.map((item) => toJsonSchema(item, rewriteRef, openapiVersion));
    } else if (SUBSCHEMA_MAP_KEYWORDS.has(keyword) && isPlainObject(value)) {
      converted[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, rewriteRef, openapiVersion)]),
      );
    } else {
      converted[keyword] = value;
    }
  }
  if (!is30) return tuplesAsDraft07(source, converted, rewriteRef, openapiVersion);
  // OpenAPI 3.0 §4.7.24.1: exclusiveMinimum/Maximum are booleans modifying minimum/maximum.
  convertExclusiveBound(source, converted, "exclusiveMinimum", "minimum");
  convertExclusiveBound(source, converted, "exclusiveMaximum", "maximum");
  return source.nullable === true ? allowNull(converted) : converted;
}

/**
 * 2020-12's `prefixItems` (positions) and `items` (the rest) are draft-07's array-form `items`
 * and `additionalItems`; a draft-07 validator would ignore `prefixItems` and apply `items` to
 * every position.
 */
function tuplesAsDraft07(source: Json, converted: Json, rewriteRef: RefRewriter, openapiVersion: string): Json {
  if (!Array.isArray(source.prefixItems)) return converted;
  const { prefixItems: _positions, items: _rest, ...others } = converted;
  const tuple: Json = {
    ...others,
    items: source.prefixItems.map((item) => toJsonSchema(item, rewriteRef, openapiVersion)),
  };
  if (source.items !== undefined) tuple.additionalItems = toJsonSchema(source.items, rewriteRef, openapiVersion);
  return tuple;
}

/** Converts every component schema of a spec, for use as a `definitions` map. */
export function convertComponentSchemas(
  componentSchemas: Record<string, unknown>,
  rewriteRef: RefRewriter,
  openapiVersion = "3.0.3",
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(componentSchemas).map(([name, schema]) => [name, toJsonSchema(schema, rewriteRef, openapiVersion)]),
  );
}

/**
 * A rewriter pointing component refs at `<base>#/definitions/<Name>` (the pointer-escaped name
 * as written). Refs elsewhere in the document are refused: a schema pointing into `paths`
 * would be unusual enough to deserve a look.
 *
 * @param base schema `$id` the definitions live under; `""` for the same document.
 */
export function componentRefRewriter(base: string): RefRewriter {
  return (ref) => {
    if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX)) {
      throw new Error(`unsupported schema $ref ${ref}: only ${COMPONENT_SCHEMA_PREFIX}* is handled`);
    }
    return `${base}#/definitions/${ref.slice(COMPONENT_SCHEMA_PREFIX.length)}`;
  };
}

/** Name of the component a `#/components/schemas/...` ref points at (unescaped), if it is one. */
export function componentNameOf(ref: string): string | undefined {
  if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX)) return undefined;
  return decodeURIComponent(ref.slice(COMPONENT_SCHEMA_PREFIX.length)).replaceAll("~1", "/").replaceAll("~0", "~");
}

/**
 * A self-contained draft-07 schema for `schema`: every component it reaches, directly or
 * through other components, is copied into `definitions` (sorted, so output is stable).
 */
export function toStandaloneJsonSchema(
  schema: unknown,
  components: Record<string, unknown>,
  openapiVersion: string,
): Json {
  const definitions = new Map<string, JsonSchema | undefined>();
  const pending: string[] = [];
  const rewrite: RefRewriter = (ref) => {
    const name = componentNameOf(ref);
    if (name === undefined) return ref;
    if (!definitions.has(name)) {
      definitions.set(name, undefined);
      pending.push(name);
    }
    return `#/definitions/${ref.slice(COMPONENT_SCHEMA_PREFIX.length)}`;
  };
  const root = toJsonSchema(schema, rewrite, openapiVersion);
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    definitions.set(name, toJsonSchema(components[name] ?? {}, rewrite, openapiVersion));
  }
  const sorted = Object.fromEntries([...definitions.keys()].sort().map((name) => [name, definitions.get(name)]));
  const body = typeof root === "boolean" ? (root ? {} : { not: {} }) : root;
  // Always present, empty or not, so every published schema has the same shape.
  return { $schema: DRAFT_07, ...body, definitions: sorted };
}

function convertExclusiveBound(
  source: Json,
  target: Json,
  exclusiveKeyword: "exclusiveMinimum" | "exclusiveMaximum",
  boundKeyword: "minimum" | "maximum",
): void {
  const flag = source[exclusiveKeyword];
  if (typeof flag !== "boolean") return;
  delete target[exclusiveKeyword];
  if (flag && typeof source[boundKeyword] === "number") {
    target[exclusiveKeyword] = source[boundKeyword];
    delete target[boundKeyword];
  }
}

function allowNull(schema: Json): Json {
  const { type } = schema;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (typeof type === "string") return { ...schema, type: [type, "null"] };
  if (Array.isArray(type)) return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  return { anyOf: [schema, { type: "null" }] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
