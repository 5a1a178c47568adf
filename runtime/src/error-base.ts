import { redactUrl } from "./redact.js";
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

/** `POST /path/{template}` for messages; the template, never the filled-in URL. */
export function describeRequest(request: RequestSummary): string {
  return `${request.method} ${request.path}`;
}
