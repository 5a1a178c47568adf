import { type Clock, startCall, systemClock } from "./abort.js";
import type { Credentials, SchemeKind } from "./auth.js";
import { chooseSchemes, resolveAuthorization } from "./auth.js";
import type { RequestSummary } from "./errors.js";
import {
  ConnectionError,
  createApiError,
  OneLoginMfaError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
} from "./errors.js";
import { assertValidHeaders, buildRequestHeaders } from "./headers.js";
import type { OperationDescriptor } from "./operation.js";
import { decodeBody, isSuccessStatus, matchDeclaredResponse } from "./response.js";
import { DEFAULT_MAX_RETRIES, isIdempotent, isRetryableStatus, retryDelayMs } from "./retry.js";
import { resolveBaseUrl, type ServerTemplate } from "./server.js";
import type { HttpMethod, Transport, TransportResponse } from "./transport.js";
import { buildRequestUrl } from "./url.js";

/** Options that both a client and a single call accept; the call's value wins. */
export interface CallSettings {
  /** Time limit in milliseconds for the whole call: token, every attempt, every wait. Default 60 s; `0` or `Infinity` means none. */
  timeoutMs?: number;
  /** Retries after the first attempt on connection errors, 408, 429 and 5xx; default 2, `0` turns retries off. */
  maxRetries?: number;
  /** Also retry POST and PATCH, which are not idempotent and so are never retried by default. */
  retryNonIdempotent?: boolean;
}

/**
 * Options shared by every client, whatever the transport. Credentials (`accessToken` for bearer,
 * OAuth 2 and OpenID Connect schemes, `basicAuth`, `apiKeys` by scheme name) are sent as each
 * operation's security requirements say: the first alternative they fully satisfy.
 */
export interface ClientOptions extends CallSettings, Credentials {
  /** Server base URL, e.g. `https://acme.onelogin.com`: absolute http(s), no credentials, query or fragment. */
  baseUrl?: string;
  /** Headers sent with every request (lower precedence than parameters and per-request headers). */
  headers?: Record<string, string>;
  /**
   * Your product token, e.g. `myapp/2.0`, sent before the SDK's own (`myapp/2.0 @onelogin-mfa/fetch/1.2.3`)
   * in the `user-agent` header. Outside browsers only: browsers send their own user agent. A
   * `user-agent` in `headers` replaces the whole value instead.
   */
  userAgent?: string;
  /**
   * Base URLs to use instead of the spec's operation- or path-level servers, keyed by the server's
   * URL as the operation's documentation gives it (variables filled with their defaults), e.g.
   * `{ "https://uploads.example.com": "https://proxy.internal/uploads" }`. Such operations ignore
   * `baseUrl`. Read by those operations only (see `operationServerUrl`), so it costs the others nothing.
   */
  serverUrls?: Readonly<Record<string, string>>;
  /** Timers and time for timeouts and retry waits; tests inject a fake one. */
  clock?: Clock;
  /**
   * Told about every attempt once it has an outcome; `createLogger` from the package's
   * `/logger` subpath makes one that writes a line per attempt.
   */
  onAttempt?: (event: AttemptEvent) => void;
}

/** What {@link ClientOptions.onAttempt} hears about one attempt. Never headers, bodies or credentials. */
export interface AttemptEvent {
  /** The same for every attempt of one call. */
  readonly requestId: string;
  /** OpenAPI operationId. */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template from the spec (placeholders, not values). */
  readonly path: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** HTTP status, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** Milliseconds from sending to the outcome. */
  readonly durationMs: number;
}

/** Options for a single call. */
export interface RequestOptions extends CallSettings {
  /** Cancels the call; it then rejects with a {@link RequestAbortedError}. */
  signal?: AbortSignal;
  /** Extra headers for this call; they override all other headers except `content-type`, and are kept even by operations without security. */
  headers?: Record<string, string>;
}

/** A successful (2xx) response. */
export interface ApiResponse<T> {
  /** Parsed JSON body, or the text for non-JSON responses, or `undefined` when the body is empty. */
  data: T;
  /** HTTP status code. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
}

/**
 * A configured client: what every operation function takes as its first argument. Made by the
 * package's `createClient`; treat it as opaque.
 */
export interface Client {
  /** The options it was created with (a copy). */
  readonly options: Readonly<ClientOptions>;
  /** Moves requests over the wire. */
  readonly transport: Transport;
  /** The resolved, validated base URL. */
  readonly baseUrl: string;
  /** How each of the spec's security schemes is applied. */
  readonly schemes?: Readonly<Record<string, SchemeKind>> | undefined;
  /** The `user-agent` sent unless a header overrides it; `undefined` in browsers. */
  readonly userAgent?: string | undefined;
}

/** Default time limit of a call. */
const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Creates a client over `transport`.
 *
 * @throws TypeError when the base URL cannot be resolved or is invalid (see {@link resolveBaseUrl}).
 */
export function makeClient(options: ClientOptions, transport: Transport, server: ServerTemplate): Client {
  // Browsers forbid or ignore a script's user-agent (and it would cost a CORS preflight); they all say `Mozilla/`.
  const browser = /^Mozilla\//.test(globalThis.navigator?.userAgent);
  return {
    options: { ...options, headers: { ...options.headers } },
    transport,
    baseUrl: resolveBaseUrl(options, server),
    schemes: server.schemes,
    userAgent: browser ? undefined : [options.userAgent, server.userAgent].filter(Boolean).join(" ") || undefined,
  };
}

/**
 * Calls an operation: builds the request, authorizes and sends each attempt with timeout,
 * cancellation and retries, and turns the response into an {@link ApiResponse} or a typed error.
 *
 * @returns the parsed 2xx response; `T` is what the generated code declares for it.
 * @throws RequestValidationError before sending, for invalid parameters, body, headers or options.
 * @throws AccessTokenError when the token provider fails.
 * @throws RequestAbortedError, TimeoutError or ConnectionError when no response arrives.
 * @throws ApiError (or the subclass for its status) for a non-2xx response.
 * @throws ResponseParseError when a 2xx JSON body does not parse.
 */
export async function request<T>(
  client: Client,
  operation: OperationDescriptor,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const { options: config, transport } = client;
  const { operationId, method, security, path } = operation;
  const url = buildRequestUrl(client.baseUrl, operation);
  const summary: RequestSummary = { operationId, method, path, url };
  const { body } = operation;
  let clientHeaders = config.headers;
  // A public operation gets no credentials of the client's, only what the caller passed for this call.
  if (!security.length) {
    clientHeaders = { ...clientHeaders };
    for (const name in clientHeaders) if (/^authorization$/i.test(name)) delete clientHeaders[name];
  }
  const headers = buildRequestHeaders(
    {
      userAgent: client.userAgent,
      clientHeaders,
      operationHeaders: operation.headers,
      requestHeaders: options.headers,
      contentType: body?.contentType,
      accept: operation.accept,
    },
    operationId,
  );
  const timeout = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? config.maxRetries ?? DEFAULT_MAX_RETRIES;
  const invalidOption = (parameter: string, expected: string): never => {
    throw new RequestValidationError(operationId, `${parameter} must be ${expected}`, { parameter });
  };
  if (!(timeout >= 0)) invalidOption("timeoutMs", "a non-negative number of milliseconds");
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) invalidOption("maxRetries", "a non-negative integer");
  const retries = isIdempotent(method) || (options.retryNonIdempotent ?? config.retryNonIdempotent) ? maxRetries : 0;
  // `0` and `Infinity` disable the timeout (axios users expect `0` to mean "none").
  const timeoutMs = timeout === 0 || timeout === Number.POSITIVE_INFINITY ? undefined : timeout;

  const clock = config.clock ?? systemClock;
  const token = config.accessToken;
  const chosen = chooseSchemes(security, client.schemes, config);
  const bearer = chosen.some(([, kind]) => kind === "bearer") ? security : [];
  const call = startCall(options.signal, timeoutMs, clock);
  const { signal } = call;
  const observe = config.onAttempt;
  // One id per call, so that a log can tie its retries together.
  const requestId = observe && Math.random().toString(36).slice(2, 10);
  try {
    let refreshed = 0;
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw signal.reason;
      const authorization = await call.race(resolveAuthorization(token, bearer, summary, signal));
      const sent = { headers: { ...headers }, url };
      // A configured token replaces any `authorization` the caller set; without one the caller's header stays.
      if (authorization) sent.headers.authorization = authorization;
      for (const [name, kind] of chosen) if (kind !== "bearer") kind.apply(sent, config, name);
      assertValidHeaders(sent.headers, operationId);
      let response: TransportResponse | undefined;
      let failure: unknown;
      const sentAt = clock.now();
      try {
        response = await call.race(
          transport({
            method,
            url: sent.url,
            headers: sent.headers,
            body: body?.body,
            signal,
            binary: operation.binaryResponse,
          }),
        );
      } catch (error) {
        if (signal.aborted) throw error;
        failure = error;
      } finally {
        observe?.({
          requestId: requestId as string,
          operationId,
          method,
          path,
          attempt: attempt + 1 + refreshed,
          status: response?.status,
          durationMs: clock.now() - sentAt,
        });
      }
      const status = response?.status;
      // RFC 6750 §3.1: 401 means the token was refused before the operation ran, so one repeat with a
      // fresh token is safe for any method.
      if (status === 401 && typeof token === "function" && token.invalidate && !refreshed) {
        refreshed = 1;
        token.invalidate();
        attempt--;
        continue;
      }
      if (attempt < retries && (status === undefined || isRetryableStatus(status))) {
        const delay = retryDelayMs(attempt, response?.headers["retry-after"], clock.now());
        // A wait the deadline would cut short only turns the server's answer into a timeout.
        if (delay < call.remainingMs()) {
          await call.sleep(delay);
          continue;
        }
      }
      if (!response) throw new ConnectionError(summary, failure);
      return interpret<T>(operation, summary, response);
    }
  } catch (error) {
    if (!signal.aborted || error instanceof OneLoginMfaError) throw error;
    // The call's signal aborted: the deadline or the caller, whichever came first.
    throw call.timedOut()
      ? new TimeoutError(summary, timeoutMs as number, error)
      : new RequestAbortedError(summary, options.signal?.reason);
  } finally {
    call.dispose();
  }
}

/** Resolves to the body of a response: what an operation's plain (non-`Raw`) function returns. */
export async function dataOf<T>(response: Promise<ApiResponse<T>>): Promise<T> {
  return (await response).data;
}

/** Maps a response to the result: 2xx → {@link ApiResponse}, anything else → thrown {@link ApiError}. */
function interpret<T>(
  operation: OperationDescriptor,
  summary: RequestSummary,
  response: TransportResponse,
): ApiResponse<T> {
  const { status, headers } = response;
  const declared = operation.responses
    ? matchDeclaredResponse(operation.responses, status)?.mediaType
    : "application/json";
  const decoded = decodeBody(response, declared);
  if (isSuccessStatus(status)) {
    if (!decoded.ok) throw new ResponseParseError(summary, response, decoded.error);
    return { data: decoded.value as T, status, headers: { ...headers } };
  }
  throw createApiError({
    status,
    statusText: response.statusText,
    // An error body that claims to be JSON but is not is still worth showing as text.
    body: decoded.ok ? decoded.value : decoded.text,
    headers,
    request: summary,
  });
}
