import type { OpenApiDocument } from "../../generate/load-spec.js";
import { HTTP_METHODS, type JsonObject } from "../../generate/spec-walk.js";
import type { Role } from "./classify-api.js";

/**
 * Which way each exported type's values flow, from a prepared spec (see prepare-spec.ts): models
 * reached from request bodies and parameters are inputs, models reached from responses are
 * outputs, a model reached from both is both. An operation's `…Params` is an input and its
 * `…Error` an output. Anything else is unknown (undefined).
 */
export function exportRoles(
  prepared: OpenApiDocument,
  modelNames: Record<string, string>,
): (name: string) => Role | undefined {
  const schemas = (prepared.components?.schemas as JsonObject | undefined) ?? {};
  const input = new Set<string>();
  const output = new Set<string>();
  const fixed = new Map<string, Role>();
  const reach = (node: unknown, into: Set<string>, seen: Set<unknown>): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const ref = (node as JsonObject).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      const key = decodeURIComponent(ref.slice("#/components/schemas/".length))
        .replaceAll("~1", "/")
        .replaceAll("~0", "~");
      into.add(modelNames[key] ?? key);
      reach(schemas[key], into, seen);
    }
    for (const value of Object.values(node as JsonObject)) reach(value, into, seen);
  };
  for (const pathItem of Object.values(prepared.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method] as JsonObject | undefined;
      if (!operation) continue;
      reach(operation.requestBody, input, new Set());
      reach(operation.parameters, input, new Set());
      reach(operation.responses, output, new Set());
      const typeName = operation["x-sdk-type-name"];
      if (typeof typeName === "string") fixed.set(`${typeName}Params`, "input");
      const errorType = operation["x-sdk-error-type-name"];
      if (typeof errorType === "string") fixed.set(errorType, "output");
    }
  }
  return (name) => {
    const known = fixed.get(name);
    if (known) return known;
    if (input.has(name) && !output.has(name)) return "input";
    if (output.has(name) && !input.has(name)) return "output";
    return input.has(name) ? "both" : undefined;
  };
}
