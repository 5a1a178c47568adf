import type { JsonObject } from "./spec-walk.js";

/** OpenAPI Generator's extension that names an enum's members, value by value. */
const ENUM_VAR_NAMES = "x-enum-varnames";

/** An identifier TypeScript accepts as an object literal's key and after a dot. */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * Makes every `x-enum-varnames` of the copy OpenAPI Generator reads usable as the keys of an enum
 * model's `as const` object, which OpenAPI Generator writes as given: `Only Selected` (AppVeyor's
 * spec) gave code that does not parse. A name that is not an identifier becomes one from its
 * words (`Only Selected` → `OnlySelected`, `3rd` → `_3rd`). When the names cannot all be used
 * (fewer or more than the values, one that has no word in it, `__proto__`, or two that end up
 * the same) the extension is dropped and the members get OpenAPI Generator's own names, so the
 * outcome depends on the schema alone.
 */
export function sanitizeEnumVarNames(document: JsonObject): void {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    const object = value as JsonObject;
    if (ENUM_VAR_NAMES in object) {
      const names = enumMemberNames(object[ENUM_VAR_NAMES], object.enum);
      if (names === undefined) delete object[ENUM_VAR_NAMES];
      else object[ENUM_VAR_NAMES] = names;
    }
    stack.push(...Object.values(object));
  }
}

/** The members' names as identifiers, one per value, all different; `undefined` when they cannot be. */
export function enumMemberNames(names: unknown, values: unknown): string[] | undefined {
  if (!Array.isArray(names) || !Array.isArray(values) || names.length !== values.length) return undefined;
  const identifiers = names.map((name) => (typeof name === "string" ? identifierFrom(name) : undefined));
  if (identifiers.some((name) => name === undefined)) return undefined;
  return new Set(identifiers).size === identifiers.length ? (identifiers as string[]) : undefined;
}

/** `name` if it is an identifier, else its words joined (each after the first capitalised); `undefined` for no words. */
function identifierFrom(name: string): string | undefined {
  if (IDENTIFIER.test(name)) return name === "__proto__" ? undefined : name;
  const words = name.split(/[^\p{ID_Continue}$]+/u).filter((word) => word !== "");
  if (words.length === 0) return undefined;
  const joined =
    words[0] +
    words
      .slice(1)
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join("");
  const identifier = /^[\p{ID_Start}_$]/u.test(joined) ? joined : `_${joined}`;
  return identifier === "__proto__" || !IDENTIFIER.test(identifier) ? undefined : identifier;
}

/** The enum model's members as the templates write them: `Key: literal,` lines. */
export const ENUM_MEMBERS_EXTENSION = "x-sdk-enum-members";

/**
 * Writes each component enum's members (`x-sdk-enum-members`) for the model template, instead of
 * OpenAPI Generator's: it quoted every value of an enum of mixed types (`1` became `"1"`), left
 * out `null`, and named a value without letters or digits (`" "`) with nothing, which does not
 * parse. Names are the `x-enum-varnames` when they can all be used (see sanitizeEnumVarNames),
 * else made from each value as OpenAPI Generator names them where it can: words in PascalCase
 * (`a-b` → `AB`), `_` before a digit, `NUMBER_1`, `NUMBER_MINUS_1_DOT_5`, `True`, `Null`, `Empty`,
 * and a value with no word gets `Value`; a name met again gets 2, 3, … in the values' order.
 * Every value keeps its JSON type.
 */
export function annotateEnumModels(document: JsonObject): void {
  const schemas = ((document.components as JsonObject | undefined)?.schemas ?? {}) as Record<string, unknown>;
  for (const schema of Object.values(schemas)) {
    if (!schema || typeof schema !== "object" || !Array.isArray((schema as JsonObject).enum)) continue;
    const object = schema as JsonObject;
    const values = object.enum as unknown[];
    const names = enumMemberNames(object[ENUM_VAR_NAMES], values) ?? uniqueNames(values.map(defaultMemberName));
    object[ENUM_MEMBERS_EXTENSION] = values
      .map((value, index) => `  ${propertyKey(names[index]!)}: ${JSON.stringify(value)},`)
      .join("\n");
  }
}

/** A member's name from its value, in OpenAPI Generator's manner. */
function defaultMemberName(value: unknown): string {
  if (value === null) return "Null";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number")
    return `NUMBER_${String(value).replace(/^-/, "MINUS_").replace(/\./g, "_DOT_").replace(/\+/g, "")}`.replace(
      /[^\w$]/g,
      "_",
    );
  if (typeof value !== "string") return "Value";
  if (value === "") return "Empty";
  const words = value.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");
  if (words.length === 0) return "Value";
  const joined = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
  return /^[\p{ID_Start}_$]/u.test(joined) ? joined : `_${joined}`;
}

/** Names made unique by appending 2, 3, … to each later repeat. */
function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let suffix = 2; taken.has(unique) || unique === "__proto__"; suffix++) unique = `${name}${suffix}`;
    taken.add(unique);
    return unique;
  });
}

/** An object literal key: the name as written when it is an identifier, else quoted. */
function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}
