/**
 * The slice of the OpenAPI 3.0 document model the fake reads. Everything is
 * optional and loosely typed on purpose: the spec is replaced while this package
 * is in use, so readers check what they find instead of trusting a shape.
 */

/** An OpenAPI 3.0 Schema Object (or a `$ref` to one), kept as plain JSON. */
export type OasSchema = { [keyword: string]: unknown };

/** A draft-07 JSON Schema, as produced by the converter. */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** HTTP methods an OpenAPI Path Item can hold, in upper case. */
export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** A parameter after `$ref` resolution and path/operation-level merging. */
export interface SpecParameter {
  name: string;
  location: "path" | "query" | "header" | "cookie";
  required: boolean;
  /** The parameter's schema, `$ref`s to component schemas left in place. */
  schema: OasSchema | undefined;
}

/** One documented response of an operation. */
export interface SpecResponse {
  /** Response key as written in the spec: `"200"`, `"4XX"` or `"default"`. */
  key: string;
  /** JSON media type of the body, or `undefined` when the response has no body. */
  mediaType: string | undefined;
  /** Body schema; `undefined` when there is no body or the body is untyped. */
  schema: OasSchema | undefined;
}

/** A request body after `$ref` resolution. */
export interface SpecRequestBody {
  required: boolean;
  mediaType: string;
  schema: OasSchema | undefined;
}

/** One operation, keyed by what stays stable across spec rewrites: operationId, method, path. */
export interface SpecOperation {
  operationId: string;
  method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. `/api/1/users/{user_id}/otp_devices`. */
  pathTemplate: string;
  parameters: SpecParameter[];
  requestBody: SpecRequestBody | undefined;
  /** Responses by key, in spec order. */
  responses: Map<string, SpecResponse>;
  /** Whether the effective security requirement demands credentials. */
  requiresAuth: boolean;
}

/** A parsed spec plus an operation index. */
export interface LoadedSpec {
  /** The raw parsed YAML/JSON document. */
  document: Record<string, unknown>;
  /** Every operation in document order. */
  operations: SpecOperation[];
  /** `components.schemas`, unconverted. */
  componentSchemas: Record<string, OasSchema>;
  /** Looks an operation up by operationId. */
  operation(operationId: string): SpecOperation | undefined;
}
