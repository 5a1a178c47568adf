import type { IncomingMessage, ServerResponse } from "node:http";
import { HANDLERS } from "../handlers/index.js";
import { errorBody } from "../handlers/replies.js";
import type { HandlerResult } from "../handlers/types.js";
import { answerTokenRequest, TOKEN_ENDPOINT_PATH, TOKEN_OPERATION_ID } from "../oauth/token-endpoint.js";
import type { OAuthTokenStore } from "../oauth/token-store.js";
import type { SpecOperation } from "../spec/openapi-types.js";
import type { SpecValidator } from "../spec/spec-validator.js";
import type { MfaStore } from "../state/store.js";
import { type BodyRead, readBodyWithin } from "./body-limit.js";
import { CONTROL_PREFIX } from "./control-surface.js";
import { answerPreflight, applyCorsHeaders, isPreflight } from "./cors.js";
import { type RecordedExchange, recordExchange, type SpecViolation } from "./exchange-log.js";
import type { FaultDecision, FaultQueue } from "./faults.js";
import { isJsonContentType, sendJson } from "./http-io.js";
import type { RouteMatcher } from "./route-matcher.js";

/** Rewrites a response before it is validated; installed by the handle's test-only hook. */
export type ResponseTamperer = (result: HandlerResult, operationId: string) => HandlerResult;

/** Everything one request needs; shared by all requests of a server. */
export interface PipelineDeps {
  store: MfaStore;
  validator: SpecValidator;
  routes: RouteMatcher;
  /** Whether an `Authorization` header carries a token the API accepts (static or OAuth-issued). */
  acceptsAuthorization(header: string | undefined): boolean;
  tokens: OAuthTokenStore;
  faults: FaultQueue;
  exchanges: RecordedExchange[];
  /** The exchange log keeps only this many of the latest exchanges. */
  maxExchanges: number;
  /** Larger request bodies are answered with 413 and never stored. */
  maxBodyBytes: number;
  violations: SpecViolation[];
  /** Closes kept-alive connections that carry no request right now. */
  closeIdleConnections(): void;
  /** Answers a request under {@link CONTROL_PREFIX}. */
  control(request: IncomingMessage, response: ServerResponse, body: BodyRead): Promise<void>;
  /** Returns (and clears) the one-shot tamperer, if a test installed one. */
  takeTamperer(): ResponseTamperer | undefined;
}

/**
 * Handles one request. CORS preflights and the control surface come first and are not
 * logged. Then the body is read within the size limit (413 beyond it), the OAuth2 token
 * endpoint is served beside the spec's operations, and any injected fault pre-empts the
 * operation. An API request is routed by the spec, then checked for auth (401 before anything
 * else is revealed), path parameters and body, and handed to the operation's handler; the
 * answer is validated against the spec. One that breaks the spec is recorded as a violation
 * and replaced by a 500, so neither the test nor the client can miss it.
 */
export async function handleRequest(
  deps: PipelineDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  applyCorsHeaders(request, response);
  if (isPreflight(request)) {
    answerPreflight(request, response);
    return;
  }
  const method = request.method ?? "GET";
  const rawUrl = request.url ?? "/";
  const path = rawUrl.split(/[?#]/, 1)[0] ?? "";
  const read = await readBodyWithin(request, deps.maxBodyBytes);
  if (path.startsWith(CONTROL_PREFIX)) {
    await deps.control(request, response, read);
    return;
  }

  const exchange: RecordedExchange = {
    operationId: undefined,
    method,
    rawUrl,
    pathParams: {},
    headers: request.headers,
    requestBody: undefined,
    status: 0,
    responseBody: undefined,
    at: deps.store.clock.now(),
  };
  const finish = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    exchange.status = status;
    exchange.responseBody = body;
    recordExchange(deps.exchanges, exchange, deps.maxExchanges);
    sendJson(response, status, body, headers);
  };

  if (read.kind === "too-large") {
    finish(413, errorBody(413, `request body is larger than the fake's limit of ${read.limit} bytes`));
    return;
  }
  const bodyText = read.text;

  if (path === TOKEN_ENDPOINT_PATH) {
    exchange.operationId = TOKEN_OPERATION_ID;
    exchange.requestBody = isJsonContentType(request.headers["content-type"])
      ? parseJsonOrUndefined(bodyText)
      : undefined;
    if (!(await applyFault(deps.faults.take(TOKEN_OPERATION_ID, method), request, response, exchange, deps))) return;
    const reply = answerTokenRequest(deps.tokens, method, request.headers, bodyText);
    finish(reply.status, reply.body, reply.headers);
    return;
  }

  const match = deps.routes.match(method, rawUrl);
  if (match.kind !== "matched") {
    // No conforming client ever builds such a request, so it counts against the test.
    const status = match.kind === "wrong-method" ? 405 : 404;
    const problem =
      match.kind === "wrong-method"
        ? `${method} is not allowed here (spec allows ${match.allowed.join(", ")})`
        : `no operation in the spec matches ${method} ${rawUrl}`;
    deps.violations.push({ kind: "route", operationId: undefined, method, rawUrl, status, problems: [problem] });
    // RFC 9110 §15.5.6: a 405 must list the methods the resource does support.
    const headers: Record<string, string> =
      match.kind === "wrong-method" ? { allow: [...new Set(match.allowed)].sort().join(", ") } : {};
    finish(status, errorBody(status, problem), headers);
    return;
  }

  const { operation } = match;
  exchange.operationId = operation.operationId;
  if (!(await applyFault(deps.faults.take(operation.operationId, method), request, response, exchange, deps))) return;
  const intended = answer(deps, operation, match.rawParams, match.badEncoding, request, bodyText, exchange);
  const tamper = deps.takeTamperer();
  const result = tamper ? tamper(intended, operation.operationId) : intended;
  const problems = deps.validator.checkResponse(operation, { status: result.status, body: result.body });
  if (problems.length > 0) {
    deps.violations.push({
      kind: "response",
      operationId: operation.operationId,
      method,
      rawUrl,
      status: result.status,
      problems,
    });
    finish(500, errorBody(500, `fake server response broke the spec: ${problems.join("; ")}`));
    return;
  }
  finish(result.status, result.body);
}

/**
 * Carries out a fault. Returns `true` when the request should still be handled normally
 * (no fault, or a delay-only one), `false` when the fault answered or dropped it.
 */
async function applyFault(
  decision: FaultDecision,
  request: IncomingMessage,
  response: ServerResponse,
  exchange: RecordedExchange,
  deps: PipelineDeps,
): Promise<boolean> {
  if (decision.kind === "none") return true;
  exchange.fault =
    decision.kind === "reply"
      ? `status ${decision.status}`
      : decision.kind === "reset"
        ? "reset"
        : `delay ${decision.delayMs}ms`;
  const stillConnected = await waitWhileConnected(decision.delayMs, response);
  if (!stillConnected) {
    // The client gave up (timeout or abort) while the fault held the answer back.
    exchange.fault += ", client disconnected";
    recordExchange(deps.exchanges, exchange, deps.maxExchanges);
    return false;
  }
  if (decision.kind === "delay-then-handle") return true;
  if (decision.kind === "reset") {
    recordExchange(deps.exchanges, exchange, deps.maxExchanges);
    request.socket.resetAndDestroy();
    // Browsers silently resend after a reset on a reused connection; with the idle ones
    // closed, the resend needs a fresh connection, and a reset there is reported to the page.
    deps.closeIdleConnections();
    return false;
  }
  exchange.status = decision.status;
  exchange.responseBody = decision.body;
  recordExchange(deps.exchanges, exchange, deps.maxExchanges);
  sendJson(response, decision.status, decision.body, decision.headers);
  return false;
}

/** Waits `ms` real milliseconds; resolves `false` early if the client closes the connection. */
function waitWhileConnected(ms: number, response: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off("close", onClose);
      resolve(true);
    }, ms);
    response.once("close", onClose);
  });
}

function answer(
  deps: PipelineDeps,
  operation: SpecOperation,
  rawParams: Record<string, string>,
  badEncoding: string[],
  request: IncomingMessage,
  bodyText: string,
  exchange: RecordedExchange,
): HandlerResult {
  if (operation.requiresAuth && !deps.acceptsAuthorization(request.headers.authorization)) {
    return { status: 401, body: errorBody(401, "Authentication Failure") };
  }
  if (badEncoding.length > 0) {
    return badRequest([`path parameter ${badEncoding.join(", ")} is not valid percent-encoding`]);
  }
  const params = deps.validator.checkPathParams(operation, rawParams);
  exchange.pathParams = params.values;
  if (params.problems.length > 0) return badRequest(params.problems);

  const body = parseBody(operation, request.headers["content-type"], bodyText);
  if ("problem" in body) return badRequest([body.problem]);
  exchange.requestBody = body.value;
  const bodyProblems = deps.validator.checkRequestBody(operation, body.value);
  if (bodyProblems.length > 0) return badRequest(bodyProblems);

  const handler = HANDLERS[operation.operationId];
  if (handler === undefined) {
    // A spec operation the fake has no behaviour for: say so loudly rather than guess.
    return { status: 501, body: errorBody(501, `the fake does not implement ${operation.operationId}`) };
  }
  return handler({ store: deps.store, params: params.values, body: body.value });
}

function parseBody(
  operation: SpecOperation,
  contentType: string | undefined,
  text: string,
): { value: unknown } | { problem: string } {
  // Operations without a request body ignore whatever was sent, as servers generally do.
  if (operation.requestBody === undefined || text.length === 0) return { value: undefined };
  if (!isJsonContentType(contentType)) {
    return {
      problem: `request body must be sent as ${operation.requestBody.mediaType}, got ${contentType ?? "no Content-Type"}`,
    };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `request body is not valid JSON: ${(error as Error).message}` };
  }
}

function badRequest(problems: string[]): HandlerResult {
  return { status: 400, body: errorBody(400, `Invalid request: ${problems.join("; ")}`) };
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
