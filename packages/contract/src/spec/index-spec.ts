// Indexing of a parsed OpenAPI document, free of Node APIs so the contract suite can use it
// in a browser page too (load-spec.ts adds reading the file).
import { resolveRef } from "@onelogin-mfa/generator/refs";
import type {
  HttpMethod,
  LoadedSpec,
  OasSchema,
  SpecOperation,
  SpecParameter,
  SpecRequestBody,
  SpecResponse,
} from "./openapi-types.js";

const METHODS: readonly HttpMethod[] = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"];

/**
 * Indexes a parsed OpenAPI 3.0 document by operation. Only operationId, method and path are
 * relied on, never component names, because the spec is regenerated with different ones.
 */
export function indexSpec(document: Record<string, unknown>): LoadedSpec {
  const operations = indexOperations(document);
  const componentSchemas = asRecord(asRecord(document.components).schemas) as Record<string, OasSchema>;
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  return { document, operations, componentSchemas, operation: (id) => byId.get(id) };
}

function indexOperations(document: Record<string, unknown>): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const globalSecurity = document.security;
  for (const [pathTemplate, rawPathItem] of Object.entries(asRecord(document.paths))) {
    const pathItem = resolveRefs(document, rawPathItem);
    const sharedParameters = asArray(pathItem.parameters).map((p) => toParameter(document, p));
    for (const method of METHODS) {
      const rawOperation = pathItem[method.toLowerCase()];
      if (!isRecord(rawOperation)) continue;
      const operationId = rawOperation.operationId;
      if (typeof operationId !== "string") {
        throw new Error(`${method} ${pathTemplate} has no operationId; the fake keys everything on it`);
      }
      const ownParameters = asArray(rawOperation.parameters).map((p) => toParameter(document, p));
      operations.push({
        operationId,
        method,
        pathTemplate,
        parameters: mergeParameters(sharedParameters, ownParameters),
        requestBody: toRequestBody(document, rawOperation.requestBody),
        responses: toResponses(document, rawOperation.responses),
        requiresAuth: demandsCredentials(rawOperation.security ?? globalSecurity),
      });
    }
  }
  return operations;
}

// Operation-level parameters override path-level ones with the same name and location.
function mergeParameters(shared: SpecParameter[], own: SpecParameter[]): SpecParameter[] {
  const key = (p: SpecParameter) => `${p.location}:${p.name}`;
  const merged = new Map(shared.map((p) => [key(p), p]));
  for (const parameter of own) merged.set(key(parameter), parameter);
  return [...merged.values()];
}

function toParameter(document: Record<string, unknown>, raw: unknown): SpecParameter {
  const parameter = resolveRefs(document, raw);
  const location = parameter.in;
  if (location !== "path" && location !== "query" && location !== "header" && location !== "cookie") {
    throw new Error(`parameter ${String(parameter.name)} has an invalid location ${String(location)}`);
  }
  return {
    name: String(parameter.name),
    location,
    required: location === "path" || parameter.required === true,
    schema: isRecord(parameter.schema) ? parameter.schema : undefined,
  };
}

function toRequestBody(document: Record<string, unknown>, raw: unknown): SpecRequestBody | undefined {
  if (raw === undefined) return undefined;
  const body = resolveRefs(document, raw);
  const [mediaType, media] = pickJsonMedia(body.content);
  if (mediaType === undefined) return undefined;
  return { required: body.required === true, mediaType, schema: isRecord(media?.schema) ? media.schema : undefined };
}

function toResponses(document: Record<string, unknown>, raw: unknown): Map<string, SpecResponse> {
  const responses = new Map<string, SpecResponse>();
  for (const [key, rawResponse] of Object.entries(asRecord(raw))) {
    const response = resolveRefs(document, rawResponse);
    const [mediaType, media] = pickJsonMedia(response.content);
    responses.set(key, { key, mediaType, schema: isRecord(media?.schema) ? media.schema : undefined });
  }
  return responses;
}

// The API speaks JSON only; any `application/json` or `+json` media type counts.
function pickJsonMedia(content: unknown): [string | undefined, Record<string, unknown> | undefined] {
  for (const [mediaType, media] of Object.entries(asRecord(content))) {
    if (/^application\/(.+\+)?json\b/i.test(mediaType)) return [mediaType, asRecord(media)];
  }
  return [undefined, undefined];
}

// `security: []` switches auth off; `[{}]` makes it optional; anything else demands credentials.
function demandsCredentials(security: unknown): boolean {
  const alternatives = asArray(security);
  if (alternatives.length === 0) return false;
  return alternatives.every((requirement) => Object.keys(asRecord(requirement)).length > 0);
}

/**
 * Follows `$ref` chains (`#/...` pointers into the same document) until a plain object is reached,
 * with the generator's resolver in strict mode: a dangling, external or looping ref throws.
 */
export function resolveRefs(document: Record<string, unknown>, value: unknown): Record<string, unknown> {
  return asRecord(resolveRef(document, value, { strict: true }));
}

/** Resolves a same-document JSON pointer such as `#/components/responses/NotFound`. */
export function resolvePointer(document: Record<string, unknown>, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only same-document $refs are supported, got ${ref}`);
  let target: unknown = document;
  for (const token of ref.slice(2).split("/")) {
    const key = decodeURIComponent(token).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isRecord(target) || !(key in target)) throw new Error(`$ref ${ref} does not resolve`);
    target = target[key];
  }
  return target;
}

/** Statuses an operation documents explicitly (three-digit keys), as numbers. */
export function documentedStatuses(operation: SpecOperation): number[] {
  return [...operation.responses.keys()].filter((key) => /^\d{3}$/.test(key)).map(Number);
}

/**
 * The spec's answer for one status: exact key, then the `4XX`-style range, then `default`.
 * `undefined` means the operation does not document that status at all.
 */
export function responseFor(operation: SpecOperation, status: number): SpecResponse | undefined {
  return (
    operation.responses.get(String(status)) ??
    operation.responses.get(`${String(status)[0]}XX`) ??
    operation.responses.get("default")
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
