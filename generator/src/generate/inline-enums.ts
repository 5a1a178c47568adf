import { literalType } from "./literal-types.js";
import { SCHEMA_EXTENSIONS } from "./schema-annotations.js";
import { HTTP_METHODS, type JsonObject } from "./spec-walk.js";

/**
 * Takes the `enum` off property and parameter schemas of the copy OpenAPI Generator reads, after
 * writing their TypeScript type (`"a" | "b"`) where the templates read it (x-sdk-ts-type).
 * OpenAPI Generator's enum processing searches every schema of the spec for each enum property
 * (DefaultCodegen.updateCodegenPropertyEnum), quadratic work that was most of the JVM's time on
 * GitHub's spec, and the templates never use its result for inline enums. Enums that are models
 * of their own (a component schema) are left alone: they become `as const` objects. So are the
 * members of a oneOf/anyOf: OpenAPI Generator merges their properties into one model, and a
 * merged property must carry the union of every member's values, which only it computes.
 */
export function moveInlineEnumsToTypes(spec: JsonObject): void {
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const merged = oneOfMembers(spec);
  for (const [name, schema] of Object.entries(components.schemas ?? {})) if (!merged.has(name)) visitSchema(schema);
  for (const parameter of Object.values(components.parameters ?? {})) moveParameterEnum(parameter);
  for (const pathItem of Object.values((spec.paths ?? {}) as Record<string, JsonObject>)) {
    if (!pathItem || typeof pathItem !== "object") continue;
    for (const parameter of asArray(pathItem.parameters)) moveParameterEnum(parameter);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (operation && typeof operation === "object") {
        for (const parameter of asArray(operation.parameters)) moveParameterEnum(parameter);
      }
    }
  }
  for (const media of mediaSchemas(spec)) visitSchema(media);
}

/** The type an inline enum (or an array of one) stands for, or undefined when it is something else. */
function enumType(schema: JsonObject): string | undefined {
  if (schema.$ref !== undefined) return undefined;
  if (Array.isArray(schema.enum)) return literalType(schema) ?? literalType({ ...schema, type: undefined });
  const items = schema.items as JsonObject | undefined;
  if (
    schema.type === "array" &&
    items &&
    typeof items === "object" &&
    Array.isArray(items.enum) &&
    items.$ref === undefined
  ) {
    const element = enumType(items)!;
    const array = element.includes("|") ? `Array<${element}>` : `${element}[]`;
    const nullable = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null"));
    return nullable ? `${array} | null` : array;
  }
  return undefined;
}

function strip(schema: JsonObject, holder: JsonObject): void {
  const type = enumType(schema);
  if (type === undefined) return;
  holder[SCHEMA_EXTENSIONS.tsType] ??= type;
  if (Array.isArray(schema.enum)) delete schema.enum;
  else delete (schema.items as JsonObject).enum;
}

/** Walks a model's properties (and nested inline objects); only property schemas are rewritten. */
function visitSchema(node: unknown): void {
  if (!node || typeof node !== "object" || Array.isArray(node)) return;
  const schema = node as JsonObject;
  for (const property of Object.values((schema.properties ?? {}) as Record<string, unknown>)) {
    if (!property || typeof property !== "object") continue;
    strip(property as JsonObject, property as JsonObject);
    visitSchema(property);
    visitSchema((property as JsonObject).items);
  }
  // oneOf/anyOf members are merged into one model by OpenAPI Generator: left alone (see above).
  for (const member of asArray(schema.allOf)) visitSchema(member);
  visitSchema(schema.items);
  if (typeof schema.additionalProperties === "object") visitSchema(schema.additionalProperties);
}

/** A parameter's type lives on the parameter object, whose extensions the templates read. */
function moveParameterEnum(entry: unknown): void {
  if (!entry || typeof entry !== "object") return;
  const parameter = entry as JsonObject;
  const schema = parameter.schema as JsonObject | undefined;
  if (parameter.$ref !== undefined || !schema || typeof schema !== "object") return;
  strip(schema, parameter);
}

function* mediaSchemas(spec: JsonObject): Generator<unknown> {
  const seen = new Set<unknown>();
  const walk = function* (node: unknown, key: string | undefined): Generator<unknown> {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (key === "content" && !Array.isArray(node)) {
      for (const media of Object.values(node as Record<string, JsonObject>)) if (media?.schema) yield media.schema;
      return;
    }
    for (const [name, value] of Object.entries(node))
      if (name !== "components" || key !== undefined) yield* walk(value, name);
  };
  yield* walk(spec, undefined);
  const components = (spec.components ?? {}) as Record<string, Record<string, unknown>>;
  for (const section of ["requestBodies", "responses"]) yield* walk(components[section], section);
}

/** Component schemas that some oneOf or anyOf lists by `$ref`. */
function oneOfMembers(spec: JsonObject): Set<string> {
  const names = new Set<string>();
  const prefix = "#/components/schemas/";
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!node || typeof node !== "object") return;
    const object = node as JsonObject;
    for (const key of ["oneOf", "anyOf"]) {
      for (const member of asArray(object[key])) {
        const ref = (member as JsonObject | null)?.$ref;
        if (typeof ref === "string" && ref.startsWith(prefix))
          names.add(decodeURIComponent(ref.slice(prefix.length)).replaceAll("~1", "/").replaceAll("~0", "~"));
      }
    }
    for (const value of Object.values(object)) walk(value);
  };
  walk(spec);
  return names;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
