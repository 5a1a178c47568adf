import { RequestValidationError } from "./errors.js";
import type { OperationDescriptor, ParameterValues } from "./operation.js";
import { formExplodedEntries, invalid, scalarToString } from "./parameter-style.js";

/**
 * Builds the request URL: the operation's own `serverUrl` or else `baseUrl`, without trailing
 * slashes, the expanded path template, and the query string (omitted when empty): the pairs
 * serialized from `query`, then the `encodedQuery` fragments verbatim.
 *
 * @throws RequestValidationError when a path parameter is missing or cannot form a segment.
 */
export function buildRequestUrl(baseUrl: string, operation: OperationDescriptor): string {
  const { operationId, query, encodedQuery } = operation;
  const parts = query ? [serializeQuery(query, operationId)] : [];
  if (encodedQuery) parts.push(...encodedQuery);
  const search = parts.filter(Boolean).join("&");
  const path = expandPathTemplate(operation.path, operation.pathParams ?? {}, operationId, operation.encodedPathParams);
  return `${stripTrailingSlashes(operation.serverUrl ?? baseUrl)}${path}${search && `?${search}`}`;
}

/** Removes trailing `/` so that joining with a path that starts with `/` gives exactly one. */
export function stripTrailingSlashes(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

/**
 * Replaces each `{name}` in `template` with `encoded[name]` verbatim when it is there (a value
 * already serialized for a non-simple style), else the percent-encoded value of `pathParams[name]`.
 *
 * `encodeURIComponent` escapes everything except unreserved characters and a few sub-delims,
 * all of which RFC 3986 §3.3 allows inside a segment, so a value containing `/ ? # %`, spaces or
 * non-ASCII characters stays one segment and the server decodes it back to the original text.
 *
 * @throws RequestValidationError for a missing (`undefined`/`null`) value, a non-scalar value,
 *   an empty string, or a `.`/`..` value.
 */
export function expandPathTemplate(
  template: string,
  pathParams: ParameterValues,
  operationId: string,
  encoded?: Readonly<Record<string, string>>,
): string {
  return template.replace(/\{([^{}]+)\}/g, (_placeholder, name: string) => {
    if (encoded && name in encoded) return encoded[name] as string;
    const location = { operationId, in: "path", name };
    const text = scalarToString(pathParams[name], location);
    // An empty segment ("/users//otp_devices") addresses a different resource; RFC 3986 §5.2.4
    // removes dot segments, and the WHATWG URL parser does so even for their percent-encoded forms.
    const problem =
      text === undefined
        ? "is required"
        : text === ""
          ? "must not be empty"
          : /^\.\.?$/.test(text) && 'must not be "." or ".."';
    if (problem) throw invalid(location, problem);
    return encodeComponent(text as string, operationId, name);
  });
}

/**
 * Serializes query parameters in insertion order with form style, `explode: true` (see
 * {@link formExplodedEntries}), percent-encoding names and values with `encodeURIComponent`:
 * spaces become `%20`, and `&`, `=`, `+`, `#` and brackets are escaped as RFC 3986 §3.4 requires
 * for data inside the query. `encoded` fragments (already encoded, for other styles) follow as they
 * are. Returns `""` when nothing is to be sent.
 */
export function serializeQuery(query: ParameterValues, operationId: string): string {
  const pairs: string[] = [];
  for (const name in query)
    for (const [key, value] of formExplodedEntries(name, query[name], { operationId, in: "query", name }))
      pairs.push(`${encodeComponent(key, operationId, name)}=${encodeComponent(value, operationId, name)}`);
  return pairs.join("&");
}

function encodeComponent(text: string, operationId: string, parameter: string): string {
  try {
    return encodeURIComponent(text);
  } catch (cause) {
    // Only a lone UTF-16 surrogate makes encodeURIComponent throw: it has no UTF-8 encoding.
    throw new RequestValidationError(
      operationId,
      `parameter "${parameter}" contains text that cannot be encoded as UTF-8`,
      {
        parameter,
        cause,
      },
    );
  }
}
