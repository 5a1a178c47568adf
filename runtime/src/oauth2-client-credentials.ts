// OAuth 2.0 client credentials for OneLogin (RFC 6749 §4.4), as a token provider for the
// clients' `accessToken` option. Deliberately self-contained, with no imports, so a bundle
// that never imports it pays nothing for it.

/** Where OneLogin serves its token endpoint (Generate Tokens v2), relative to the account's base URL. */
const TOKEN_PATH = "/auth/oauth2/v2/token";

/** Default time before `expires_in` at which a cached token is refreshed. */
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** Options of {@link clientCredentials}. Give exactly one of `tokenUrl`, `baseUrl` and `subdomain`. */
export interface ClientCredentialsOptions {
  /**
   * The token endpoint itself, e.g. the `tokenUrl` of another API's `clientCredentials` flow:
   * absolute http(s), no credentials or fragment. `baseUrl` and `subdomain` name OneLogin's.
   */
  tokenUrl?: string;
  /** Account base URL, e.g. `https://acme.onelogin.com`: absolute http(s), no credentials, query or fragment. */
  baseUrl?: string;
  /** Account subdomain: `acme` means `https://acme.onelogin.com`. */
  subdomain?: string;
  /** API credential's client id. */
  clientId: string;
  /** API credential's client secret; it never appears in an error. */
  clientSecret: string;
  /** Replaces the global `fetch` (a polyfill, an instrumented wrapper, a test double). */
  fetch?: typeof fetch;
  /** Clock in epoch ms; `Date.now` by default. */
  now?: () => number;
  /** Refresh this long before the token expires; default 60 s, at most half the token's lifetime. */
  refreshMarginMs?: number;
}

/**
 * A token provider for the clients' `accessToken` option: resolves to a current access
 * token, exchanging the credentials only when the cached one is missing or about to expire.
 */
export interface ClientCredentialsProvider {
  (context: { signal: AbortSignal }): Promise<string>;
  /** Forgets the cached token, so the next call exchanges the credentials again (after a 401, say). */
  invalidate(): void;
}

/** Failure to obtain a token: the exchange failed, was refused, or answered something unusable. */
export class OAuth2TokenError extends Error {
  /** HTTP status of the token endpoint's answer; `undefined` when there was none. */
  readonly status: number | undefined;
  /** RFC 6749 §5.2 `error` code from the answer, such as `invalid_client`. */
  readonly code: string | undefined;

  constructor(message: string, details: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
  }

  /** Fixed name, immune to minification. */
  override get name(): string {
    return "OAuth2TokenError";
  }
}

interface CachedToken {
  value: string;
  /** Epoch ms from which the token is refreshed instead of used. */
  refreshAt: number;
}

/** One exchange in flight, shared by every caller that arrives while it runs. */
interface PendingExchange {
  promise: Promise<CachedToken>;
  controller: AbortController;
  waiters: number;
}

/**
 * Creates a token provider that exchanges a OneLogin API credential at
 * `POST /auth/oauth2/v2/token` (HTTP Basic `client_id:client_secret`, JSON body
 * `{"grant_type":"client_credentials"}`, as OneLogin documents it). It caches the token and
 * refreshes it `refreshMarginMs` before `expires_in`. Concurrent calls share one exchange.
 * A caller's `signal` stops that caller's wait; the exchange itself is aborted once every
 * waiting caller has aborted.
 *
 * @throws TypeError at once for missing credentials or a bad `baseUrl` / `subdomain`.
 */
export function clientCredentials(options: ClientCredentialsOptions): ClientCredentialsProvider {
  const tokenUrl = tokenEndpoint(options);
  if (typeof options.clientId !== "string" || options.clientId === "") {
    throw new TypeError("clientCredentials: clientId must be a non-empty string");
  }
  if (typeof options.clientSecret !== "string" || options.clientSecret === "") {
    throw new TypeError("clientCredentials: clientSecret must be a non-empty string");
  }
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  if (!Number.isFinite(margin) || margin < 0) {
    throw new TypeError(`clientCredentials: refreshMarginMs must be a non-negative number, got ${margin}`);
  }
  const now = options.now ?? Date.now;
  const secret = options.clientSecret;
  const authorization = `Basic ${base64Utf8(`${options.clientId}:${secret}`)}`;
  let cached: CachedToken | undefined;
  let pending: PendingExchange | undefined;
  let generation = 0;

  const exchange = async (signal: AbortSignal): Promise<CachedToken> => {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(tokenUrl, {
        method: "POST",
        headers: { authorization, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ grant_type: "client_credentials" }),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new OAuth2TokenError(redact(`token request to ${tokenUrl} failed: ${describe(error)}`, secret));
    }
    const text = await response.text();
    const body = parseJson(text);
    if (!response.ok) {
      const code = typeof body?.error === "string" ? body.error : undefined;
      const description = typeof body?.error_description === "string" ? `: ${body.error_description}` : "";
      throw new OAuth2TokenError(
        redact(`token endpoint answered ${response.status}${code ? ` ${code}` : ""}${description}`, secret),
        { status: response.status, ...(code ? { code } : {}) },
      );
    }
    const token = body?.access_token;
    const expiresIn = body?.expires_in;
    if (typeof token !== "string" || token === "" || typeof expiresIn !== "number" || !(expiresIn > 0)) {
      throw new OAuth2TokenError("token endpoint answered 2xx without access_token and a positive expires_in", {
        status: response.status,
      });
    }
    const lifetimeMs = expiresIn * 1000;
    return { value: token, refreshAt: now() + lifetimeMs - Math.min(margin, lifetimeMs / 2) };
  };

  const start = (): PendingExchange => {
    const controller = new AbortController();
    const started = generation;
    const entry: PendingExchange = { controller, waiters: 0, promise: exchange(controller.signal) };
    entry.promise.then(
      (token) => {
        // A token asked for before invalidate() may be the one just rejected: do not keep it.
        if (started === generation) cached = token;
      },
      () => undefined,
    );
    entry.promise
      .finally(() => {
        if (pending === entry) pending = undefined;
      })
      .catch(() => undefined);
    return entry;
  };

  const provider = ((context: { signal: AbortSignal }): Promise<string> => {
    const signal = context?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (cached !== undefined && now() < cached.refreshAt) return Promise.resolve(cached.value);
    pending ??= start();
    const entry = pending;
    entry.waiters += 1;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        entry.waiters -= 1;
        if (entry.waiters === 0) {
          entry.controller.abort(signal?.reason);
          if (pending === entry) pending = undefined;
        }
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      entry.promise.then(
        (token) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(token.value);
        },
        (error: unknown) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }) as ClientCredentialsProvider;
  provider.invalidate = () => {
    cached = undefined;
    generation += 1;
  };
  return provider;
}

/** The URL credentials are exchanged at: `tokenUrl` as given, or OneLogin's token path on the account's host. */
function tokenEndpoint(options: ClientCredentialsOptions): string {
  const { tokenUrl, baseUrl, subdomain } = options;
  if ([tokenUrl, baseUrl, subdomain].filter((given) => given !== undefined).length !== 1) {
    throw new TypeError("clientCredentials: give exactly one of tokenUrl, baseUrl and subdomain");
  }
  if (tokenUrl !== undefined) return checkedUrl(tokenUrl, "tokenUrl", true).href;
  if (subdomain !== undefined) {
    // A DNS label (RFC 1123 §2.1), so it cannot smuggle in a path, port or other host.
    if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain)) {
      throw new TypeError(`clientCredentials: subdomain ${JSON.stringify(subdomain)} is not a DNS label`);
    }
    return `https://${subdomain}.onelogin.com${TOKEN_PATH}`;
  }
  return `${checkedUrl(String(baseUrl), "baseUrl", false).href.replace(/\/+$/, "")}${TOKEN_PATH}`;
}

/** `value` as an absolute http(s) URL without credentials or fragment (nor query, unless `query`). */
function checkedUrl(value: string, option: string, query: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`clientCredentials: ${option} must be an absolute http(s) URL`);
  }
  // Never echo a URL that carries credentials.
  if (url.username !== "" || url.password !== "") {
    throw new TypeError(`clientCredentials: ${option} must not contain credentials`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`clientCredentials: ${option} must be http(s), got ${url.protocol}`);
  }
  if (url.hash !== "" || value.includes("#") || (!query && (url.search !== "" || value.includes("?")))) {
    throw new TypeError(`clientCredentials: ${option} must not have a ${query ? "" : "query or "}fragment`);
  }
  return url;
}

/** RFC 7617 §2.1 with the UTF-8 charset: base64 of the UTF-8 bytes (`btoa` alone takes Latin-1 only). */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A failure's cause in one line: its code and message (undici hides the real one in `cause`). */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${code} ${current.message}` : current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(": ") : String(error);
}

/** Removes the secret from a message built from text the server or platform supplied. */
function redact(message: string, secret: string): string {
  return message.split(secret).join("[redacted]");
}
