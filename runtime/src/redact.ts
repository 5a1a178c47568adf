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
 * Returns `url` without its query, fragment and user-info (RFC 3986 §3.2.1 deprecates user-info
 * precisely because it leaks credentials): query values may be credentials or one-time codes,
 * and the origin and path are what identify a failed call.
 */
export function redactUrl(url: string): string {
  return url.replace(/[?#][\s\S]*$/, "").replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/]*@/i, "$1");
}
