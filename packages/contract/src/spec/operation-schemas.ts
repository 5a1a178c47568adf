import type { JsonSchema, LoadedSpec, OasSchema } from "./openapi-types.js";
import { componentNameOf, componentRefRewriter, toJsonSchema } from "./to-json-schema.js";

/** Self-contained draft-07 schemas of one operation: `null` means "no body". */
export interface OperationSchemaEntry {
  requestBody: JsonSchema | null;
  /** Keyed by response key as in the spec (`"200"`, `"400"`, …). */
  responses: Record<string, JsonSchema | null>;
}

/**
 * The shape `@onelogin-mfa/schema` exports as `operationSchemas`. Declared here so the
 * suite compiles before that package exists, and so this package can build a stand-in
 * from the spec to check the suite's own schema check.
 */
export type OperationSchemas = Record<string, OperationSchemaEntry>;

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/**
 * Builds, from the spec, the same per-operation schemas the schema package publishes:
 * each one standalone, with the component schemas it needs (transitively) copied into
 * `definitions`.
 */
export function buildOperationSchemas(spec: LoadedSpec): OperationSchemas {
  const result: OperationSchemas = {};
  for (const operation of spec.operations) {
    const responses: Record<string, JsonSchema | null> = {};
    for (const [key, response] of operation.responses) {
      responses[key] = response.mediaType === undefined ? null : standalone(spec, response.schema ?? {});
    }
    const body = operation.requestBody;
    result[operation.operationId] = {
      requestBody: body === undefined ? null : standalone(spec, body.schema ?? {}),
      responses,
    };
  }
  return result;
}

function standalone(spec: LoadedSpec, schema: OasSchema): JsonSchema {
  const rewrite = componentRefRewriter("");
  const root = toJsonSchema(schema, rewrite);
  const definitions: Record<string, JsonSchema> = {};
  const pending = collectComponentNames(schema);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in definitions) continue;
    const component = spec.componentSchemas[name];
    if (component === undefined) throw new Error(`schema references missing component ${name}`);
    definitions[name] = toJsonSchema(component, rewrite);
    pending.push(...collectComponentNames(component));
  }
  const base = typeof root === "boolean" ? (root ? {} : { not: {} }) : root;
  return { $schema: DRAFT_07, ...base, definitions };
}

function collectComponentNames(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectComponentNames(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const name = key === "$ref" && typeof item === "string" ? componentNameOf(item) : undefined;
      if (name !== undefined) found.push(name);
      else collectComponentNames(item, found);
    }
  }
  return found;
}
