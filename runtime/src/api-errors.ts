import { describeRequest, OneLoginMfaError, type RequestSummary } from "./error-base.js";
import { redactHeaders } from "./redact.js";
import type { HttpMethod } from "./transport.js";

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
