import type { RequestSummary } from "./errors.js";
import { AccessTokenError } from "./errors.js";
import type { SecurityRequirements } from "./operation.js";

/**
 * Supplies an OAuth 2.0 access token on demand. Called once per attempt, so an implementation
 * can cache a token and refresh it when it nears expiry. `signal` aborts when the call's deadline
 * passes or its caller cancels; the call does not wait for the provider after that.
 *
 * A provider with `invalidate()` says its tokens can go stale: on a 401 the core calls it once
 * and repeats that call once (any method; the repeat does not count against `maxRetries`).
 */
export type TokenProvider = ((context: { signal: AbortSignal }) => string | Promise<string>) & {
  /** Forget the cached token, so that the next call fetches a fresh one. */
  invalidate?: () => void;
};

/** A fixed access token, or a {@link TokenProvider}. */
export type AccessToken = string | TokenProvider;

/**
 * Resolves the `authorization` header value for one attempt: `Bearer <token>` (RFC 6750 §2.1)
 * when the operation declares security and a token is configured, otherwise `undefined`.
 * An empty fixed token counts as "not configured".
 *
 * @param signal handed to a provider, so it can stop work nobody waits for any more.
 * @throws AccessTokenError when a provider throws or yields something other than a non-empty string.
 */
export async function resolveAuthorization(
  accessToken: AccessToken | undefined,
  security: SecurityRequirements,
  request: RequestSummary,
  signal: AbortSignal = new AbortController().signal,
): Promise<string | undefined> {
  if (security.length === 0 || !accessToken) return undefined;
  let token: unknown = accessToken;
  if (typeof accessToken === "function") {
    try {
      token = await accessToken({ signal });
    } catch (error) {
      throw new AccessTokenError(request, "the accessToken provider failed", error);
    }
    if (typeof token !== "string" || token === "")
      throw new AccessTokenError(request, "the accessToken provider did not return a non-empty string");
  }
  return `Bearer ${token}`;
}

/**
 * Puts the resolved authorization into a copy of `headers` (lower-case names): a configured token
 * replaces any `authorization` the caller set; without one the caller's header stays.
 */
export function applyAuthorization(
  headers: Record<string, string>,
  authorization: string | undefined,
): Record<string, string> {
  return authorization === undefined ? { ...headers } : { ...headers, authorization };
}
