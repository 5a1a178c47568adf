import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The parts of the spec the slicer reads. */
interface Spec {
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** GitHub's REST API description, as pinned in the lockfile (`@octokit/openapi`). */
export function githubSpecPath(): string {
  return require.resolve("@octokit/openapi/generated/api.github.com.json");
}

/**
 * The first `operations` operations of GitHub's spec (in path order) with only the components they
 * reach, so generation time can be measured at several sizes of one real API.
 */
export function githubSlice(operations: number): { document: Record<string, unknown>; operations: number } {
  const full = JSON.parse(readFileSync(githubSpecPath(), "utf8")) as Spec;
  const paths: Record<string, unknown> = {};
  let count = 0;
  for (const [route, item] of Object.entries(full.paths)) {
    if (count >= operations) break;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) {
      const isOperation = ["get", "put", "post", "delete", "options", "head", "patch", "trace"].includes(key);
      if (isOperation && count >= operations) continue;
      if (isOperation) count++;
      kept[key] = value;
    }
    paths[route] = kept;
  }
  const document: Record<string, unknown> = { ...full, paths, components: reachableComponents(full, paths) };
  delete document.webhooks;
  // GitHub lists its webhooks under an extension too; they reach components the slice drops.
  delete document["x-webhooks"];
  return { document, operations: count };
}

/** Components reachable by `$ref` from the kept paths, transitively. */
function reachableComponents(full: Spec, paths: unknown): Record<string, Record<string, unknown>> {
  const kept: Record<string, Record<string, unknown>> = {};
  const queue: unknown[] = [paths];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/")) {
          const [, , section, name] = value.split("/") as [string, string, string, string];
          kept[section] ??= {};
          if (!(name in kept[section]!)) {
            const target = full.components?.[section]?.[name];
            kept[section]![name] = target;
            queue.push(target);
          }
        } else queue.push(value);
      }
    }
  }
  // Security schemes are referenced by name, not by $ref.
  if (full.components?.securitySchemes) kept.securitySchemes = full.components.securitySchemes;
  return kept;
}
