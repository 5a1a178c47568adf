import { describeRequest, OneLoginMfaError, type RequestSummary } from "./error-base.js";
import { redactHeaders } from "./redact.js";
import type { HttpMethod } from "./transport.js";

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
