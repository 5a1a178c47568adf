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
  /** On a model: its type is the union of its `oneOf` members' types (see {@link markUnions}). */
  oneOf: "x-sdk-one-of",
  /** On a model: its type is the union of its `anyOf` members' types. */
  anyOf: "x-sdk-any-of",
  /** On a model: its own properties and a union, split into two parts whose intersection it is. */
  intersection: "x-sdk-intersection",
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

/** Whether a composition member says what it is, rather than only constraining (`{ required: [a] }`). */
const saysWhatItIs = (member: unknown): boolean =>
  !!member &&
  typeof member === "object" &&
  ["$ref", "type", "properties", "items", "enum", "const", "oneOf", "anyOf", "allOf", "prefixItems"].some((key) =>
    Object.hasOwn(member, key),
  );

/**
 * A schema with properties of its own beside a `oneOf` or `anyOf` of members that say
 * what they are is both: its properties and one of the members. OpenAPI Generator would make one
 * interface of the members' properties and drop its own, so before names are given it becomes an
 * `allOf` of its own part and the union (named `<Name>AllOf` and `<Name>AllOf1`, as inline
 * schemas are), marked so that {@link typeIntersections} can write `Own & Union` once they have names.
 */
export function splitPropertiesFromUnions(spec: OpenApiDocument): void {
  const OWN = ["type", "properties", "required", "additionalProperties", "minProperties", "maxProperties"];
  // Every schema, inline ones too (they are named after this); data (examples, defaults, enums) and extensions are not schemas.
  const DATA = new Set(["example", "examples", "default", "enum", "const"]);
  const schemas: JsonObject[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    schemas.push(node as JsonObject);
    for (const [key, value] of Object.entries(node)) if (!DATA.has(key) && !key.startsWith("x-")) walk(value);
  };
  walk(spec.paths);
  walk(spec.components);
  for (const object of schemas) {
    if (!object.properties || typeof object.properties !== "object" || "allOf" in object) continue;
    const keyword = (["oneOf", "anyOf"] as const).find((key) => Array.isArray(object[key]));
    const members = keyword && (object[keyword] as unknown[]);
    if (!keyword || !members || members.length === 0 || !members.every(saysWhatItIs)) continue;
    const own: JsonObject = { type: "object" };
    for (const key of OWN) if (key in object) own[key] = object[key];
    const union: JsonObject = { [keyword]: members };
    if (object.discriminator !== undefined) union.discriminator = object.discriminator;
    for (const key of [...OWN, keyword, "discriminator"]) delete object[key];
    object.allOf = [own, union];
    object[SCHEMA_EXTENSIONS.intersection] = true;
  }
}

/** Types each schema {@link splitPropertiesFromUnions} split as the intersection of its two named parts. */
export function typeIntersections(spec: OpenApiDocument, modelNames: Readonly<Record<string, string>>): void {
  const prefix = "#/components/schemas/";
  for (const schema of Object.values((spec.components?.schemas as JsonObject | undefined) ?? {})) {
    if (!schema || typeof schema !== "object" || !(schema as JsonObject)[SCHEMA_EXTENSIONS.intersection]) continue;
    const parts = ((schema as JsonObject).allOf as JsonObject[]).map((part) => {
      const ref = typeof part?.$ref === "string" && part.$ref.startsWith(prefix) ? part.$ref.slice(prefix.length) : "";
      return modelNames[ref.replaceAll("~1", "/").replaceAll("~0", "~")];
    });
    if (parts.every((name) => name !== undefined)) (schema as JsonObject)[SCHEMA_EXTENSIONS.tsType] = parts.join(" & ");
  }
}

/**
 * Marks the component schemas (named inline ones included, by now) whose model is a union of its
 * `oneOf` or `anyOf` members: every member says what it is (a `$ref`, a `type`, properties, items,
 * an enum or const, a composition of its own) and the schema has no properties or `allOf` of its
 * own. Templates then write `A | B` from OpenAPI Generator's member types, in the spec's order.
 * Without the mark a model is an interface of every member's properties, which is what a
 * composition that only adds constraints (`oneOf: [{ required: [a] }, { required: [b] }]`) means.
 */
export function markUnions(spec: OpenApiDocument): void {
  for (const schema of Object.values((spec.components?.schemas as JsonObject | undefined) ?? {})) {
    if (!schema || typeof schema !== "object" || Array.isArray(schema)) continue;
    const object = schema as JsonObject;
    // Members that only constrain (`oneOf: [{ required: [a] }, { required: [b] }]`) add nothing a
    // type can say, and OpenAPI Generator would drop the schema's own properties for them.
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const members = object[keyword];
      if (Array.isArray(members) && members.length > 0 && !members.some(saysWhatItIs)) delete object[keyword];
    }
    if ("properties" in object || "allOf" in object) continue;
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const members = object[keyword];
      if (Array.isArray(members) && members.length > 0 && members.every(saysWhatItIs)) {
        object[SCHEMA_EXTENSIONS[keyword]] = true;
        // OpenAPI Generator lists no values for an inline enum member; its type is written here.
        for (const member of members as JsonObject[])
          if (member.$ref === undefined && Array.isArray(member.enum))
            member[SCHEMA_EXTENSIONS.tsType] ??= literalType(member) ?? literalType({ ...member, type: undefined });
        break;
      }
    }
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
