import type { HandlerResult } from "./types.js";

/** Body of an error response, per the spec's error model `{code, message, error?, type?}`. */
export interface ErrorBody {
  code: number;
  message: string;
  error: boolean;
  type: string;
}

// The `type` strings OneLogin's v1 API uses in its status objects.
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: "bad request",
  401: "Unauthorized",
  403: "forbidden",
  404: "not found",
  405: "method not allowed",
  408: "request timeout",
  409: "conflict",
  413: "payload too large",
  422: "unprocessable entity",
  429: "too many requests",
  500: "internal server error",
  502: "bad gateway",
  503: "service unavailable",
  504: "gateway timeout",
};

/** The `status` object of a successful v1 envelope (same model as errors, `error: false`). */
export const SUCCESS_STATUS: ErrorBody = { error: false, code: 200, type: "success", message: "Success" };

/** An error body for a status, with the API's `type` wording. */
export function errorBody(status: number, message: string): ErrorBody {
  return { code: status, message, error: true, type: ERROR_TYPES[status] ?? "error" };
}

/** An error response. */
export function errorReply(status: number, message: string): HandlerResult {
  return { status, body: errorBody(status, message) };
}

/** A 200 v1 envelope: `{status, data}`. */
export function envelope(data: unknown): HandlerResult {
  return { status: 200, body: { status: SUCCESS_STATUS, data } };
}
