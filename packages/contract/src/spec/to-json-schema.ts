import type { JsonSchema, OasSchema } from "./openapi-types.js";

/** Turns a `$ref` found in the spec (e.g. `#/components/schemas/Error`) into the ref to emit. */
export type RefRewriter = (ref: string) => string;

// Keywords whose value is one subschema, a list of them, or a name-to-subschema map.
const SUBSCHEMA_KEYWORDS = new Set([
  "items",
  "additionalProperties",
  "not",
  "additionalItems",
  "contains",
  "propertyNames",
]);
const SUBSCHEMA_LIST_KEYWORDS = new Set(["allOf", "anyOf", "oneOf"]);
const SUBSCHEMA_MAP_KEYWORDS = new Set(["properties", "patternProperties", "definitions"]);

// OpenAPI-only keywords with no validation meaning in draft-07. Dropping them keeps ajv's
// keyword checks meaningful instead of switching them off. `readOnly`/`writeOnly` go too:
// the fake validates requests and responses with the same schema, as OpenAPI 3.0 allows.
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

const COMPONENT_SCHEMA_PREFIX = "#/components/schemas/";

/**
 * Converts an OpenAPI 3.0 Schema Object to draft-07 JSON Schema:
 * - `nullable: true` becomes a `"null"` member of `type` (and of `enum`), or an
 *   `anyOf` with `{type: "null"}` when there is no `type` to extend;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` become the draft-07 numeric form;
 * - OpenAPI-only keywords and `x-` extensions are removed;
 * - every `$ref` is passed through `rewriteRef`.
 */
export function toJsonSchema(schema: unknown, rewriteRef: RefRewriter): JsonSchema {
  if (typeof schema === "boolean") return schema;
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const source = schema as OasSchema;

  if (typeof source.$ref === "string") {
    // OpenAPI 3.0 ignores siblings of $ref, except that `nullable` is commonly put there.
    const ref = { $ref: rewriteRef(source.$ref) };
    return source.nullable === true ? { anyOf: [ref, { type: "null" }] } : ref;
  }

  const converted: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(source)) {
    if (OPENAPI_ONLY_KEYWORDS.has(keyword) || keyword.startsWith("x-")) continue;
    if (SUBSCHEMA_KEYWORDS.has(keyword)) {
      converted[keyword] = Array.isArray(value)
        ? value.map((item) => toJsonSchema(item, rewriteRef))
        : toJsonSchema(value, rewriteRef);
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value)) {
      converted[keyword] = value.map((item) => toJsonSchema(item, rewriteRef));
    } else if (SUBSCHEMA_MAP_KEYWORDS.has(keyword) && isPlainObject(value)) {
      converted[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, rewriteRef)]),
      );
    } else {
      converted[keyword] = value;
    }
  }
  convertExclusiveBound(source, converted, "exclusiveMinimum", "minimum");
  convertExclusiveBound(source, converted, "exclusiveMaximum", "maximum");
  return source.nullable === true ? allowNull(converted) : converted;
}

/**
 * Converts every component schema of the spec, for use as a `definitions` map.
 *
 * @param componentSchemas `components.schemas` of the spec.
 */
export function convertComponentSchemas(
  componentSchemas: Record<string, OasSchema>,
  rewriteRef: RefRewriter,
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(componentSchemas).map(([name, schema]) => [name, toJsonSchema(schema, rewriteRef)]),
  );
}

/**
 * A rewriter that points component refs at `<base>#/definitions/<Name>`, keeping the
 * pointer-escaped name as written. Refs elsewhere in the document are refused: a
 * schema pointing into `paths` would be unusual enough to deserve a look.
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
  return decodeURIComponent(ref.slice(COMPONENT_SCHEMA_PREFIX.length)).replace(/~1/g, "/").replace(/~0/g, "~");
}

function convertExclusiveBound(
  source: OasSchema,
  target: Record<string, unknown>,
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

function allowNull(schema: Record<string, unknown>): JsonSchema {
  const { type } = schema;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (typeof type === "string") return { ...schema, type: [type, "null"] };
  if (Array.isArray(type)) return type.includes("null") ? schema : { ...schema, type: [...type, "null"] };
  return { anyOf: [schema, { type: "null" }] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
