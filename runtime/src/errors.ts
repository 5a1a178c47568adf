import { redactHeaders, redactUrl } from "./redact.js";
import type { HttpMethod } from "./transport.js";

/**
 * Errors thrown by the SDK.
 *
 * Every class reports a fixed `name` from a prototype getter instead of relying on
 * `constructor.name`, which minifiers rename. A getter (unlike an instance field) is already in
 * place while the `Error` constructor runs, so stack traces show the right name too.
 *
 * Errors get logged, so none of them stores request headers or the request body, and the
 * response headers and URL they do keep are redacted on construction.
 */

/** Identifies the request an error belongs to. */
export interface RequestSummary {
  /** OpenAPI operationId. */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template from the spec (placeholders, not values), e.g. `/api/1/users/{user_id}`. */
  readonly path: string;
  /** The request URL; redacted by the error before it is stored. */
  readonly url?: string | undefined;
}

/** The plain, secret-free object produced by `toJSON()` and shown by Node's `util.inspect`. */
export interface SafeErrorJSON {
  /** Error class name. */
  name: string;
  /** Error message. */
  message: string;
  /** OpenAPI operationId, when the error belongs to a request. */
  operationId?: string;
  /** HTTP method, when the error belongs to a request. */
  method?: HttpMethod;
  /** Path template, when the error belongs to a request. */
  path?: string;
  /** Redacted request URL, when known. */
  url?: string;
  /** Name and message of the underlying error, when there is one. */
  cause?: { name: string; message: string; code?: string };
  /** Stack trace (derived from the message only). */
  stack?: string;
  /** Class-specific details such as `status` or `timeoutMs`. */
  [detail: string]: unknown;
}

/** Options accepted by {@link OneLoginMfaError}. */
export interface OneLoginMfaErrorOptions {
  /** Underlying error. */
  cause?: unknown;
  /** Request the error belongs to. */
  request?: RequestSummary | undefined;
  /** OpenAPI operationId, for errors raised before a request exists (ignored when `request` is given). */
  operationId?: string | undefined;
}

/** Key Node.js looks up to let an object decide how `util.inspect` / `console.log` show it. */
const nodeInspectCustom = Symbol.for("nodejs.util.inspect.custom");

/** Base class of every error thrown by the SDK. */
export class OneLoginMfaError extends Error {
  /** OpenAPI operationId of the failed request, when the error belongs to a request. */
  readonly operationId: string | undefined;
  /** HTTP method of the failed request. */
  readonly method: HttpMethod | undefined;
  /** Path template of the failed request. */
  readonly path: string | undefined;
  /** Request URL with credentials and secret-looking query values redacted. */
  readonly url: string | undefined;

  /**
   * @param message human-readable description; must not contain secrets.
   * @param options underlying cause and the request the error belongs to.
   */
  constructor(message: string, options: OneLoginMfaErrorOptions = {}) {
    super(message, "cause" in options ? { cause: options.cause } : undefined);
    this.operationId = options.request?.operationId ?? options.operationId;
    this.method = options.request?.method;
    this.path = options.request?.path;
    this.url = options.request?.url === undefined ? undefined : redactUrl(options.request.url);
  }

  /** Fixed class name, immune to minification. */
  override get name(): string {
    return "OneLoginMfaError";
  }

  /** A plain object without secrets, used by `JSON.stringify` and structured loggers. */
  toJSON(): SafeErrorJSON {
    const json: SafeErrorJSON = { name: this.name, message: this.message };
    if (this.operationId !== undefined) json.operationId = this.operationId;
    if (this.method !== undefined) json.method = this.method;
    if (this.path !== undefined) json.path = this.path;
    if (this.url !== undefined) json.url = this.url;
    Object.assign(json, this.safeDetails());
    const cause = summarizeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    if (this.stack !== undefined) json.stack = this.stack;
    return json;
  }

  /** Class-specific fields to include in {@link toJSON}; subclasses add only values safe to log. */
  protected safeDetails(): Record<string, unknown> {
    return {};
  }

  /** Node.js `util.inspect` hook: show the safe object rather than every own property. */
  [nodeInspectCustom](): SafeErrorJSON {
    return this.toJSON();
  }
}

function summarizeCause(cause: unknown): SafeErrorJSON["cause"] {
  // Only Error-like causes are summarized: arbitrary objects (an abort reason, say) could hold anything.
  if (!(cause instanceof Error)) return undefined;
  const summary: { name: string; message: string; code?: string } = { name: cause.name, message: cause.message };
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") summary.code = code;
  return summary;
}

function describeRequest(request: RequestSummary): string {
  return `${request.method} ${request.path}`;
}

/** What {@link ApiError} and {@link createApiError} need to know about a non-2xx response. */
export interface ApiErrorInit<TStatus extends number = number, TBody = unknown> {
  /** HTTP status code. */
  status: TStatus;
  /** Reason phrase, possibly empty. */
  statusText: string;
  /** Parsed JSON body when the response was JSON, otherwise the text, or `undefined` when empty. */
  body: TBody;
  /** Response headers (lower-case names); redacted before being stored. */
  headers: Readonly<Record<string, string>>;
  /** The request that got this response. */
  request: RequestSummary;
}

/** Longest server-provided message quoted in an error message. */
const MAX_QUOTED_MESSAGE_LENGTH = 300;

/** The server answered with a non-2xx status. */
export class ApiError<TStatus extends number = number, TBody = unknown> extends OneLoginMfaError {
  /** HTTP status code. */
  readonly status: TStatus;
  /** Reason phrase, possibly empty. */
  readonly statusText: string;
  /** Parsed JSON body when the response was JSON, otherwise the text, or `undefined` when empty. */
  readonly body: TBody;
  /** Response headers, lower-case names, with `authorization`, `cookie`, `set-cookie`, `proxy-authorization` redacted. */
  readonly headers: Readonly<Record<string, string>>;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /** @param init status, body, headers and the request the response belongs to. */
  constructor(init: ApiErrorInit<TStatus, TBody>) {
    super(apiErrorMessage(init), { request: init.request });
    this.status = init.status;
    this.statusText = init.statusText;
    this.body = init.body;
    this.headers = redactHeaders(init.headers);
  }

  override get name(): string {
    return "ApiError";
  }

  protected override safeDetails(): Record<string, unknown> {
    return { status: this.status, statusText: this.statusText, headers: this.headers, body: this.body };
  }
}

function apiErrorMessage(init: ApiErrorInit<number, unknown>): string {
  const status = init.statusText === "" ? `${init.status}` : `${init.status} ${init.statusText}`;
  const serverMessage = serverMessageOf(init.body);
  const suffix = serverMessage === undefined ? "" : ` — ${serverMessage}`;
  return `${describeRequest(init.request)}: ${status}${suffix}`;
}

/**
 * The human-readable message from an error body: `message` at the top level, or inside the
 * `status` envelope the OneLogin v1 API wraps its errors in (`{ status: { code, message } }`).
 */
function serverMessageOf(body: unknown): string | undefined {
  const candidate = stringProperty(body, "message") ?? stringProperty(propertyOf(body, "status"), "message");
  if (candidate === undefined || candidate.trim() === "") return undefined;
  // One log line per error, and no unbounded server text in messages.
  const singleLine = candidate.replace(/[\r\n]+/g, " ").trim();
  return singleLine.length > MAX_QUOTED_MESSAGE_LENGTH
    ? `${singleLine.slice(0, MAX_QUOTED_MESSAGE_LENGTH)}…`
    : singleLine;
}

function propertyOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringProperty(value: unknown, key: string): string | undefined {
  const property = propertyOf(value, key);
  return typeof property === "string" ? property : undefined;
}

/** 400: the request was malformed or failed validation on the server. */
export class BadRequestError<TBody = unknown> extends ApiError<400, TBody> {
  override get name(): "BadRequestError" {
    return "BadRequestError";
  }
}

/** 401: the access token is missing, invalid or expired. */
export class AuthenticationError<TBody = unknown> extends ApiError<401, TBody> {
  override get name(): "AuthenticationError" {
    return "AuthenticationError";
  }
}

/** 403: the credentials are valid but lack permission for this operation. */
export class PermissionDeniedError<TBody = unknown> extends ApiError<403, TBody> {
  override get name(): "PermissionDeniedError" {
    return "PermissionDeniedError";
  }
}

/** 404: the user, device or factor does not exist. */
export class NotFoundError<TBody = unknown> extends ApiError<404, TBody> {
  override get name(): "NotFoundError" {
    return "NotFoundError";
  }
}

/** 409: the request conflicts with the current state of the resource. */
export class ConflictError<TBody = unknown> extends ApiError<409, TBody> {
  override get name(): "ConflictError" {
    return "ConflictError";
  }
}

/** 422: the request was well-formed but semantically invalid. */
export class UnprocessableEntityError<TBody = unknown> extends ApiError<422, TBody> {
  override get name(): "UnprocessableEntityError" {
    return "UnprocessableEntityError";
  }
}

/** 429: rate limited; the `retry-after` header (RFC 9110 §10.2.3), if any, is in `headers`. */
export class RateLimitError<TBody = unknown> extends ApiError<429, TBody> {
  override get name(): "RateLimitError" {
    return "RateLimitError";
  }
}

/** Any 5xx status: the server failed. */
export class InternalServerError<TBody = unknown> extends ApiError<number, TBody> {
  override get name(): "InternalServerError" {
    return "InternalServerError";
  }
}

/** Status-specific error classes; statuses not listed (and below 500) get a plain {@link ApiError}. */
const API_ERROR_CLASS_BY_STATUS: Readonly<
  Record<number, new (init: ApiErrorInit<never, unknown>) => ApiError<number, unknown>>
> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Creates the {@link ApiError} subclass matching `init.status`: 400, 401, 403, 404, 409, 422 and
 * 429 have their own classes, every status ≥ 500 is an {@link InternalServerError}, anything else
 * is a plain {@link ApiError}.
 */
export function createApiError<TBody = unknown>(init: ApiErrorInit<number, TBody>): ApiError<number, TBody> {
  if (init.status >= 500) return new InternalServerError<TBody>(init);
  const ErrorClass = API_ERROR_CLASS_BY_STATUS[init.status];
  if (ErrorClass === undefined) return new ApiError<number, TBody>(init);
  return new ErrorClass(init as ApiErrorInit<never, unknown>) as ApiError<number, TBody>;
}

/** No response was received: DNS failure, refused or reset connection, TLS failure, and so on. `cause` holds the transport's error. */
export class ConnectionError extends OneLoginMfaError {
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that failed.
   * @param cause the error the transport threw.
   */
  constructor(request: RequestSummary, cause: unknown) {
    const reason = cause instanceof Error && cause.message !== "" ? ` — ${cause.message}` : "";
    super(`${describeRequest(request)}: no response received${reason}`, { request, cause });
  }

  override get name(): "ConnectionError" {
    return "ConnectionError";
  }
}

/** The request did not complete within the configured `timeoutMs`. */
export class TimeoutError extends OneLoginMfaError {
  /** The limit that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that timed out.
   * @param timeoutMs the limit that was exceeded.
   * @param cause the error the transport rejected with, if any.
   */
  constructor(request: RequestSummary, timeoutMs: number, cause?: unknown) {
    super(
      `${describeRequest(request)}: timed out after ${timeoutMs} ms`,
      cause === undefined ? { request } : { request, cause },
    );
    this.timeoutMs = timeoutMs;
  }

  override get name(): "TimeoutError" {
    return "TimeoutError";
  }

  protected override safeDetails(): Record<string, unknown> {
    return { timeoutMs: this.timeoutMs };
  }
}

/** The caller's `AbortSignal` aborted the request; `cause` is the signal's reason. */
export class RequestAbortedError extends OneLoginMfaError {
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that was aborted.
   * @param reason the abort reason of the caller's signal.
   */
  constructor(request: RequestSummary, reason: unknown) {
    super(`${describeRequest(request)}: aborted by the caller`, { request, cause: reason });
  }

  override get name(): "RequestAbortedError" {
    return "RequestAbortedError";
  }
}

/** The call's arguments or options are invalid; nothing was sent. */
export class RequestValidationError extends OneLoginMfaError {
  /** Wire name of the offending parameter (or header), when one is to blame. */
  readonly parameter: string | undefined;
  declare readonly operationId: string;

  /**
   * @param operationId operation whose call was rejected.
   * @param problem what is wrong; must not quote secret values.
   * @param options offending parameter and underlying cause.
   */
  constructor(operationId: string, problem: string, options: { parameter?: string | undefined; cause?: unknown } = {}) {
    super(`${operationId}: ${problem}`, "cause" in options ? { operationId, cause: options.cause } : { operationId });
    this.parameter = options.parameter;
  }

  override get name(): "RequestValidationError" {
    return "RequestValidationError";
  }

  protected override safeDetails(): Record<string, unknown> {
    return this.parameter === undefined ? {} : { parameter: this.parameter };
  }
}

/** A 2xx response declared or labelled as JSON could not be parsed. */
export class ResponseParseError extends OneLoginMfaError {
  /** HTTP status code of the response. */
  readonly status: number;
  /** Response headers, redacted like {@link ApiError.headers}. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The unparseable body. Kept for debugging but left out of `toJSON()`: a successful response
   * may carry secrets (an MFA token, for instance).
   */
  readonly bodyText: string;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request whose response could not be parsed.
   * @param response status, headers and raw body of the response.
   * @param cause the JSON parser's error.
   */
  constructor(
    request: RequestSummary,
    response: { status: number; headers: Readonly<Record<string, string>>; bodyText: string },
    cause: unknown,
  ) {
    super(
      `${describeRequest(request)}: ${response.status} response body is not valid JSON (${response.bodyText.length} characters)`,
      {
        request,
        cause,
      },
    );
    this.status = response.status;
    this.headers = redactHeaders(response.headers);
    this.bodyText = response.bodyText;
  }

  override get name(): "ResponseParseError" {
    return "ResponseParseError";
  }

  protected override safeDetails(): Record<string, unknown> {
    return { status: this.status, headers: this.headers };
  }
}

/** The configured `accessToken` provider threw, or resolved to something other than a non-empty string. */
export class AccessTokenError extends OneLoginMfaError {
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that needed the token.
   * @param problem what went wrong; must not quote the token.
   * @param cause the provider's error, if it threw.
   */
  constructor(request: RequestSummary, problem: string, cause?: unknown) {
    super(`${describeRequest(request)}: ${problem}`, cause === undefined ? { request } : { request, cause });
  }

  override get name(): "AccessTokenError" {
    return "AccessTokenError";
  }
}
