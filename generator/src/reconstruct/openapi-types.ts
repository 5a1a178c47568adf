/**
 * The slice of OpenAPI 3.0 this stage writes. Deliberately loose (index signatures) so
 * an overlay may add any keyword without fighting the types.
 */

/** A Schema Object (or a `$ref` to one). */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  nullable?: boolean;
  readOnly?: boolean;
  enum?: unknown[];
  default?: unknown;
  required?: string[];
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  not?: SchemaObject;
  [keyword: string]: unknown;
}

/** A Parameter Object. */
export interface ParameterObject {
  name: string;
  in: string;
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}

/** A Media Type Object (no schema when the docs name the media type only). */
export interface MediaTypeObject {
  schema?: SchemaObject;
}

/** A Request Body Object. */
export interface RequestBodyObject {
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

/** A Header Object. */
export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}

/** A Response Object. */
export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject>;
  content?: Record<string, MediaTypeObject>;
}

/** A Security Requirement Object. */
export type SecurityRequirement = Record<string, string[]>;

/** An Operation Object. */
export interface OperationObject {
  tags: string[];
  summary?: string;
  description?: string;
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses: Record<string, ResponseObject>;
  security?: SecurityRequirement[];
  servers?: { url: string }[];
}

/** A Security Scheme Object. */
export type SecuritySchemeObject = Record<string, unknown> & { type: string };

/** The whole document. */
export interface OpenApiDocument {
  openapi: "3.0.3";
  info: { title: string; version: string; [key: string]: unknown };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes?: Record<string, SecuritySchemeObject>;
  };
  [key: string]: unknown;
}

/** Where model schemas live in the document. */
export function componentRef(name: string): string {
  return `#/components/schemas/${name}`;
}
