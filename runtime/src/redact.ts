/**
 * Removes credentials from what errors carry around, because errors end up in logs.
 */

/** Placeholder written instead of a secret value. */
export const REDACTED = "[REDACTED]";

/**
 * Header fields whose values are credentials: RFC 9110 §11.6.2 (Authorization), §11.7.2
 * (Proxy-Authorization), and RFC 6265 §4 (Cookie / Set-Cookie carry session identifiers).
 * WWW-Authenticate only announces a challenge, so it stays readable for debugging.
 */
const SECRET_HEADER_NAME = /^(proxy-)?authorization$|^(set-)?cookie$/i;

/** Query parameter names that look like they carry a credential or one-time code. */
const SECRET_QUERY_NAME = /token|secret|passw|otp|key|code|signature|credential|auth/i;

/** Whether a header's value must never be shown (name compared case-insensitively). */
export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER_NAME.test(name);
}

/** Returns a copy of `headers` with lower-case names and secret values replaced by {@link REDACTED}. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    redacted[key] = isSecretHeaderName(key) ? REDACTED : value;
  }
  return redacted;
}

/**
 * Returns `url` with user-info (RFC 3986 §3.2.1, deprecated there precisely because it leaks
 * credentials), the fragment's content, and the values of secret-looking query parameters
 * replaced by {@link REDACTED}. Works on strings so it also copes with base-relative URLs.
 */
export function redactUrl(url: string): string {
  const [beforeFragment = "", ...fragment] = url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`)
    .split("#");
  const [base, ...query] = beforeFragment.split("?");
  const pairs = query
    .join("?")
    .split("&")
    .map((pair) => {
      const [name = "", ...value] = pair.split("=");
      return value.length > 0 && SECRET_QUERY_NAME.test(decodeLeniently(name)) ? `${name}=${REDACTED}` : pair;
    });
  // A fragment never reaches the server but may hold tokens (OAuth implicit flow); drop its content.
  return `${base}${query.length > 0 ? `?${pairs.join("&")}` : ""}${fragment.length > 0 ? `#${REDACTED}` : ""}`;
}

function decodeLeniently(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, " "));
  } catch {
    return component;
  }
}
