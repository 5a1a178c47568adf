import { toPointer } from "../../diagnostics.js";
import { isDeepRef, localRefTokens, locateThroughRefs, resolvePointer } from "../../refs.js";
import type { OpenApiDocument } from "../load-spec.js";
import { holdsData, type JsonObject } from "../spec-walk.js";
import { pascalWords } from "./identifiers.js";
import { becomesModel, type HoistedSchema } from "./inline-schemas.js";

/**
 * `$ref`s that point inside something (`#/components/schemas/A/properties/id`,
 * `#/components/responses/E/content/application~1json/schema/properties/instance`,
 * `#/components/schemas/A/definitions/b`) rather than at a component. OpenAPI Generator types
 * such a reference by its last token (`Id`, `Instance`, `B`) and makes no model of that name,
 * so the clients would not compile. Before names are given, {@link promoteDeepRefTargets}
 * lifts the targets that become models and that the inline-schema walk never visits; after it,
 * {@link redirectDeepRefs} points every deep reference at where its target now is.
 */

/** A pointer token that only says what kind of member follows, not which one. */
const STRUCTURAL_TOKENS = new Set(["definitions", "$defs", "properties"]);

/** A component's own place: `#/components/<section>/<key>`. */
function isComponentRoot(tokens: readonly string[]): boolean {
  return tokens.length === 3 && tokens[0] === "components";
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function pointerOf(tokens: readonly string[]): string {
  return `#${toPointer(tokens)}`;
}

/** Every object holding a local `$ref` string that does not point at a component, in document order. */
function deepRefHolders(document: unknown): JsonObject[] {
  const holders: JsonObject[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, parent: string | undefined): void => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, undefined);
      return;
    }
    const object = node as JsonObject;
    if (typeof object.$ref === "string" && isDeepRef(object.$ref)) holders.push(object);
    for (const [key, value] of Object.entries(object)) {
      if (!holdsData(key, parent) && !key.startsWith("x-")) visit(value, key);
    }
  };
  visit(document, undefined);
  return holders;
}

/**
 * Whether the inline-schema walk (inline-schemas.ts) names the schema at `tokens`: a component
 * schema, or the schema of a shared or operation body, response or parameter, then any chain
 * of properties, items, map values and composition members.
 */
function isWalkedPlace(tokens: readonly string[]): boolean {
  let rest: readonly string[];
  if (tokens[0] === "components" && tokens[1] === "schemas" && tokens.length >= 3) rest = tokens.slice(3);
  else {
    let holder: readonly string[] | undefined;
    if (tokens[0] === "components" && ["requestBodies", "responses", "parameters"].includes(tokens[1] ?? ""))
      holder = tokens.slice(3);
    else if (tokens[0] === "paths" && tokens.length >= 4) {
      const [, , , where, ...more] = tokens;
      if (where === "requestBody") holder = more;
      else if (where === "responses" || where === "parameters") holder = more.slice(1);
    }
    if (holder === undefined) return false;
    if (holder[0] === "schema") rest = holder.slice(1);
    else if (holder[0] === "content" && holder[2] === "schema") rest = holder.slice(3);
    else return false;
  }
  for (let i = 0; i < rest.length; ) {
    const token = rest[i]!;
    if (token === "items" || token === "additionalProperties") i += 1;
    else if (["properties", "allOf", "oneOf", "anyOf"].includes(token) && i + 1 < rest.length) i += 2;
    else return false;
  }
  return true;
}

/**
 * Lifts each schema that a deep `$ref` points at, that becomes a model, and that the inline walk
 * would not name (it sits under `definitions`, `not`, a path-level parameter, …), into
 * `components.schemas` as `<Component><Token>…` (`A/definitions/b` → `AB`): a name from its own
 * place. Its old place becomes a `$ref` to it. Mutates `spec`, which must be a copy.
 */
export function promoteDeepRefTargets(spec: OpenApiDocument, componentName: (key: string) => string): HoistedSchema[] {
  const targets = new Map<string, string[]>();
  for (const holder of deepRefHolders(spec)) {
    const tokens = localRefTokens(holder.$ref as string)!;
    targets.set(pointerOf(tokens), tokens);
  }
  // Deepest first, so a target inside another target is lifted before its container moves.
  const ordered = [...targets.entries()].sort(([a, ta], [b, tb]) => tb.length - ta.length || (a < b ? -1 : 1));
  spec.components ??= {};
  const components = spec.components as JsonObject;
  const schemas = (components.schemas as JsonObject | undefined) ?? {};
  components.schemas = schemas;
  const promoted: HoistedSchema[] = [];
  for (const [pointer, tokens] of ordered) {
    const target = resolvePointer(spec, pointer);
    if (!isObject(target) || !becomesModel(target) || isWalkedPlace(tokens)) continue;
    const root =
      tokens[0] === "components" && tokens[1] === "schemas"
        ? componentName(tokens[2]!)
        : pascalWords(tokens.slice(0, 3).join(" "));
    const rest = tokens.slice(3).filter((token) => !STRUCTURAL_TOKENS.has(token));
    const name = `${root}${rest.map(pascalWords).join("")}`;
    promoted.push({ name, pointer: pointer.slice(1) });
    if (name in schemas) continue; // the caller's collision check names both places
    schemas[name] = target;
    const parent = resolvePointer(spec, pointerOf(tokens.slice(0, -1))) as JsonObject | unknown[];
    (parent as JsonObject)[tokens.at(-1)!] = { $ref: pointerOf(["components", "schemas", name]) };
  }
  return promoted;
}

/** Whether a pointer leads into a parameter, shared or path-level, which are copied into operations and then removed. */
function isInsideParameter(tokens: readonly string[]): boolean {
  if (tokens[0] === "components") return tokens[1] === "parameters" && tokens.length > 3;
  return tokens[0] === "paths" && (tokens[2] === "parameters" || tokens[3] === "parameters");
}

/**
 * Replaces each deep `$ref` into a parameter's schema with a copy of that schema: parameters are
 * copied into their operations and their shared places removed before models are named
 * (public-names.ts), which would leave such a reference pointing nowhere. Mutates `spec`, a copy.
 */
export function inlineRefsIntoParameters(spec: OpenApiDocument): void {
  for (let pass = 0; pass < 8; pass++) {
    let changed = false;
    for (const holder of deepRefHolders(spec)) {
      const ref = holder.$ref as string;
      if (!isInsideParameter(localRefTokens(ref)!)) continue;
      const target = resolvePointer(spec, ref);
      if (!isObject(target)) continue;
      replaceWithCopy(holder, target);
      changed = true;
    }
    if (!changed) return;
  }
}

/** Turns a `{ $ref }` holder into a copy of its target, keeping the holder's other keys. */
function replaceWithCopy(holder: JsonObject, target: JsonObject): void {
  const { $ref: _, ...siblings } = holder;
  for (const key of Object.keys(holder)) delete holder[key];
  Object.assign(holder, structuredClone(target), siblings);
}

/**
 * Points every deep `$ref` at a component: the model its target became, or, for a target that is
 * no model (a string property, an array of models), a copy of that schema in the reference's
 * place, since such a schema has no name to be referred to by. Mutates `spec`, a copy.
 */
export function redirectDeepRefs(spec: OpenApiDocument): void {
  // Copies may bring deep references of their own; a few passes settle every finite chain.
  for (let pass = 0; pass < 8; pass++) {
    const holders = deepRefHolders(spec);
    if (holders.length === 0) return;
    let changed = false;
    for (const holder of holders) {
      const found = locateThroughRefs(spec, holder.$ref as string);
      if (found === undefined) continue; // dangling: reported by the reference checks
      const { value: node, tokens: at } = found;
      if (isObject(node) && typeof node.$ref === "string") holder.$ref = node.$ref;
      else if (isComponentRoot(at)) holder.$ref = pointerOf(at);
      else if (isObject(node)) replaceWithCopy(holder, node);
      else continue;
      changed = true;
    }
    if (!changed) return;
  }
}
