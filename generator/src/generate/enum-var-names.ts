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
