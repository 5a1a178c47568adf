/**
 * What the docs pages say, read off the Markdown but not yet mapped to OpenAPI.
 * Keeping this layer separate lets the Markdown grammar and the OpenAPI mapping be
 * tested (and changed) independently.
 */

/** A link to a model page, resolved to a file. */
export interface ModelLink {
  /** Absolute path of the model page. */
  file: string;
  /** Component name: the page's file name without `.md`. */
  name: string;
  /** The page that contains the link (absolute path). */
  linkedFrom: string;
  /** Line of the link in that page. */
  line: number | undefined;
}

/** The facts packed into a "Notes" cell (see notes.ts). */
export interface Notes {
  /** `[optional]`: the key may be omitted. */
  optional: boolean;
  /** `[readonly]` */
  readOnly: boolean;
  /** `must be one of [...]` */
  enumValues?: unknown[];
  /** `if omitted the server will use the default value of X` */
  defaultValue?: { value: unknown };
  /** OpenAPI format named by a `value must …` sentence. */
  format?: string;
  /** Text the tool did not recognise (reported as a warning by the caller). */
  unrecognised: string[];
}

/** A schema that is a link to a model page. */
export interface ModelSchemaDoc {
  kind: "model";
  model: ModelLink;
  description: string;
  notes: Notes;
  line: number | undefined;
}

/** A schema the docs spell out: Python input types plus keys, items or composition. */
export interface TypedSchemaDoc {
  kind: "typed";
  /** Python input types as listed (`decimal.Decimal`, `int`, …). */
  inputTypes: string[];
  description: string;
  notes: Notes;
  /** Rows of "Dictionary Keys", when the table is there (named keys only). */
  properties?: PropertyDoc[];
  /** The `any_string_name` row; absent with a keys table means no extra keys are allowed. */
  additionalProperties?: SchemaDoc;
  /** The "Tuple Items" row. */
  items?: SchemaDoc;
  /** "Composed Schemas" tables. */
  composed?: ComposedDoc;
  line: number | undefined;
}

/** Any schema on a page. */
export type SchemaDoc = ModelSchemaDoc | TypedSchemaDoc;

/** One named key of an object schema. */
export interface PropertyDoc {
  name: string;
  required: boolean;
  schema: SchemaDoc;
  line: number | undefined;
}

/** allOf / anyOf / oneOf / not as listed under "Composed Schemas". */
export interface ComposedDoc {
  allOf?: SchemaDoc[];
  anyOf?: SchemaDoc[];
  oneOf?: SchemaDoc[];
  not?: SchemaDoc;
}

/** Where a parameter goes, from the `*_params` section it is listed in. */
export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** One request parameter. */
export interface ParameterDoc {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: SchemaDoc;
  line: number | undefined;
}

/** One media type of a request or response body. */
export interface ContentDoc {
  mediaType: string;
  /** Absent when the docs list the media type without a schema (`Unset` in a response's body union). */
  schema?: SchemaDoc;
  line: number | undefined;
}

/** The request body, from the `body` row and the `### body` section. */
export interface RequestBodyDoc {
  required: boolean;
  contents: ContentDoc[];
  line: number | undefined;
}

/** A response header. */
export interface HeaderDoc {
  name: string;
  required: boolean;
  schema: SchemaDoc;
  line: number | undefined;
}

/** One row of "Return Types, Responses" with its section. */
export interface ResponseDoc {
  /** `200`, `404`, … or `default`. */
  code: string;
  description: string;
  contents: ContentDoc[];
  headers: HeaderDoc[];
  line: number | undefined;
}

/** How a security scheme authenticates, from the Example section's bullet list. */
export type AuthKind =
  | { kind: "oauth2" }
  | { kind: "apiKey" }
  | { kind: "basic" }
  | { kind: "bearer"; bearerFormat?: string };

/** One operation section of an API page. */
export interface OperationDoc {
  operationId: string;
  /** Lower-case HTTP method. */
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ParameterDoc[];
  requestBody?: RequestBodyDoc;
  responses: ResponseDoc[];
  /** Scheme names from "Authorization" (alternatives); empty when no authorization is required; absent when the section is missing. */
  security?: string[];
  /** Scheme kinds named in the Example section. */
  authKinds: Map<string, AuthKind>;
  line: number | undefined;
}

/** An API page (`apis/tags/*.md`): one tag and its operations. */
export interface ApiPageDoc {
  file: string;
  tag: string;
  tagDescription: string;
  server: string;
  operations: OperationDoc[];
}

/** A model page (`models/*.md`). */
export interface ModelPageDoc {
  file: string;
  /** Class name from the title. */
  className: string;
  schema: SchemaDoc;
}

/** Every model link inside a schema, depth first. */
export function modelLinksIn(schema: SchemaDoc | undefined): ModelLink[] {
  if (!schema) return [];
  if (schema.kind === "model") return [schema.model];
  const nested: (SchemaDoc | undefined)[] = [
    ...(schema.properties ?? []).map((property) => property.schema),
    schema.additionalProperties,
    schema.items,
    ...(schema.composed?.allOf ?? []),
    ...(schema.composed?.anyOf ?? []),
    ...(schema.composed?.oneOf ?? []),
    schema.composed?.not,
  ];
  return nested.flatMap((child) => modelLinksIn(child));
}

/** Every model link on an API page. */
export function modelLinksInOperation(operation: OperationDoc): ModelLink[] {
  return [
    ...operation.parameters.flatMap((parameter) => modelLinksIn(parameter.schema)),
    ...(operation.requestBody?.contents ?? []).flatMap((content) => modelLinksIn(content.schema)),
    ...operation.responses.flatMap((response) => [
      ...response.contents.flatMap((content) => modelLinksIn(content.schema)),
      ...response.headers.flatMap((header) => modelLinksIn(header.schema)),
    ]),
  ];
}
