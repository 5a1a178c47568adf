/**
 * Error classes of the reference client, mirroring the names and fields the generated
 * clients promise, so the suite can be proven against the fake before they exist.
 */

/** Root of everything the reference client throws. */
export class OneLoginMfaError extends Error {
  override name = "OneLoginMfaError";
}

/** Fields of a non-2xx answer. */
export interface ApiErrorInit {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  operationId: string;
  method: string;
  url: string;
}

/** A non-2xx answer. */
export class ApiError extends OneLoginMfaError {
  override name = "ApiError";
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly operationId: string;
  readonly method: string;
  readonly url: string;

  constructor(init: ApiErrorInit) {
    super(`${init.operationId} failed with HTTP ${init.status}`);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
  }
}

/** HTTP 400. */
export class BadRequestError extends ApiError {
  override name = "BadRequestError";
}

/** HTTP 401. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
}

/** HTTP 404. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
}

/** HTTP 403. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
}

/** HTTP 409. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
}

/** HTTP 422. */
export class UnprocessableEntityError extends ApiError {
  override name = "UnprocessableEntityError";
}

/** HTTP 429. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
}

/** HTTP 5xx. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
}

/** No answer within the call's `timeoutMs`. */
export class TimeoutError extends OneLoginMfaError {
  override name = "TimeoutError";
}

/** The accessToken provider failed; its error is the cause. */
export class AccessTokenError extends OneLoginMfaError {
  override name = "AccessTokenError";
}

/** No HTTP answer was obtained. */
export class ConnectionError extends OneLoginMfaError {
  override name = "ConnectionError";
}

/** Arguments rejected before sending. */
export class RequestValidationError extends OneLoginMfaError {
  override name = "RequestValidationError";
  readonly operationId: string;

  constructor(operationId: string, problem: string) {
    super(`${operationId}: ${problem}`);
    this.operationId = operationId;
  }
}

/** The ApiError subclass for a status. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  if (init.status === 400) return new BadRequestError(init);
  if (init.status === 401) return new AuthenticationError(init);
  if (init.status === 404) return new NotFoundError(init);
  if (init.status === 403) return new PermissionDeniedError(init);
  if (init.status === 409) return new ConflictError(init);
  if (init.status === 422) return new UnprocessableEntityError(init);
  if (init.status === 429) return new RateLimitError(init);
  if (init.status >= 500) return new InternalServerError(init);
  return new ApiError(init);
}
