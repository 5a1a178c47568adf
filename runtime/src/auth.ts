import type { RequestSummary } from "./errors.js";
import { AccessTokenError } from "./errors.js";
import type { SecurityRequirements } from "./operation.js";

/**
 * Supplies an OAuth 2.0 access token on demand. Called once per request, so an implementation
 * can cache a token and refresh it when it nears expiry; an OAuth2 client-credentials provider
 * fits here without any change to the core.
 */
export type TokenProvider = () => string | Promise<string>;

/** A fixed access token, or a {@link TokenProvider}. */
export type AccessToken = string | TokenProvider;

/** Whether an operation declares any security requirement (an empty list means it is public). */
export function requiresAuthorization(security: SecurityRequirements): boolean {
  return security.length > 0;
}

/**
 * Resolves the `authorization` header value for one request: `Bearer <token>` (RFC 6750 §2.1)
 * when the operation declares security and a token is configured, otherwise `undefined`.
 * An empty fixed token counts as "not configured".
 *
 * @throws AccessTokenError when a provider throws or yields something other than a non-empty string.
 */
export async function resolveAuthorization(
  accessToken: AccessToken | undefined,
  security: SecurityRequirements,
  request: RequestSummary,
): Promise<string | undefined> {
  if (!requiresAuthorization(security) || accessToken === undefined) return undefined;
  if (typeof accessToken === "string") return accessToken === "" ? undefined : `Bearer ${accessToken}`;

  let token: unknown;
  try {
    token = await accessToken();
  } catch (error) {
    throw new AccessTokenError(request, "the accessToken provider failed", error);
  }
  if (typeof token !== "string" || token === "") {
    throw new AccessTokenError(request, "the accessToken provider did not return a non-empty string");
  }
  return `Bearer ${token}`;
}

/**
 * Puts the resolved authorization into `headers` (lower-case names). A configured token replaces
 * any `authorization` the caller set; an operation without security requirements never sends
 * one, so credentials given as default headers do not leak to public endpoints.
 */
export function applyAuthorization(
  headers: Record<string, string>,
  security: SecurityRequirements,
  authorization: string | undefined,
): Record<string, string> {
  const result = { ...headers };
  if (!requiresAuthorization(security)) delete result.authorization;
  else if (authorization !== undefined) result.authorization = authorization;
  return result;
}
