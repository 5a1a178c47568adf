import type { JsonObject } from "./spec-walk.js";

/**
 * TypeScript types for schemas OpenAPI Generator types wrongly: `const` and `prefixItems` become
 * `unknown`, an enum of mixed JSON types (`["a", 1, true, null]`) becomes a union of strings,
 * a 3.1 `type: "null"` becomes an undeclared `Null`, and a 3.1 list of scalar types
 * (`[number, string]`) an empty interface. Returns undefined for every other schema,
 * which the generator types well; nullability is included in what is returned.
 */
export function literalType(schema: JsonObject): string | undefined {
  if (Object.hasOwn(schema, "const")) return withNull(JSON.stringify(schema.const), schema);
  if (Array.isArray(schema.enum) && isMixedEnum(schema)) return withNull(enumUnion(schema.enum), schema);
  if (Array.isArray(schema.prefixItems)) return withNull(tupleType(schema), schema);
  if (schema.type === "null") return "null";
  if (isScalarTypeList(schema)) {
    const types = (schema.type as unknown[]).map((type) => (type === "integer" ? "number" : String(type)));
    return withNull([...new Set(types)].join(" | "), schema);
  }
  return undefined;
}

/**
 * A 3.1 list of two or more scalar types (`type: [number, string]`, `null` aside) and nothing
 * that shapes an object or array: OpenAPI Generator makes an empty interface of it.
 */
function isScalarTypeList(schema: JsonObject): boolean {
  if (!Array.isArray(schema.type)) return false;
  const types = schema.type.filter((type) => type !== "null");
  const scalars = new Set(["string", "number", "integer", "boolean"]);
  return types.length > 1 && types.every((type) => scalars.has(String(type)));
}

/** An enum whose values are not all of the one JSON type the schema declares. */
function isMixedEnum(schema: JsonObject): boolean {
  const kinds = new Set((schema.enum as unknown[]).filter((v) => v !== null).map(jsonKind));
  const declared = typeof schema.type === "string" ? (schema.type === "integer" ? "number" : schema.type) : undefined;
  return kinds.size > 1 || declared === undefined || (kinds.size === 1 && !kinds.has(declared));
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return typeof value === "object" ? "object" : typeof value;
}

function enumUnion(values: unknown[]): string {
  return [...new Set(values.map((v) => JSON.stringify(v)))].join(" | ");
}

/**
 * `prefixItems` is a tuple (JSON Schema 2020-12 §10.3.1.1): positions past `minItems` may be
 * missing, and `items` types the rest (`items: false` forbids more).
 */
function tupleType(schema: JsonObject): string {
  const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
  const positions = (schema.prefixItems as unknown[]).map((item, index) => {
    const type = elementType(item);
    if (index < minItems) return type;
    // `string | null?` would not parse: an optional position's union needs parentheses.
    return `${type.includes("|") ? `(${type})` : type}?`;
  });
  if (schema.items !== false) positions.push(`...${arrayOf(elementType(schema.items ?? {}))}`);
  return `[${positions.join(", ")}]`;
}

function arrayOf(type: string): string {
  return /^[\w.]+$/.test(type) ? `${type}[]` : `Array<${type}>`;
}

/** A member's type where it is plain; referenced models fall back to `unknown`, never to a guess. */
function elementType(node: unknown): string {
  if (node === true || node === undefined) return "unknown";
  if (node === false) return "never";
  if (!node || typeof node !== "object") return "unknown";
  const schema = node as JsonObject;
  const literal = literalType(schema);
  if (literal !== undefined) return literal;
  if (Array.isArray(schema.enum)) return withNull(enumUnion(schema.enum), schema);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const mapped = types.map((type) => {
    if (type === "string") return "string";
    if (type === "number" || type === "integer") return "number";
    if (type === "boolean") return "boolean";
    if (type === "null") return "null";
    if (type === "array") return arrayOf(elementType(schema.items));
    if (type === "object" && schema.$ref === undefined) return "Record<string, unknown>";
    return "unknown";
  });
  return withNull([...new Set(mapped)].join(" | "), schema);
}

function withNull(type: string, schema: JsonObject): string {
  const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
  return nullable && !/(^|\| )null( \||$)/.test(type) ? `${type} | null` : type;
}
