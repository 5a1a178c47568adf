import { addHeader, TOKEN } from "./headers.js";
import type { ParameterValues } from "./operation.js";
import { invalid, scalarToString, simpleStyle } from "./parameter-style.js";

/**
 * Serializes an operation's header parameters with simple style (OpenAPI's default for headers),
 * under lower-case names, and its scalar cookie parameters into one `cookie` value:
 * `name=value` pairs joined by `"; "` (RFC 6265 §4.2.1), values percent-encoded with
 * `encodeURIComponent` because a cookie-value may not contain spaces, quotes, commas, semicolons
 * or backslashes (§4.1.1), after `styledCookies`, the array and object cookies `cookieHeader`
 * serialized (RFC 6265 §5.4: one combined Cookie header). Absent values are skipped. Generated code calls it only for
 * operations with header or cookie parameters.
 *
 * @throws RequestValidationError for a value the style cannot carry, or a cookie name that is
 *   not an RFC 6265 token.
 */
export function headerParams(
  operationId: string,
  headers: ParameterValues,
  cookies?: ParameterValues,
  styledCookies?: string,
): Record<string, string> {
  const serialized: Record<string, string> = {};
  for (const name in headers)
    addHeader(serialized, name, simpleStyle(headers[name], { operationId, in: "header", name }));
  const pairs: string[] = styledCookies ? [styledCookies] : [];
  for (const name in cookies) {
    const location = { operationId, in: "cookie", name };
    const text = scalarToString(cookies[name], location);
    if (text === undefined) continue;
    if (!TOKEN.test(name)) throw invalid(location, "has a name that is not an RFC 6265 token");
    pairs.push(`${name}=${encodeURIComponent(text)}`);
  }
  if (pairs.length > 0) addHeader(serialized, "cookie", pairs.join("; "));
  return serialized;
}
