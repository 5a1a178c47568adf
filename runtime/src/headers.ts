import { RequestValidationError } from "./errors.js";
import type { OperationDescriptor, ParameterValues } from "./operation.js";
import { scalarToString, simpleStyle } from "./parameter-style.js";

/**
 * Request header assembly. Names are compared case-insensitively (RFC 9110 §5.1) and emitted in
 * lower case. No `user-agent` is ever set: browsers forbid scripts to set it, and the SDK behaves
 * the same everywhere.
 */

/** `accept` sent unless a layer overrides it: every operation of this API answers in JSON. */
export const DEFAULT_HEADERS: Readonly<Record<string, string>> = { accept: "application/json" };

/** RFC 9110 §5.6.2 `token`: the characters allowed in a field name. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Anything but HTAB, SP, VCHAR and obs-text is invalid in a field value (RFC 9110 §5.5). CR and
 * LF in particular would let a value inject further header lines; characters above U+00FF cannot
 * be sent at all, since header values are bytes.
 */
const FORBIDDEN_IN_FIELD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** RFC 6265 §4.1.1: a cookie-name is a token. */
const COOKIE_NAME = FIELD_NAME;

/**
 * Merges header layers into one record with lower-case names; later layers win. `undefined`
 * layers and `undefined` values (possible from untyped callers) are skipped.
 */
export function mergeHeaders(
  ...layers: readonly (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const layer of layers) {
    if (layer === undefined) continue;
    for (const [name, value] of Object.entries(layer)) {
      if (value === undefined || value === null) continue;
      merged[name.toLowerCase()] = String(value);
    }
  }
  return merged;
}

/** Serializes an operation's header parameters with simple style (OpenAPI's default for headers); absent values are skipped. */
export function serializeHeaderParams(headers: ParameterValues, operationId: string): Record<string, string> {
  const serialized: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const text = simpleStyle(value, { operationId, in: "header", name });
    if (text !== undefined) serialized[name.toLowerCase()] = text;
  }
  return serialized;
}

/**
 * Serializes cookie parameters into a `cookie` header value, `name=value` pairs joined by `"; "`
 * (RFC 6265 §4.2.1). Values are percent-encoded with `encodeURIComponent` because a
 * cookie-value may not contain spaces, quotes, commas, semicolons or backslashes (§4.1.1).
 * Only scalar values are supported. Returns `undefined` when no cookie is set.
 */
export function serializeCookieHeader(cookies: ParameterValues, operationId: string): string | undefined {
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(cookies)) {
    const text = scalarToString(value, { operationId, in: "cookie", name });
    if (text === undefined) continue;
    if (!COOKIE_NAME.test(name)) {
      throw new RequestValidationError(operationId, `cookie name "${name}" is not a valid RFC 6265 token`, {
        parameter: name,
      });
    }
    pairs.push(`${name}=${encodeURIComponent(text)}`);
  }
  return pairs.length === 0 ? undefined : pairs.join("; ");
}

/** Header sources of one request, from lowest to highest precedence. */
export interface HeaderSources {
  /** `ClientOptions.headers`. */
  clientHeaders?: Readonly<Record<string, string>> | undefined;
  /** The operation, for its header and cookie parameters. */
  operation: OperationDescriptor;
  /** `RequestOptions.headers`. */
  requestHeaders?: Readonly<Record<string, string>> | undefined;
  /** Content type of the serialized body, or `undefined` when no body is sent. */
  contentType?: string | undefined;
}

/**
 * Builds the request headers (without `authorization`, which is the auth step's job).
 *
 * Precedence, lowest first: {@link DEFAULT_HEADERS}, client headers, operation header
 * parameters, per-request headers. Two fields are special:
 * - `cookie` is concatenated across layers rather than replaced, since a user agent sends one
 *   combined Cookie header (RFC 6265 §5.4): client cookies, then cookie parameters, then
 *   per-request cookies;
 * - `content-type` describes the bytes the runtime serialized, so it is set from `contentType`
 *   and removed entirely when no body is sent, whatever the layers say.
 *
 * @throws RequestValidationError when a header name or value is not valid on the wire.
 */
export function buildRequestHeaders(sources: HeaderSources): Record<string, string> {
  const { operation } = sources;
  const clientHeaders = mergeHeaders(sources.clientHeaders);
  const parameterHeaders = serializeHeaderParams(operation.headers, operation.operationId);
  const requestHeaders = mergeHeaders(sources.requestHeaders);
  const cookieParameters = serializeCookieHeader(operation.cookies, operation.operationId);

  const headers = mergeHeaders(DEFAULT_HEADERS, clientHeaders, parameterHeaders, requestHeaders);

  const cookies = [clientHeaders.cookie, parameterHeaders.cookie, cookieParameters, requestHeaders.cookie].filter(
    (cookie): cookie is string => cookie !== undefined && cookie !== "",
  );
  delete headers.cookie;
  if (cookies.length > 0) headers.cookie = cookies.join("; ");

  delete headers["content-type"];
  if (sources.contentType !== undefined) headers["content-type"] = sources.contentType;

  assertValidHeaders(headers, operation.operationId);
  return headers;
}

/**
 * Checks header names and values before anything is sent. Platform HTTP stacks reject bad
 * values too, but their error messages quote the value, which may be a credential; this
 * error names only the header.
 *
 * @throws RequestValidationError naming the first offending header.
 */
export function assertValidHeaders(headers: Readonly<Record<string, string>>, operationId: string): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!FIELD_NAME.test(name)) {
      throw new RequestValidationError(operationId, `header name "${name}" is not a valid RFC 9110 field name`, {
        parameter: name,
      });
    }
    if (FORBIDDEN_IN_FIELD_VALUE.test(value)) {
      throw new RequestValidationError(
        operationId,
        `header "${name}" has a value with characters not allowed in a field value (RFC 9110 §5.5)`,
        { parameter: name },
      );
    }
  }
}
