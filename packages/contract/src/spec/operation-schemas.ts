import { toStandaloneJsonSchema } from "@onelogin-mfa/generator/json-schema";
import type { JsonSchema, LoadedSpec, OasSchema } from "./openapi-types.js";

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
  return toStandaloneJsonSchema(schema, spec.componentSchemas, "3.0.3");
}
