import { holdsData, type JsonObject } from "./spec-walk.js";

/** Keywords that describe a value without constraining its shape. */
const ANNOTATIONS = new Set([
  "description",
  "title",
  "example",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "nullable",
  "default",
  "externalDocs",
  "xml",
]);

/**
 * Constraints on a single value that leave its TypeScript type as it is: beside `allOf: [$ref]`
 * they mean what they meant as a member of that allOf (a conjunction either way), and
 * OpenAPI Generator still reads the holder as the referenced model. AWS specs write
 * `allOf: [{ $ref: "#/components/schemas/__string" }, { pattern, xml, description }]`.
 */
const VALUE_CONSTRAINTS = new Set([
  "format",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
  "uniqueItems",
]);

const COMPOSITIONS = ["allOf", "oneOf", "anyOf"] as const;

/**
 * OpenAPI 3.0 ignores the siblings of a `$ref`, so descriptions add a note to a reference by
 * wrapping it: `oneOf: [$ref]`, `anyOf: [$ref]` or `allOf: [$ref, { description }]`. Each means
 * the referenced schema itself, as does an allOf note that adds only value constraints (a pattern,
 * a maximum). A composition of one inline schema beside notes is that schema, notes merged in. They are rewritten to the one form OpenAPI Generator reads as the
 * referenced model, a lone `allOf: [$ref]` with the notes beside it, so no model of their own
 * is named or emitted for them (which left references to types that were never declared).
 *
 * Mutates `node`, which must be a copy.
 */
export function unwrapAnnotatedRefs(node: unknown): void {
  unwrapUnder(node, undefined);
}

/** {@link unwrapAnnotatedRefs} for a node that sits under the key `parent`. */
function unwrapUnder(node: unknown, parent: string | undefined): void {
  if (Array.isArray(node)) {
    for (const item of node) unwrapUnder(item, undefined);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) if (!holdsData(key, parent)) unwrapUnder(value, key);
  const keyword = COMPOSITIONS.find((k) => Array.isArray(node[k]));
  if (keyword === undefined || !Object.keys(node).every((k) => k === keyword || isNote(k))) return;
  const members = node[keyword] as unknown[];
  const [only] = members;
  if (members.length === 1 && isObject(only) && only.$ref === undefined) {
    // One inline member (Asana: `allOf: [{ type: string, description }]`) is that schema; as a
    // composition it would be named a model that OpenAPI Generator never emits for a string.
    const clash = Object.keys(node).some(
      (k) => VALUE_CONSTRAINTS.has(k) && k in only && JSON.stringify(only[k]) !== JSON.stringify(node[k]),
    );
    if (clash) return;
    delete node[keyword];
    for (const [key, value] of Object.entries(only)) if (!(key in node)) node[key] = value;
    return;
  }
  const refs = members.filter((m) => isObject(m) && typeof m.$ref === "string" && Object.keys(m).every(isRefKey));
  const notes = members.filter((m) => !refs.includes(m));
  if (refs.length !== 1 || (keyword !== "allOf" && notes.length > 0)) return;
  if (!notes.every((m) => isObject(m) && Object.keys(m).every(isNote))) return;
  // Two different values of one constraint are both required; one key beside the allOf cannot say that.
  const merged: JsonObject = {};
  for (const note of notes as JsonObject[]) {
    for (const [key, value] of Object.entries(note)) {
      if (!VALUE_CONSTRAINTS.has(key)) continue;
      const held = key in node ? node[key] : merged[key];
      if (held !== undefined && JSON.stringify(held) !== JSON.stringify(value)) return;
      merged[key] = value;
    }
  }
  delete node[keyword];
  for (const note of notes as JsonObject[]) {
    for (const [key, value] of Object.entries(note)) if (!(key in node)) node[key] = value;
  }
  node.allOf = [{ $ref: (refs[0] as JsonObject).$ref }];
}

function isAnnotation(key: string): boolean {
  return ANNOTATIONS.has(key) || key.startsWith("x-");
}

function isNote(key: string): boolean {
  return isAnnotation(key) || VALUE_CONSTRAINTS.has(key);
}

function isRefKey(key: string): boolean {
  return key === "$ref" || isAnnotation(key);
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
