import type { FileTree } from "./file-tree.js";
import type { OpenApiDocument } from "./load-spec.js";
import { holdsData, type JsonObject } from "./spec-walk.js";

/**
 * Property names that a template cannot write between double quotes as they are: a quote, a
 * backslash, a control character, or a line or paragraph separator (Netatmo's spec has a
 * property `wind_timeutc"`). Mustache has no way to escape them, so OpenAPI Generator gets a
 * stand-in name made of the original's bytes in hex, and the generated files get the original
 * back as a JSON string literal, which TypeScript reads as the same key.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what needs escaping.
const NEEDS_ESCAPING = /["\\\u0000-\u001f\u2028\u2029]/;

const PREFIX = "x_sdk_key_";

/** The stand-in for a property name: `x_sdk_key_` and the name's UTF-8 bytes in hex. */
export const standInKey = (name: string): string => PREFIX + Buffer.from(name, "utf8").toString("hex");

/**
 * Renames every property that needs escaping, in every schema of `document` (its `required`
 * entries too), to its stand-in; returns stand-in → original. Data (examples, defaults, enums)
 * is left alone. Run last on the copy OpenAPI Generator reads: every name was decided before.
 */
export function useStandInKeys(document: OpenApiDocument): Map<string, string> {
  const originals = new Map<string, string>();
  const seen = new Set<unknown>();
  // `names` is true for a `properties` map, whose keys are names and whose values are schemas.
  const visit = (node: unknown, names: boolean): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, false);
      return;
    }
    const object = node as JsonObject;
    const properties = object.properties;
    if (!names && properties && typeof properties === "object" && !Array.isArray(properties)) {
      renameKeys(properties as JsonObject, originals);
      // From the name itself, not from the rename: a `properties` map two schemas share is renamed once.
      if (Array.isArray(object.required))
        object.required = object.required.map((name) =>
          typeof name === "string" && NEEDS_ESCAPING.test(name) ? standInKey(name) : name,
        );
    }
    for (const [child, value] of Object.entries(object))
      if (names || !holdsData(child, undefined)) visit(value, !names && child === "properties");
  };
  visit(document, false);
  return originals;
}

/** Renames the keys of `properties` that need escaping, keeping their order; records stand-in → original. */
function renameKeys(properties: JsonObject, originals: Map<string, string>): void {
  const entries = Object.entries(properties);
  if (!entries.some(([name]) => NEEDS_ESCAPING.test(name))) return;
  for (const [name] of entries) delete properties[name];
  for (const [name, value] of entries) {
    const key = NEEDS_ESCAPING.test(name) ? standInKey(name) : name;
    if (key !== name) originals.set(key, name);
    properties[key] = value;
  }
}

/** Puts the original names back into generated files: each quoted stand-in becomes the JSON string of its original. */
export function restoreKeys(tree: FileTree, originals: ReadonlyMap<string, string>): FileTree {
  if (originals.size === 0) return tree;
  const pattern = new RegExp(`"(${PREFIX}[0-9a-f]+)"`, "g");
  const result: FileTree = new Map();
  for (const [file, text] of tree)
    result.set(
      file,
      text.replace(pattern, (quoted, key: string) => {
        const original = originals.get(key);
        return original === undefined ? quoted : JSON.stringify(original);
      }),
    );
  return result;
}
