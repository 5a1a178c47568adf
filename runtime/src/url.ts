import { RequestValidationError } from "./errors.js";
import type { OperationDescriptor, ParameterValues } from "./operation.js";
import { invalid, scalarToString } from "./parameter-style.js";

/**
 * Builds the request URL: the operation's own `serverUrl` or else `baseUrl`, without trailing
 * slashes, the expanded path template, and the query string (omitted when empty): the
 * operation's encoded `query` pairs joined with `&`.
 *
 * @throws RequestValidationError when a path parameter is missing or cannot form a segment.
 */
export function buildRequestUrl(baseUrl: string, operation: OperationDescriptor): string {
  const search = operation.query?.filter(Boolean).join("&");
  const path = expandPathTemplate(
    operation.path,
    operation.pathParams ?? {},
    operation.operationId,
    operation.encodedPathParams,
  );
  return `${stripTrailingSlashes(operation.serverUrl ?? baseUrl)}${path}${search ? `?${search}` : ""}`;
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

/** `encodeURIComponent`, with a lone UTF-16 surrogate (no UTF-8 encoding) reported against its parameter. */
export function encodeComponent(text: string, operationId: string, parameter: string): string {
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
