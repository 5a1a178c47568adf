// The runtime's public surface: what each client package's index re-exports. Everything
// else in the runtime is internal and may change between releases without a major bump.
export type { AccessToken, TokenProvider } from "./auth.js";
export type { ApiResponse, ClientOptions, RequestOptions } from "./client-core.js";
export type { RequestSummary, SafeErrorJSON } from "./errors.js";
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
export type { HttpMethod, Transport, TransportRequest, TransportResponse } from "./transport.js";
