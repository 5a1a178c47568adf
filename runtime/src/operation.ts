import type { HttpMethod, RequestBody } from "./transport.js";

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

/** A serialized request body and the `content-type` to send with it. */
export interface SerializedBody {
  /** The body: text, bytes, or a multipart form. */
  readonly body: RequestBody;
  /** Value for the `content-type` header; none for a multipart form, whose boundary the HTTP library writes. */
  readonly contentType?: string | undefined;
}

/**
 * Everything the core needs to know to perform one call of an operation. Generated code builds
 * one of these per call. Whatever only some operations have (query, header and cookie
 * parameters, a body, non-default styles) arrives already serialized, by runtime functions the
 * generated code calls and imports only where used: an operation that has none of them pulls
 * none of that code into a bundle. The generator leaves out every member an operation does not
 * need, which keeps each operation small.
 */
export interface OperationDescriptor {
  /** The OpenAPI operationId, quoted in errors so a failure can be traced to the spec. */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template from the spec, with `{name}` placeholders, e.g. `/api/1/users/{user_id}/otp_devices`. */
  readonly path: string;
  /** Values for the path template placeholders (simple style, scalars); every placeholder is required. */
  readonly pathParams?: ParameterValues;
  /**
   * Path-template values already serialized and encoded for non-simple styles (`label`, `matrix`,
   * arrays, objects): each is inserted verbatim for its `{name}`, which is then not looked up in `pathParams`.
   */
  readonly encodedPathParams?: Readonly<Record<string, string>>;
  /**
   * Query pairs already percent-encoded (`"limit=10"`, `"ids=1|2"`, `"filter%5Bx%5D=1"`), joined
   * with `&` in order: what `formQuery` and `queryStyle` return.
   */
  readonly query?: readonly string[];
  /**
   * An absolute base URL from an operation- or path-level `servers` entry (variables already
   * substituted), used for this operation instead of the client's base URL.
   */
  readonly serverUrl?: string;
  /**
   * Header and cookie parameters already serialized (`headerParams`, `explodedHeader`,
   * `cookieHeader`), any case; `undefined` values are not sent.
   */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  /** The serialized request body (`serializeBody`, `serializeFormBody`), or `undefined` when none is sent. */
  readonly body?: SerializedBody | undefined;
  /** Security requirement alternatives of the operation. */
  readonly security: SecurityRequirements;
  /** Declared responses, used to decide how to read each response body; by default every response is JSON. */
  readonly responses?: ResponseMediaTypes;
  /** The `accept` header: the declared responses' media types, when they are not all `application/json` (the default). */
  readonly accept?: string;
  /** A success body is binary (`format: binary`): it is read as a `Blob`, not as text. */
  readonly binaryResponse?: boolean;
}
