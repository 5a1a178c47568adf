import { combineSignals, raceWithSignal, startDeadline } from "./abort.js";
import type { AccessToken } from "./auth.js";
import { applyAuthorization, resolveAuthorization } from "./auth.js";
import { serializeBody } from "./body.js";
import type { RequestSummary } from "./errors.js";
import {
  ConnectionError,
  createApiError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
} from "./errors.js";
import { assertValidHeaders, buildRequestHeaders } from "./headers.js";
import type { OperationDescriptor } from "./operation.js";
import { decodeBody, isSuccessStatus, matchDeclaredResponse } from "./response.js";
import type { Transport, TransportResponse } from "./transport.js";
import { buildRequestUrl } from "./url.js";

/** Options shared by every generated API class, whatever the transport. */
export interface ClientOptions {
  /** Server base URL, e.g. `https://acme.onelogin.com`; defaults to the spec's server URL. */
  baseUrl?: string;
  /** OAuth 2.0 access token sent as `Bearer` to operations that declare security, or a provider of one. */
  accessToken?: AccessToken;
  /** Headers sent with every request (lower precedence than parameters and per-request headers). */
  headers?: Record<string, string>;
  /** Default time limit per request in milliseconds; `0`, `Infinity` or unset means no limit. */
  timeoutMs?: number;
}

/** Options for a single call. */
export interface RequestOptions {
  /** Cancels the call; it then rejects with a {@link RequestAbortedError}. */
  signal?: AbortSignal;
  /** Extra headers for this call; they override all other headers except `content-type` and `authorization`. */
  headers?: Record<string, string>;
  /** Time limit for this call in milliseconds, overriding {@link ClientOptions.timeoutMs}. */
  timeoutMs?: number;
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

/** Values the generator bakes into each API class. */
export interface ClientDefaults {
  /** Server URL from the spec, used when {@link ClientOptions.baseUrl} is not set. */
  baseUrl: string;
}

/** A request ready for the wire, minus credentials (added per attempt). */
interface PreparedRequest {
  readonly summary: RequestSummary;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly timeoutMs: number | undefined;
}

/**
 * Performs operation calls for generated API classes: builds the request from an
 * {@link OperationDescriptor}, authorizes it, sends it through a {@link Transport} with timeout and
 * cancellation, and turns the response into an {@link ApiResponse} or a typed error.
 */
export class ClientCore {
  readonly #options: ClientOptions;
  readonly #transport: Transport;
  readonly #baseUrl: string;

  /**
   * @param options the caller's client options (copied; later mutation has no effect).
   * @param transport moves requests over the wire.
   * @param defaults values from the spec.
   */
  constructor(options: ClientOptions, transport: Transport, defaults: ClientDefaults) {
    this.#options = { ...options, headers: { ...options.headers } };
    this.#transport = transport;
    this.#baseUrl = options.baseUrl ?? defaults.baseUrl;
  }

  /**
   * Calls an operation.
   *
   * @returns the parsed 2xx response; `T` is what the generated code declares for it.
   * @throws RequestValidationError before sending, for invalid parameters, body, headers or options.
   * @throws AccessTokenError when the token provider fails.
   * @throws RequestAbortedError, TimeoutError or ConnectionError when no response arrives.
   * @throws ApiError (or the subclass for its status) for a non-2xx response.
   * @throws ResponseParseError when a 2xx JSON body does not parse.
   */
  async request<T>(operation: OperationDescriptor, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const prepared = this.#prepare(operation, options);
    const response = await this.#send(operation, prepared, options);
    return this.#interpret<T>(operation, prepared, response);
  }

  /** Validates the call and builds everything that does not depend on the attempt. Sends nothing. */
  #prepare(operation: OperationDescriptor, options: RequestOptions): PreparedRequest {
    const url = buildRequestUrl(this.#baseUrl, operation);
    const serialized = serializeBody(operation);
    const headers = buildRequestHeaders({
      clientHeaders: this.#options.headers,
      operation,
      requestHeaders: options.headers,
      contentType: serialized?.contentType,
    });
    return {
      summary: { operationId: operation.operationId, method: operation.method, path: operation.path, url },
      url,
      headers,
      body: serialized?.body,
      timeoutMs: effectiveTimeout(operation.operationId, options.timeoutMs ?? this.#options.timeoutMs),
    };
  }

  /**
   * One attempt: authorize, then send with timeout and cancellation. This is the seam for
   * retries: a retry policy (backoff, honouring `retry-after` from RFC 9110 §10.2.3 on 429/503)
   * would call this repeatedly, and because the token is resolved here a refreshed token is
   * picked up by each attempt.
   */
  async #send(
    operation: OperationDescriptor,
    prepared: PreparedRequest,
    options: RequestOptions,
  ): Promise<TransportResponse> {
    const { summary } = prepared;
    const callerSignal = options.signal;
    if (callerSignal?.aborted) throw new RequestAbortedError(summary, callerSignal.reason);

    const authorization = await resolveAuthorization(this.#options.accessToken, operation.security, summary);
    if (callerSignal?.aborted) throw new RequestAbortedError(summary, callerSignal.reason);
    const headers = applyAuthorization(prepared.headers, operation.security, authorization);
    assertValidHeaders(headers, operation.operationId);

    const deadline = startDeadline(prepared.timeoutMs);
    const signals = [callerSignal, deadline?.signal].filter((signal): signal is AbortSignal => signal !== undefined);
    const combined = signals.length > 1 ? combineSignals(signals) : undefined;
    const signal = combined?.signal ?? signals[0];
    try {
      const sending = this.#transport({
        method: operation.method,
        url: prepared.url,
        headers,
        body: prepared.body,
        signal,
      });
      return await raceWithSignal(sending, signal);
    } catch (error) {
      // The combined signal carries the reason of whichever input aborted first.
      const timedOut =
        deadline?.signal.aborted === true &&
        (signal?.reason === deadline.signal.reason || callerSignal?.aborted !== true);
      if (timedOut) throw new TimeoutError(summary, prepared.timeoutMs ?? 0, error);
      if (callerSignal?.aborted) throw new RequestAbortedError(summary, callerSignal.reason);
      throw new ConnectionError(summary, error);
    } finally {
      deadline?.clear();
      combined?.dispose();
    }
  }

  /** Maps a response to the result: 2xx → {@link ApiResponse}, anything else → thrown {@link ApiError}. */
  #interpret<T>(
    operation: OperationDescriptor,
    prepared: PreparedRequest,
    response: TransportResponse,
  ): ApiResponse<T> {
    const declared = matchDeclaredResponse(operation.responses, response.status);
    const decoded = decodeBody(response, declared?.mediaType);
    if (isSuccessStatus(response.status)) {
      if (!decoded.ok) throw new ResponseParseError(prepared.summary, response, decoded.error);
      return { data: decoded.value as T, status: response.status, headers: { ...response.headers } };
    }
    throw createApiError({
      status: response.status,
      statusText: response.statusText,
      // An error body that claims to be JSON but is not is still worth showing as text.
      body: decoded.ok ? decoded.value : decoded.text,
      headers: response.headers,
      request: prepared.summary,
    });
  }
}

/** `0` and `Infinity` disable the timeout (axios users expect `0` to mean "none"); negative or NaN is a mistake. */
function effectiveTimeout(operationId: string, timeoutMs: number | undefined): number | undefined {
  if (timeoutMs === undefined || timeoutMs === 0 || timeoutMs === Number.POSITIVE_INFINITY) return undefined;
  if (typeof timeoutMs !== "number" || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RequestValidationError(operationId, "timeoutMs must be a non-negative number of milliseconds", {
      parameter: "timeoutMs",
    });
  }
  return timeoutMs;
}
