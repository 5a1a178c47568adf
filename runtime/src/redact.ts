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
const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
]);

/** Query parameter names that look like they carry a credential or one-time code. */
const SECRET_QUERY_NAME = /token|secret|passw|otp|key|code|signature|credential|auth/i;

/** Whether a header's value must never be shown (name compared case-insensitively). */
export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER_NAMES.has(name.toLowerCase());
}

/** Whether a query parameter's value must never be shown (matches on the decoded name). */
export function isSecretQueryName(name: string): boolean {
  return SECRET_QUERY_NAME.test(name);
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
 * credentials) and the values of secret-looking query parameters replaced by {@link REDACTED}.
 * Works on strings so it also copes with base-relative URLs, which `new URL()` rejects.
 */
export function redactUrl(url: string): string {
  const withoutUserInfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`);
  const fragmentStart = withoutUserInfo.indexOf("#");
  const beforeFragment = fragmentStart === -1 ? withoutUserInfo : withoutUserInfo.slice(0, fragmentStart);
  // A fragment never reaches the server but may hold tokens (OAuth implicit flow); drop its content.
  const fragment = fragmentStart === -1 ? "" : `#${REDACTED}`;
  const queryStart = beforeFragment.indexOf("?");
  if (queryStart === -1) return beforeFragment + fragment;

  const query = beforeFragment
    .slice(queryStart + 1)
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      if (equals === -1 || !isSecretQueryName(decodeLeniently(rawName))) return pair;
      return `${rawName}=${REDACTED}`;
    })
    .join("&");
  return `${beforeFragment.slice(0, queryStart)}?${query}${fragment}`;
}

function decodeLeniently(component: string): string {
  try {
    return decodeURIComponent(component.replace(/\+/g, " "));
  } catch {
    return component;
  }
}
