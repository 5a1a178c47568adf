import { redactHeaders, redactUrl } from "./redact.js";
import type { HttpMethod } from "./transport.js";

/**
 * Errors thrown by the SDK.
 *
 * Every class carries a fixed `name` on its prototype instead of relying on `constructor.name`,
 * which minifiers rename; being on the prototype, it is in place while `Error` builds the stack.
 * Errors get logged, so none stores request headers or the request body, and the response
 * headers and URL they keep are redacted on construction. Written for size: every call ships
 * this file, so shared work lives in the base class and subclasses are one line each.
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
  /** Name, message and code of the underlying error, when there is one. */
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

/**
 * Marks the SDK's error prototypes. `Symbol.for` makes it the same symbol in every copy of the
 * SDK (the ESM and the CJS build, two bundled versions), which is what lets `instanceof` work
 * across them: the dual-package hazard.
 */
const BRAND = Symbol.for("onelogin-mfa.error");

/** Base class of every error thrown by the SDK. */
export class OneLoginMfaError extends Error {
  /** OpenAPI operationId of the failed request, when the error belongs to a request. */
  declare readonly operationId: string | undefined;
  /** HTTP method of the failed request. */
  declare readonly method: HttpMethod | undefined;
  /** Path template of the failed request. */
  declare readonly path: string | undefined;
  /** Request URL without query, fragment or credentials. */
  declare readonly url: string | undefined;

  /**
   * @param message human-readable description; must not contain secrets.
   * @param options underlying cause and the request the error belongs to.
   */
  constructor(message: string, options: OneLoginMfaErrorOptions = {}) {
    super(message, "cause" in options ? options : undefined);
    const request = options.request;
    Object.assign(this, {
      operationId: request?.operationId ?? options.operationId,
      method: request?.method,
      path: request?.path,
      url: request?.url && redactUrl(request.url),
    });
  }

  /** A plain object without secrets, used by `JSON.stringify` and structured loggers. */
  toJSON(): SafeErrorJSON {
    const json: SafeErrorJSON = { name: this.name, message: this.message };
    // Own enumerable fields are the safe details (`bodyText`, which may hold secrets, is not enumerable).
    for (const [key, value] of Object.entries(this)) if (value !== undefined) json[key] = value;
    const cause = this.cause as { name: string; message: string; code?: unknown };
    // Only Error-like causes are summarized: arbitrary objects (an abort reason, say) could hold anything.
    if (cause instanceof Error)
      json.cause = {
        name: cause.name,
        message: cause.message,
        ...(typeof cause.code === "string" && { code: cause.code }),
      };
    if (this.stack !== undefined) json.stack = this.stack;
    return json;
  }
}

/** Requests always carry operation, method and path; these subclasses say so in their types. */
interface OfRequest {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
}

/** `POST /path/{template}: ` for messages; the template, never the filled-in URL. */
const describe = (request: RequestSummary): string => `${request.method} ${request.path}: `;

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

/** The server answered with a non-2xx status. */
export class ApiError<TStatus extends number = number, TBody = unknown> extends OneLoginMfaError {
  /** HTTP status code. */
  declare readonly status: TStatus;
  /** Reason phrase, possibly empty. */
  declare readonly statusText: string;
  /** Response headers, lower-case names, with `authorization`, `cookie`, `set-cookie`, `proxy-authorization` redacted. */
  declare readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body when the response was JSON, otherwise the text, or `undefined` when empty. */
  declare readonly body: TBody;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /** @param init status, body, headers and the request the response belongs to. */
  constructor(init: ApiErrorInit<TStatus, TBody>) {
    const { status, statusText, body, request } = init;
    // The server's message: top level, or inside OneLogin v1's `{ status: { code, message } }` envelope;
    // one line, at most 300 characters, so that no unbounded server text lands in logs.
    const envelope = body as { message?: unknown; status?: { message?: unknown } } | null;
    const found = typeof envelope?.message === "string" ? envelope.message : envelope?.status?.message;
    const text = typeof found === "string" && found.replace(/[\r\n]+/g, " ").trim();
    super(
      `${describe(request)}${status}${statusText && ` ${statusText}`}${text ? ` — ${text.length > 300 ? `${text.slice(0, 300)}…` : text}` : ""}`,
      { request },
    );
    Object.assign(this, { status, statusText, headers: redactHeaders(init.headers), body });
  }
}

/** 400: the request was malformed or failed validation on the server. */
export class BadRequestError<TBody = unknown> extends ApiError<400, TBody> {
  declare readonly name: "BadRequestError";
}
/** 401: the access token is missing, invalid or expired. */
export class AuthenticationError<TBody = unknown> extends ApiError<401, TBody> {
  declare readonly name: "AuthenticationError";
}
/** 403: the credentials are valid but lack permission for this operation. */
export class PermissionDeniedError<TBody = unknown> extends ApiError<403, TBody> {
  declare readonly name: "PermissionDeniedError";
}
/** 404: the user, device or factor does not exist. */
export class NotFoundError<TBody = unknown> extends ApiError<404, TBody> {
  declare readonly name: "NotFoundError";
}
/** 409: the request conflicts with the current state of the resource. */
export class ConflictError<TBody = unknown> extends ApiError<409, TBody> {
  declare readonly name: "ConflictError";
}
/** 422: the request was well-formed but semantically invalid. */
export class UnprocessableEntityError<TBody = unknown> extends ApiError<422, TBody> {
  declare readonly name: "UnprocessableEntityError";
}
/** 429: rate limited; the `retry-after` header (RFC 9110 §10.2.3), if any, is in `headers`. */
export class RateLimitError<TBody = unknown> extends ApiError<429, TBody> {
  declare readonly name: "RateLimitError";
}
/** Any 5xx status: the server failed. */
export class InternalServerError<TBody = unknown> extends ApiError<number, TBody> {
  declare readonly name: "InternalServerError";
}

/**
 * No response was received: DNS failure, refused or reset connection, TLS failure, and so on.
 * `cause` holds the transport's error; `code` and the message name the underlying reason, which
 * platforms bury in nested causes (fetch says only "fetch failed").
 */
export class ConnectionError extends OneLoginMfaError implements OfRequest {
  /** The system error code of the innermost cause, such as `ECONNREFUSED`, when it has one. */
  declare readonly code: string | undefined;
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that failed.
   * @param cause the error the transport threw.
   */
  constructor(request: RequestSummary, cause: unknown) {
    let root = cause as Error & { code?: unknown };
    while (root instanceof Error && root.cause instanceof Error) root = root.cause;
    const code = typeof root?.code === "string" ? root.code : undefined;
    const reason = (root instanceof Error && root.message) || code;
    super(
      `${describe(request)}no response received${reason ? ` — ${reason}` : ""}${code && !reason?.includes(code) ? ` (${code})` : ""}`,
      { request, cause },
    );
    Object.assign(this, { code });
  }
}

/** The request did not complete within the configured `timeoutMs`. */
export class TimeoutError extends OneLoginMfaError implements OfRequest {
  /** The limit that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;
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
      `${describe(request)}timed out after ${timeoutMs} ms`,
      cause === undefined ? { request } : { request, cause },
    );
    Object.assign(this, { timeoutMs });
  }
}

/** The caller's `AbortSignal` aborted the request; `cause` is the signal's reason. */
export class RequestAbortedError extends OneLoginMfaError implements OfRequest {
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that was aborted.
   * @param reason the abort reason of the caller's signal.
   */
  constructor(request: RequestSummary, reason: unknown) {
    super(`${describe(request)}aborted by the caller`, { request, cause: reason });
  }
}

/** The call's arguments or options are invalid; nothing was sent. */
export class RequestValidationError extends OneLoginMfaError {
  /** Wire name of the offending parameter (or header), when one is to blame. */
  declare readonly parameter: string | undefined;
  declare readonly operationId: string;

  /**
   * @param operationId operation whose call was rejected.
   * @param problem what is wrong; must not quote secret values.
   * @param options offending parameter and underlying cause.
   */
  constructor(operationId: string, problem: string, options: { parameter?: string | undefined; cause?: unknown } = {}) {
    super(`${operationId}: ${problem}`, { ...options, operationId });
    Object.assign(this, { parameter: options.parameter });
  }
}

/** A 2xx response declared or labelled as JSON could not be parsed. */
export class ResponseParseError extends OneLoginMfaError implements OfRequest {
  /** HTTP status code of the response. */
  declare readonly status: number;
  /** Response headers, redacted like {@link ApiError.headers}. */
  declare readonly headers: Readonly<Record<string, string>>;
  /**
   * The unparseable body. Kept for debugging but left out of `toJSON()`: a successful response
   * may carry secrets (an MFA token, for instance).
   */
  declare readonly bodyText: string;
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
    const { status, bodyText } = response;
    super(`${describe(request)}${status} response body is not valid JSON (${bodyText.length} characters)`, {
      request,
      cause,
    });
    Object.assign(this, { status, headers: redactHeaders(response.headers) });
    // Not enumerable, so that nothing that walks the error's fields (loggers, toJSON) shows it.
    Object.defineProperty(this, "bodyText", { value: bodyText });
  }
}

/** The configured `accessToken` provider threw, or resolved to something other than a non-empty string. */
export class AccessTokenError extends OneLoginMfaError implements OfRequest {
  declare readonly operationId: string;
  declare readonly method: HttpMethod;
  declare readonly path: string;

  /**
   * @param request the request that needed the token.
   * @param problem what went wrong; must not quote the token.
   * @param cause the provider's error, if it threw.
   */
  constructor(request: RequestSummary, problem: string, cause?: unknown) {
    super(describe(request) + problem, cause === undefined ? { request } : { request, cause });
  }
}

/** Status-specific error classes by status; other statuses below 500 get a plain {@link ApiError}. */
const BY_STATUS: Record<number, typeof ApiError<number, unknown>> = {};

// The brand, inherited by every prototype; fixed names (immune to minification) on each, from one
// space-separated list in class order; the status table from the classes that have a status.
Object.defineProperty(OneLoginMfaError.prototype, BRAND, { value: 1 });
// The two symbol-keyed members are set here, not declared in the class, because TypeScript's
// file-by-file declaration emit (what the API reports use) declares a computed-name method twice.
// Node.js `util.inspect` hook: show the safe object rather than every own property.
Object.defineProperty(OneLoginMfaError.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value(this: OneLoginMfaError): SafeErrorJSON {
    return this.toJSON();
  },
});
// `instanceof` that also recognises errors from another copy of the SDK: true when the value's
// prototype chain holds the class's prototype, or a branded prototype of the same name. Classes
// that do not name themselves (a user's subclass) match by identity only. Subclasses inherit it,
// and `this` is whichever class stands right of `instanceof`.
Object.defineProperty(OneLoginMfaError, Symbol.hasInstance, {
  value(this: typeof OneLoginMfaError, value: unknown): boolean {
    const prototype = this.prototype;
    const name = Object.hasOwn(prototype, "name") && prototype.name;
    // Up the chain from the value's prototype; null and undefined have none.
    let proto = value as { name?: unknown } | null;
    // biome-ignore lint/suspicious/noAssignInExpressions: the shortest loop; every call ships this file.
    while (proto != null && (proto = Object.getPrototypeOf(proto)))
      if (proto === prototype || (name && BRAND in proto && Object.hasOwn(proto, "name") && proto.name === name))
        return true;
    return false;
  },
});
const CLASSES = [
  OneLoginMfaError,
  ApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  AccessTokenError,
] as (typeof OneLoginMfaError)[];
"OneLoginMfa Api BadRequest Authentication PermissionDenied NotFound Conflict UnprocessableEntity RateLimit InternalServer Connection Timeout RequestAborted RequestValidation ResponseParse AccessToken"
  .split(" ")
  .forEach((name, index) => {
    const ErrorClass = CLASSES[index] as typeof OneLoginMfaError;
    Object.defineProperty(ErrorClass.prototype, "name", { value: `${name}Error`, writable: true });
    // 400, 401, 403, 404, 409, 422, 429 in class order.
    const status = [0, 0, 400, 401, 403, 404, 409, 422, 429][index];
    if (status) BY_STATUS[status] = ErrorClass as unknown as typeof ApiError<number, unknown>;
  });

/**
 * Creates the {@link ApiError} subclass matching `init.status`: 400, 401, 403, 404, 409, 422 and
 * 429 have their own classes, every status ≥ 500 is an {@link InternalServerError}, anything else
 * is a plain {@link ApiError}.
 */
export function createApiError<TBody = unknown>(init: ApiErrorInit<number, TBody>): ApiError<number, TBody> {
  const ErrorClass = init.status > 499 ? InternalServerError : (BY_STATUS[init.status] ?? ApiError);
  return new ErrorClass(init) as ApiError<number, TBody>;
}
