import { escapePointerToken } from "../../diagnostics.js";
import type { OpenApiDocument } from "../load-spec.js";
import type { JsonObject } from "../spec-walk.js";
import { pascalWords, startsWithDigit } from "./identifiers.js";

/**
 * Component schema keys that OpenAPI Generator mishandles whatever model names they are mapped
 * to, renamed to their model names (with every `$ref` to them) so it never sees them:
 * - keys that differ only in case (`Blacklist`, `blacklist`): it numbers their files
 *   (`blacklist0.gen.ts`), so the barrels would import files that do not exist; renamed once
 *   every model has a distinct name (an `x-ts-name` for all but one of them);
 * - keys whose words start with a digit (`400Error`, `-400-error`): references to them would name a type nothing declares;
 * - keys spelled other than their model name when that name is one OpenAPI Generator keeps for
 *   itself ({@link GENERATOR_KEPT_NAMES}): Buffer's `configuration` is declared as `Configuration`
 *   but referred to as `ModelConfiguration`. A key that is already its model name is left alone:
 *   then the generator takes the name from the model-name mapping and spells it the same everywhere.
 *
 * Mutates `spec` (a copy). Returns the model-name mapping with the renamed keys.
 */
export function renameMishandledKeys(
  spec: OpenApiDocument,
  modelNames: Record<string, string>,
): Record<string, string> {
  const schemas = (spec.components?.schemas ?? {}) as JsonObject;
  const byLowerCase = new Map<string, string[]>();
  for (const key of Object.keys(schemas)) {
    const group = byLowerCase.get(key.toLowerCase()) ?? [];
    byLowerCase.set(key.toLowerCase(), [...group, key]);
  }
  const renames = new Map<string, string>();
  const rename = (key: string): void => {
    const name = modelNames[key];
    if (name !== undefined && name !== key && !(name in schemas)) renames.set(key, name);
  };
  for (const keys of byLowerCase.values()) if (keys.length > 1) keys.forEach(rename);
  // A key that starts with a digit (`400ErrorResponse`) or whose model name the generator keeps for
  // itself: it declares the model under its mapped name but spells references its own way
  // (`Model400ErrorResponse`, `ModelConfiguration`).
  for (const key of Object.keys(schemas))
    if (startsWithDigit(pascalWords(key)) || GENERATOR_KEPT_NAMES.has(modelNames[key] ?? "")) rename(key);
  if (renames.size === 0) return modelNames;
  const refs = new Map(
    [...renames].map(([from, to]) => [
      `#/components/schemas/${escapePointerToken(from)}`,
      `#/components/schemas/${escapePointerToken(to)}`,
    ]),
  );
  rewriteRefs(spec, refs);
  const renamed: JsonObject = {};
  for (const [key, schema] of Object.entries(schemas)) renamed[renames.get(key) ?? key] = schema;
  (spec.components as JsonObject).schemas = renamed;
  const names = { ...modelNames };
  for (const [from, to] of renames) {
    delete names[from];
    names[to] = to;
  }
  return Object.fromEntries(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Names OpenAPI Generator 7.25.0 renames to `Model<Name>` when it spells a reference from a key
 * that is not already that name: typescript-fetch's reserved words (its runtime's exports) and the
 * TypeScript generators' language types (primitives, globals and the built-in utility types).
 * Read from the generator's `TypeScriptFetchClientCodegen` and `AbstractTypeScriptClientCodegen`.
 */
export const GENERATOR_KEPT_NAMES: ReadonlySet<string> = new Set([
  // typescript-fetch's runtime
  "ApiResponse",
  "BaseAPI",
  "BlobApiResponse",
  "Configuration",
  "ConfigurationParameters",
  "FetchAPI",
  "FetchParams",
  "HTTPBody",
  "HTTPHeaders",
  "HTTPMethod",
  "HTTPQuery",
  "Index",
  "JSONApiResponse",
  "Middleware",
  "ModelPropertyNaming",
  "RequestContext",
  "RequestOpts",
  "RequiredError",
  "ResponseContext",
  "ResponseTransformer",
  "TextApiResponse",
  "VoidApiResponse",
  // language types
  "Array",
  "Boolean",
  "Date",
  "Double",
  "Error",
  "File",
  "Float",
  "Integer",
  "Long",
  "Map",
  "Object",
  "ReadonlyArray",
  "Set",
  "String",
  // utility types
  "Awaited",
  "Capitalize",
  "ConstructorParameters",
  "Exclude",
  "Extract",
  "InstanceType",
  "Lowercase",
  "NoInfer",
  "NonNullable",
  "Omit",
  "OmitThisParameter",
  "Parameters",
  "Partial",
  "Pick",
  "Readonly",
  "Record",
  "Required",
  "ReturnType",
  "ThisParameterType",
  "ThisType",
  "Uncapitalize",
  "Uppercase",
]);

function rewriteRefs(node: unknown, refs: ReadonlyMap<string, string>, seen = new Set<object>()): void {
  if (node === null || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) rewriteRefs(item, refs, seen);
    return;
  }
  const object = node as JsonObject;
  if (typeof object.$ref === "string") {
    const [base, rest] = splitRef(object.$ref);
    const target = refs.get(base);
    if (target !== undefined) object.$ref = `${target}${rest}`;
  }
  for (const value of Object.values(object)) rewriteRefs(value, refs, seen);
}

/** `#/components/schemas/A/properties/b` → [`#/components/schemas/A`, `/properties/b`]. */
function splitRef(ref: string): [string, string] {
  const match = /^(#\/components\/schemas\/[^/]*)(.*)$/.exec(ref);
  return match ? [match[1]!, match[2]!] : [ref, ""];
}
