import { type Diagnostic, escapePointerToken, toPointer } from "../../diagnostics.js";
import { localRefTokens, resolvePointer } from "../../refs.js";
import type { OpenApiDocument } from "../load-spec.js";
import { isPlainIdentifier } from "./identifiers.js";
import { NAME_OVERRIDE } from "./operation-names.js";

/**
 * Names given from outside the spec: the `names` map of a `--config` file, from a JSON pointer
 * (`#/paths/~1markdown~1raw/post`, `#/components/schemas/Pet`, or an inline schema such as
 * `#/components/schemas/Pet/properties/owner`) to the identifier that place gets. It works as
 * an `x-ts-name` written at that place, for specs one cannot edit (a published one, say).
 */
export type NameOverrides = Readonly<Record<string, string>>;

/** What is wrong with a config's `names` value, by the config's own JSON pointer. */
export function nameOverrideProblems(value: unknown): { pointer: string; message: string }[] {
  if (!value || typeof value !== "object" || Array.isArray(value))
    return [{ pointer: "/names", message: "names must map JSON pointers (#/…) to identifiers" }];
  const problems: { pointer: string; message: string }[] = [];
  for (const [place, name] of Object.entries(value)) {
    const pointer = `/names/${escapePointerToken(place)}`;
    if (!place.startsWith("#/"))
      problems.push({ pointer, message: `${JSON.stringify(place)} is not a JSON pointer into the spec (#/…)` });
    if (typeof name !== "string" || !isPlainIdentifier(name))
      problems.push({
        pointer,
        message: `must be a plain identifier that is not a reserved word, got ${JSON.stringify(name)}`,
      });
  }
  return problems;
}

/**
 * Writes each override into `spec` (a copy) as an `x-ts-name` at its place. A pointer that
 * leads nowhere, or to something that is not an object, is an error naming the config file.
 */
export function applyNameOverrides(spec: OpenApiDocument, overrides: NameOverrides, configFile: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const place of Object.keys(overrides).sort()) {
    const tokens = localRefTokens(place) ?? [];
    const parent = resolvePointer(spec, toRef(tokens.slice(0, -1))) as Record<string, unknown> | undefined;
    const target = resolvePointer(spec, place);
    if (tokens.length === 0 || !parent || !target || typeof target !== "object" || Array.isArray(target)) {
      problems.push({
        severity: "error",
        file: configFile,
        pointer: `/names/${escapePointerToken(place)}`,
        message: `${place} is not an operation or a schema in the spec`,
      });
      continue;
    }
    // A copy: the same object may stand at several places (a YAML alias), and only this one is named.
    parent[tokens.at(-1)!] = { ...(target as Record<string, unknown>), [NAME_OVERRIDE]: overrides[place] };
  }
  return problems;
}

function toRef(tokens: readonly string[]): string {
  return `#${toPointer(tokens)}`;
}
