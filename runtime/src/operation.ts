import type { HttpMethod } from "./transport.js";

/**
 * Parameter values keyed by their wire name (the name in the OpenAPI document, e.g. `user_id`).
 * A value of `undefined` means "not supplied" and the parameter is omitted.
 */
export type ParameterValues = Readonly<Record<string, unknown>>;

/**
 * Expected responses of an operation: status key (`"200"`, a range such as `"4XX"`, or
 * `"default"`) to the declared media type, or `null` when the response has no body.
 */
export type ResponseMediaTypes = Readonly<Record<string, string | null>>;

/**
 * Security requirement alternatives (OpenAPI `security`): the request must satisfy one of the
 * inner sets, and each inner set lists scheme names that apply together. An empty outer array
 * means the operation needs no authentication; an empty inner set means authentication is optional.
 */
export type SecurityRequirements = readonly (readonly string[])[];

/**
 * Everything the core needs to know to perform one call of an operation. Generated code builds
 * one of these per call; it is plain data so that the generated code stays trivial, and the
 * generator leaves out every member that has its default, which keeps each operation small.
 */
export interface OperationDescriptor {
  /** The OpenAPI operationId, quoted in errors so a failure can be traced to the spec. */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template from the spec, with `{name}` placeholders, e.g. `/api/1/users/{user_id}/otp_devices`. */
  readonly path: string;
  /** Values for the path template placeholders; every placeholder is required. */
  readonly pathParams?: ParameterValues;
  /**
   * Path values already serialized and percent-encoded for a non-default style (label, matrix,
   * arrays, objects; see parameter-styles.ts), inserted verbatim; a name here is not looked up in `pathParams`.
   */
  readonly encodedPathParams?: Readonly<Record<string, string>>;
  /** Query parameters, serialized in insertion order. */
  readonly query?: ParameterValues;
  /** Query fragments already percent-encoded (`"ids=1|2"`), appended verbatim after the pairs of `query`. */
  readonly encodedQuery?: readonly string[];
  /** Absolute base URL of an operation- or path-level `servers` entry, used instead of the client's base URL. */
  readonly serverUrl?: string;
  /** Header parameters declared by the operation. */
  readonly headers?: ParameterValues;
  /** Cookie parameters declared by the operation. */
  readonly cookies?: ParameterValues;
  /** Request body before serialization; `undefined` or `null` means no body. */
  readonly body?: unknown;
  /** Media type to serialize `body` as; defaults to `application/json`. */
  readonly mediaType?: string | undefined;
  /** Whether the spec marks the request body as required; defaults to `false`. */
  readonly bodyRequired?: boolean;
  /** Security requirement alternatives of the operation. */
  readonly security: SecurityRequirements;
  /** Declared responses, used to decide how to read each response body; by default every response is JSON. */
  readonly responses?: ResponseMediaTypes;
}
