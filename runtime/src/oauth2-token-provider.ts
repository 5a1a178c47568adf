// The token cache both OAuth 2.0 client-credentials helpers share (RFC 6749 §4.4): one exchange
// in flight at a time, refreshed before it expires, aborted only when no caller still waits.
// Deliberately free of the clients' runtime, so a bundle that never imports a helper pays nothing.

/** Default time before `expires_in` at which a cached token is refreshed. */
const DEFAULT_REFRESH_MARGIN_MS = 60_000;

/** What every client-credentials helper takes besides where and how it exchanges. */
export interface TokenProviderOptions {
  /** The API credential's client id. */
  clientId: string;
  /** The API credential's client secret; it never appears in an error. */
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

/** The token request a helper sends, apart from the method (always POST) and the signal. */
export interface TokenRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

interface CachedToken {
  value: string;
  /** Epoch ms from which the token is refreshed instead of used; never, without `expires_in`. */
  refreshAt: number;
}

/** One exchange in flight, shared by every caller that arrives while it runs. */
interface PendingExchange {
  promise: Promise<CachedToken>;
  controller: AbortController;
  waiters: number;
}

/**
 * A provider that POSTs `request` and caches the answer's token. Without `expires_in` (RFC 6749
 * §5.1 only recommends it) the token is kept until `invalidate()`, which the clients call after
 * a 401. Concurrent calls share one exchange; a caller's `signal` stops that caller's wait, and
 * the exchange itself is aborted once every waiting caller has aborted.
 *
 * @throws TypeError at once for missing credentials or a bad `refreshMarginMs`.
 */
export function tokenProvider(request: TokenRequest, options: TokenProviderOptions): ClientCredentialsProvider {
  const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
  if (!Number.isFinite(margin) || margin < 0) {
    throw new TypeError(`clientCredentials: refreshMarginMs must be a non-negative number, got ${margin}`);
  }
  const now = options.now ?? Date.now;
  const secret = options.clientSecret;
  let cached: CachedToken | undefined;
  let pending: PendingExchange | undefined;
  let generation = 0;

  const exchange = async (signal: AbortSignal): Promise<CachedToken> => {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(request.url, { method: "POST", headers: request.headers, body: request.body, signal });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new OAuth2TokenError(redact(`token request to ${request.url} failed: ${describe(error)}`, secret));
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
    const problem = tokenProblem(body);
    if (problem !== undefined)
      throw new OAuth2TokenError(`token endpoint answered ${response.status} ${problem}`, { status: response.status });
    const expiresIn = body?.expires_in as number | undefined;
    if (expiresIn === undefined) return { value: body?.access_token as string, refreshAt: Number.POSITIVE_INFINITY };
    const lifetimeMs = expiresIn * 1000;
    return { value: body?.access_token as string, refreshAt: now() + lifetimeMs - Math.min(margin, lifetimeMs / 2) };
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

/**
 * Why a 2xx answer cannot be used (RFC 6749 §5.1), or `undefined`: it must carry an access
 * token, a `token_type` of Bearer when it names one (the clients send it as RFC 6750 bearer),
 * and an `expires_in`, when present, that is a positive number of seconds.
 */
function tokenProblem(body: Record<string, unknown> | undefined): string | undefined {
  if (typeof body?.access_token !== "string" || body.access_token === "") return "without an access_token";
  const type = body.token_type;
  if (type !== undefined && (typeof type !== "string" || type.toLowerCase() !== "bearer"))
    return `a token_type the clients cannot send (${JSON.stringify(type)}, not Bearer)`;
  const expiresIn = body.expires_in;
  if (expiresIn !== undefined && (typeof expiresIn !== "number" || !(expiresIn > 0) || !Number.isFinite(expiresIn)))
    return "an expires_in that is not a positive number of seconds";
  return undefined;
}

/** Refuses an empty client id or secret at once, before anything is sent. */
export function checkCredentials(options: TokenProviderOptions): void {
  for (const key of ["clientId", "clientSecret"] as const) {
    const value = options[key];
    if (typeof value !== "string" || value === "")
      throw new TypeError(`clientCredentials: ${key} must be a non-empty string`);
  }
}

/** `value` as an absolute http(s) URL without credentials or fragment (nor query, unless `query`). */
export function checkedUrl(value: string, option: string, query: boolean): URL {
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
export function base64Utf8(text: string): string {
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

/** Removes the secret, as written and as URL-encoded, from a message built from text the server or platform supplied. */
function redact(message: string, secret: string): string {
  let text = message;
  for (const form of new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
  ]))
    text = text.split(form).join("[redacted]");
  return text;
}
