import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { defaultSpecPath } from "../package-paths.js";
import { indexSpec } from "./index-spec.js";
import type { LoadedSpec } from "./openapi-types.js";

export { documentedStatuses, indexSpec, resolvePointer, resolveRefs, responseFor } from "./index-spec.js";

/** Where to take the spec from: a file path (YAML or JSON) or an already parsed document. */
export type SpecSource = { path?: string; document?: Record<string, unknown> };

/**
 * Reads and indexes an OpenAPI 3.0 document. Defaults to the repository's
 * `spec/openapi.yaml`. Only operationId, method and path are relied on, never
 * component names, because the spec is regenerated with different ones.
 */
export function loadSpec(source: SpecSource = {}): LoadedSpec {
  const document = source.document ?? readSpecFile(source.path ?? defaultSpecPath());
  return indexSpec(document);
}

function readSpecFile(path: string): Record<string, unknown> {
  const parsed: unknown = parseYaml(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`${path} is not an OpenAPI document (top level is not an object)`);
  return parsed as Record<string, unknown>;
}
