import { literalType } from "./literal-types.js";
import type { OpenApiDocument } from "./load-spec.js";
import type { JsonObject } from "./spec-walk.js";

/** Schema-level facts for the templates, next to the operation-level ones in prepare-spec.ts. */
export const SCHEMA_EXTENSIONS = {
  /** JSDoc body lines for a property or parameter (indented for members). */
  memberDoc: "x-sdk-doc",
  /** JSDoc body lines for a model declaration (top level). */
  modelDoc: "x-sdk-model-doc",
  /** A TypeScript type the templates use instead of OpenAPI Generator's (see literal-types.ts). */
  tsType: "x-sdk-ts-type",
} as const;

// A comment terminator (star, slash) in a text would end the JSDoc comment it is written into.
export const escapeCommentEnd = (text: string): string => text.replaceAll("*/", "*\\/");

type DocRenderer = (parts: unknown[], indent: string) => string;

/**
 * Walks every schema in the document (components and inline ones) and attaches pre-rendered
 * JSDoc, because OpenAPI Generator flattens newlines and escapes quotes in the descriptions
 * templates can read.
 */
export function annotateSchemas(spec: OpenApiDocument, renderDoc: DocRenderer): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown, pointer: (string | number)[]): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) visit(item, [...pointer, index]);
      return;
    }
    const object = node as JsonObject;
    if (isSchemaLike(pointer) && typeof object.description === "string") {
      object[SCHEMA_EXTENSIONS.memberDoc] = renderDoc([object.description], "   ");
      object[SCHEMA_EXTENSIONS.modelDoc] = renderDoc([object.description], " ");
    }
    // An undocumented parameter is documented by its wire name, which its field (camelCase) may not show.
    if (
      pointer.at(-2) === "parameters" &&
      typeof object.name === "string" &&
      typeof object.in === "string" &&
      typeof object.description !== "string"
    )
      object[SCHEMA_EXTENSIONS.memberDoc] = `   * \`${escapeCommentEnd(object.name)}\` (${object.in} parameter)`;
    const literal = isSchemaLike(pointer) ? literalType(object) : undefined;
    if (literal !== undefined) object[SCHEMA_EXTENSIONS.tsType] = literal;
    for (const [key, value] of Object.entries(object)) {
      if (key.startsWith("x-sdk-")) continue;
      visit(value, [...pointer, key]);
    }
  };
  visit(spec, []);
}

/**
 * Documents each undocumented component schema by its key as the spec spells it, before keys are
 * renamed for OpenAPI Generator (naming/mishandled-keys.ts), whose own spelling of the name may be
 * escaped (`_configuration`).
 */
export function noteSchemaKeys(spec: OpenApiDocument): void {
  for (const [key, schema] of Object.entries((spec.components?.schemas as JsonObject | undefined) ?? {})) {
    // A bare `$ref` is an alias; a sibling key could change how it is read.
    if (!schema || typeof schema !== "object" || "$ref" in schema || SCHEMA_EXTENSIONS.modelDoc in schema) continue;
    const shown = escapeCommentEnd(key.replace(/\s+/g, " "));
    (schema as JsonObject)[SCHEMA_EXTENSIONS.modelDoc] = ` * The \`${shown}\` schema.`;
  }
}

/** Parameters carry their own description; schemas sit under these keys. */
function isSchemaLike(pointer: (string | number)[]): boolean {
  const parent = pointer.at(-2);
  const key = pointer.at(-1);
  return (
    key === "schema" ||
    key === "items" ||
    key === "additionalProperties" ||
    key === "not" ||
    parent === "schemas" ||
    parent === "properties" ||
    parent === "allOf" ||
    parent === "oneOf" ||
    parent === "anyOf" ||
    parent === "parameters"
  );
}
