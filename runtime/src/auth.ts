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

/** A request's credential-carrying parts, which scheme appliers modify in place. */
export interface CredentialTarget {
  headers: Record<string, string>;
  url: string;
}

/**
 * A security scheme other than bearer: whether a client holds its credentials, and how to put
 * them on a request. The generated `createClient` passes only the appliers its spec needs
 * (auth-schemes.ts), so clients of a bearer-only API carry none of this code.
 */
export interface SchemeApplier {
  /** Whether `credentials` hold what scheme `name` needs. */
  held(credentials: Credentials, name: string): boolean;
  /** Adds scheme `name`'s credentials to `target`. */
  apply(target: CredentialTarget, credentials: Credentials, name: string): void;
}

/** How a security scheme is applied: `"bearer"` (HTTP bearer, OAuth 2, OpenID Connect: an access token), or an applier. */
export type SchemeKind = "bearer" | SchemeApplier;

/** The credentials a client can hold, one kind per scheme type. */
export interface Credentials {
  /** For bearer, OAuth 2 and OpenID Connect schemes. */
  accessToken?: AccessToken | undefined;
  /** For HTTP basic schemes (RFC 7617). */
  basicAuth?: { username: string; password: string } | undefined;
  /** For API key schemes, by scheme name as the spec declares it. */
  apiKeys?: Readonly<Record<string, string>> | undefined;
}

/**
 * The schemes to apply for an operation: the first alternative of `security` whose every scheme
 * has credentials (a combination applies together), or none. A scheme missing from `schemes`
 * counts as bearer, which is what a spec with only OAuth 2 needs.
 */
export function chooseSchemes(
  security: SecurityRequirements,
  schemes: Readonly<Record<string, SchemeKind>> | undefined,
  credentials: Credentials,
): [string, SchemeKind][] {
  const held = ([name, kind]: [string, SchemeKind]): boolean =>
    kind === "bearer" ? !!credentials.accessToken : kind.held(credentials, name);
  return (
    security
      .map((alternative) => alternative.map((name): [string, SchemeKind] => [name, schemes?.[name] ?? "bearer"]))
      .find((alternative) => alternative.length > 0 && alternative.every(held)) ?? []
  );
}

/**
 * Applies the chosen schemes other than bearer (whose header comes from {@link resolveAuthorization})
 * to copies of the request's headers and URL.
 */
export function applyCredentials(
  request: CredentialTarget,
  chosen: readonly [string, SchemeKind][],
  credentials: Credentials,
): CredentialTarget {
  const target = { headers: { ...request.headers }, url: request.url };
  for (const [name, kind] of chosen) if (kind !== "bearer") kind.apply(target, credentials, name);
  return target;
}
