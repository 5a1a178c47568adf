import { RequestValidationError } from "./errors.js";

/**
 * Request header assembly. Names are compared case-insensitively (RFC 9110 §5.1) and emitted in
 * lower case.
 */

/** RFC 9110 §5.6.2 `token`: the characters allowed in a field name; RFC 6265 §4.1.1 cookie names too. */
export const TOKEN: RegExp = /^[!#$%&'*+.^_`|~\w-]+$/;

/**
 * Anything but HTAB, SP, VCHAR and obs-text is invalid in a field value (RFC 9110 §5.5). CR and
 * LF in particular would let a value inject further header lines; characters above U+00FF cannot
 * be sent at all, since header values are bytes.
 */
const FORBIDDEN_IN_FIELD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/**
 * Merges header layers into one record with lower-case names; later layers win. `undefined`
 * layers and `undefined` values (possible from untyped callers) are skipped.
 */
export function mergeHeaders(
  ...layers: readonly (Readonly<Record<string, string>> | undefined)[]
): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const layer of layers) for (const name in layer) addHeader(merged, name, layer[name]);
  return merged;
}

/** Sets `name` (lower-cased) to `value` unless the value is absent; `cookie` values are appended. */
export function addHeader(headers: Record<string, string>, name: string, value: unknown): void {
  if (value == null) return;
  const key = name.toLowerCase();
  const cookie = key === "cookie" && headers.cookie;
  headers[key] = cookie ? `${cookie}; ${value}` : String(value);
}

/** Header sources of one request, from lowest to highest precedence. */
export interface HeaderSources {
  /** The `user-agent` to send unless a layer sets one; none in browsers. */
  userAgent?: string | undefined;
  /** `ClientOptions.headers`. */
  clientHeaders?: Readonly<Record<string, string>> | undefined;
  /** The operation's serialized header and cookie parameters. */
  operationHeaders?: Readonly<Record<string, string | undefined>> | undefined;
  /** `RequestOptions.headers`. */
  requestHeaders?: Readonly<Record<string, string>> | undefined;
  /** Content type of the serialized body, or `undefined` when no body is sent. */
  contentType?: string | undefined;
  /** The operation's `accept` value, when its responses are not all `application/json`. */
  accept?: string | undefined;
}

/**
 * Builds the request headers (without credentials, which are the auth step's job).
 *
 * Precedence, lowest first: `accept` (the operation's response media types, `application/json`
 * unless it declares others) and the user agent, client headers, operation header parameters,
 * per-request headers.
 * Two fields are special:
 * - `cookie` is concatenated across layers rather than replaced, since a user agent sends one
 *   combined Cookie header (RFC 6265 §5.4): client cookies, then cookie parameters, then
 *   per-request cookies;
 * - `content-type` describes the bytes the runtime serialized, so it is set from `contentType`
 *   and removed entirely when no body is sent, whatever the layers say.
 *
 * @throws RequestValidationError when a header name or value is not valid on the wire.
 */
export function buildRequestHeaders(sources: HeaderSources, operationId: string): Record<string, string> {
  const headers: Record<string, string> = { accept: sources.accept ?? "application/json" };
  addHeader(headers, "user-agent", sources.userAgent);
  const layers = [sources.clientHeaders, sources.operationHeaders, sources.requestHeaders];
  for (const layer of layers) for (const name in layer) addHeader(headers, name, layer[name as never]);
  delete headers["content-type"];
  addHeader(headers, "content-type", sources.contentType);
  assertValidHeaders(headers, operationId);
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
  for (const name in headers) {
    const problem = !TOKEN.test(name)
      ? "is not a valid RFC 9110 field name"
      : FORBIDDEN_IN_FIELD_VALUE.test(headers[name] as string) &&
        "has characters not allowed in a field value (RFC 9110 §5.5)";
    if (problem) throw new RequestValidationError(operationId, `header "${name}" ${problem}`, { parameter: name });
  }
}
