import { escapePointerToken } from "../../diagnostics.js";
import type { OpenApiDocument } from "../load-spec.js";
import { HTTP_METHODS, type JsonObject } from "../spec-walk.js";
import { isPlainIdentifier, modelTypeName, pascalWords } from "./identifiers.js";
import { NAME_OVERRIDE } from "./operation-names.js";

/**
 * A schema the generator would turn into a model of its own, lifted into `components.schemas`
 * under a name made from where it stands in the spec.
 */
export interface HoistedSchema {
  name: string;
  /** JSON pointer of the schema's original place, for errors. */
  pointer: string;
}

/**
 * Gives every inline schema that becomes a model a name from its own place, before OpenAPI
 * Generator sees it: `<Operation>Request`, `<Operation><Status>Response`, `<Parent><Property>`,
 * `<Parent>Inner` for array items, `<Parent>Value` for map values, `<Parent>AllOf` (then `AllOf1`, …)
 * for composition members, `<Operation><Parameter>Parameter`; an `x-ts-name` on the schema wins.
 * A name from the place that a component schema already holds (in any case) gets `Inline`
 * appended, so the spec's own names stay as written (AWS specs name the component
 * `<Operation>Request` and inline a copy as the body). The generator would otherwise name
 * them by title or by the first operation it met with an equal shape, so an edit in one operation
 * could rename another operation's types.
 *
 * Mutates `spec`, which must be a copy.
 * Returns the hoisted schemas; names already taken are reported by the caller's collision check.
 */
export function hoistInlineSchemas(
  spec: OpenApiDocument,
  names: {
    /** The PascalCase base name of the operation at `paths[route][method]`. */
    operation: (route: string, method: string) => string;
    /** The model name a component schema ends up with. */
    component: (key: string) => string;
  },
): HoistedSchema[] {
  spec.components ??= {};
  const componentsObject = spec.components as JsonObject;
  const schemas = (componentsObject.schemas as JsonObject | undefined) ?? {};
  componentsObject.schemas = schemas;
  const hoisted: HoistedSchema[] = [];
  const taken = new Map<string, string>();
  // Model names the spec's own component schemas hold (in lower case: files meet that way too).
  const componentNames = new Set(Object.keys(schemas).map((key) => names.component(key).toLowerCase()));

  const lift = (schema: JsonObject, derived: string, pointer: string): JsonObject => {
    const override = schema[NAME_OVERRIDE];
    const name =
      typeof override === "string" && isPlainIdentifier(override)
        ? override
        : componentNames.has(derived.toLowerCase())
          ? `${derived}Inline`
          : derived;
    hoisted.push({ name, pointer });
    // A clash is reported later with both places; keep the first so the walk can finish.
    if (!(name in schemas) && !taken.has(name)) {
      taken.set(name, pointer);
      schemas[name] = schema;
    }
    walkMembers(schema, name, pointer, lift);
    return { $ref: `#/components/schemas/${escapePointerToken(name)}` };
  };

  // Component schemas keep their names; their inline members are named after them.
  for (const [name, schema] of Object.entries({ ...schemas })) {
    if (isObject(schema)) walkMembers(schema, names.component(name), pointerOf(["components", "schemas", name]), lift);
  }
  const sharedSections: [string, string][] = [
    ["requestBodies", "RequestBody"],
    ["responses", "Response"],
    ["parameters", "Parameter"],
  ];
  for (const [section, role] of sharedSections) {
    for (const [name, holder] of Object.entries((componentsObject[section] as JsonObject) ?? {})) {
      if (isObject(holder))
        liftFromHolder(holder, `${modelTypeName(name)}${role}`, ["components", section, name], lift);
    }
  }
  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const base = names.operation(route, method);
      const at = ["paths", route, method];
      if (isObject(operation.requestBody))
        liftFromHolder(operation.requestBody, `${base}Request`, [...at, "requestBody"], lift);
      for (const [status, response] of Object.entries((operation.responses as JsonObject | undefined) ?? {})) {
        if (isObject(response))
          liftFromHolder(response, `${base}${pascalWords(status)}Response`, [...at, "responses", status], lift);
      }
      for (const [index, parameter] of ((operation.parameters as unknown[] | undefined) ?? []).entries()) {
        if (isObject(parameter) && typeof parameter.name === "string")
          liftFromHolder(
            parameter,
            `${base}${pascalWords(parameter.name)}Parameter`,
            [...at, "parameters", index],
            lift,
          );
      }
    }
  }
  return hoisted;
}

type Lift = (schema: JsonObject, name: string, pointer: string) => JsonObject;

/**
 * A request body, response or parameter: its `schema`, or its `content` map's schemas. With several
 * media types, the first keeps the plain name and the others add their media type to it.
 */
function liftFromHolder(holder: JsonObject, name: string, at: (string | number)[], lift: Lift): void {
  if (holder.$ref !== undefined) return;
  if (isObject(holder.schema)) holder.schema = liftOrWalk(holder.schema, name, pointerOf([...at, "schema"]), lift);
  const content = holder.content;
  if (!isObject(content)) return;
  const mediaTypes = Object.keys(content).filter((media) => isObject((content[media] as JsonObject)?.schema));
  for (const [index, media] of mediaTypes.entries()) {
    const entry = content[media] as JsonObject;
    // Form bodies are flattened into fields by the generator; only their members need names.
    const form = /^(application\/x-www-form-urlencoded|multipart\/)/i.test(media);
    const named = index === 0 ? name : `${name}${pascalWords(media)}`;
    const pointer = pointerOf([...at, "content", media, "schema"]);
    const schema = entry.schema as JsonObject;
    if (form) walkMembers(schema, named, pointer, lift);
    else entry.schema = liftOrWalk(schema, named, pointer, lift);
  }
}

/** Lifts a schema that becomes a model; otherwise looks inside it (an array's items, a map's values). */
function liftOrWalk(schema: JsonObject, name: string, pointer: string, lift: Lift): JsonObject {
  if (becomesModel(schema)) return lift(schema, name, pointer);
  walkMembers(schema, name, pointer, lift);
  return schema;
}

/** Names the inline members of a schema after it. */
function walkMembers(schema: JsonObject, name: string, pointer: string, lift: Lift): void {
  if (schema.$ref !== undefined) return;
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const key of Object.keys(properties)) {
      const member = properties[key];
      if (isObject(member))
        properties[key] = liftOrWalk(
          member,
          `${name}${pascalWords(key)}`,
          `${pointer}/properties/${escapePointerToken(key)}`,
          lift,
        );
    }
  }
  if (isObject(schema.items)) schema.items = liftOrWalk(schema.items, `${name}Inner`, `${pointer}/items`, lift);
  if (isObject(schema.additionalProperties))
    schema.additionalProperties = liftOrWalk(
      schema.additionalProperties,
      `${name}Value`,
      `${pointer}/additionalProperties`,
      lift,
    );
  for (const [keyword, word] of [
    ["allOf", "AllOf"],
    ["oneOf", "OneOf"],
    ["anyOf", "AnyOf"],
  ] as const) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    for (const [index, member] of members.entries()) {
      if (isObject(member))
        members[index] = liftOrWalk(
          member,
          `${name}${word}${index === 0 ? "" : index}`,
          `${pointer}/${keyword}/${index}`,
          lift,
        );
    }
  }
}

/**
 * Whether OpenAPI Generator makes a model of an inline schema: an object with properties, or a
 * composition. A lone `allOf: [$ref]` (often written to add `nullable` or a description) is read
 * as the referenced model itself, so it stays where it is.
 */
export function becomesModel(schema: JsonObject): boolean {
  if (schema.$ref !== undefined) return false;
  if (isObject(schema.properties) && Object.keys(schema.properties).length > 0) return true;
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return true;
  const allOf = schema.allOf;
  if (!Array.isArray(allOf)) return false;
  return !(allOf.length === 1 && isObject(allOf[0]) && (allOf[0] as JsonObject).$ref !== undefined);
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function pointerOf(tokens: (string | number)[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join("");
}
