// The runtime's public surface: what each client package's index re-exports. Everything
// else in the runtime is internal and may change between releases without a major bump.
export type { Clock } from "./abort.js";
export type { AccessToken, TokenProvider } from "./auth.js";
export type { ApiResponse, AttemptEvent, CallSettings, Client, ClientOptions, RequestOptions } from "./client-core.js";
export type { ApiErrorInit, RequestSummary, SafeErrorJSON } from "./errors.js";
export {
  AccessTokenError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  OneLoginMfaError,
  PermissionDeniedError,
  RateLimitError,
  RequestAbortedError,
  RequestValidationError,
  ResponseParseError,
  TimeoutError,
  UnprocessableEntityError,
} from "./errors.js";
export type { ServerTemplate } from "./server.js";
export type { HttpMethod, Transport, TransportRequest, TransportResponse } from "./transport.js";
