import { resolveRef } from "../refs.js";
import type { OpenApiDocument } from "./load-spec.js";

/** The operation keys of an OpenAPI Path Item, in the order OpenAPI lists them. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type JsonObject = Record<string, unknown>;

/** Keywords whose values are data (example and default values, enum and const), not schemas. */
const DATA_KEYWORDS = new Set(["example", "examples", "default", "enum", "const"]);

/**
 * Whether the value under `key` is data that a schema walker must not read as schemas: a data
 * keyword's value, unless `key` names a property (it sits in a `properties` map, `parent`).
 */
export function holdsData(key: string, parent: string | undefined): boolean {
  return DATA_KEYWORDS.has(key) && parent !== "properties";
}

/** One operation with where it sits in the document. */
export interface OperationEntry {
  route: string;
  method: (typeof HTTP_METHODS)[number];
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Every operation, in path order and then method order, so output built from it is stable. */
export function listOperations(spec: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [route, pathItem] of Object.entries(spec.paths ?? {})) {
    // Counted before validation too (progress), so a malformed path item is skipped, not read.
    if (!pathItem || typeof pathItem !== "object") continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation && typeof operation === "object")
        entries.push({ route, method, pathItem, operation: operation as JsonObject });
    }
  }
  return entries;
}

/**
 * Follows local `$ref`s (`#/...`) to their target, leniently: the document was checked with
 * findRefProblems before anything walks it. Kept as a name here for the generator's walkers.
 */
export function resolveLocalRef(spec: OpenApiDocument, value: unknown): unknown {
  return resolveRef(spec, value);
}
