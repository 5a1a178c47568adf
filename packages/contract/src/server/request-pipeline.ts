import type { IncomingMessage, ServerResponse } from "node:http";
import { HANDLERS } from "../handlers/index.js";
import { errorBody } from "../handlers/replies.js";
import type { HandlerResult } from "../handlers/types.js";
import type { SpecOperation } from "../spec/openapi-types.js";
import type { SpecValidator } from "../spec/spec-validator.js";
import type { MfaStore } from "../state/store.js";
import { hasValidBearer } from "./auth.js";
import type { RecordedExchange, SpecViolation } from "./exchange-log.js";
import { isJsonContentType, readBodyText, sendJson } from "./http-io.js";
import type { RouteMatcher } from "./route-matcher.js";

/** Rewrites a response before it is validated; installed by the handle's test-only hook. */
export type ResponseTamperer = (result: HandlerResult, operationId: string) => HandlerResult;

/** Everything one request needs; shared by all requests of a server. */
export interface PipelineDeps {
  store: MfaStore;
  validator: SpecValidator;
  routes: RouteMatcher;
  token: string;
  exchanges: RecordedExchange[];
  violations: SpecViolation[];
  /** Returns (and clears) the one-shot tamperer, if a test installed one. */
  takeTamperer(): ResponseTamperer | undefined;
}

/**
 * Handles one request: route by the spec, then auth (401 before anything else is
 * revealed), path parameters, body, the operation's handler; then validates the answer
 * against the spec. An answer that breaks the spec is recorded as a violation and
 * replaced by a 500, so neither the test nor the client can miss it.
 */
export async function handleRequest(
  deps: PipelineDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const method = request.method ?? "GET";
  const rawUrl = request.url ?? "/";
  const bodyText = await readBodyText(request);
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
  const finish = (status: number, body: unknown) => {
    exchange.status = status;
    exchange.responseBody = body;
    deps.exchanges.push(exchange);
    sendJson(response, status, body);
  };

  const match = deps.routes.match(method, rawUrl);
  if (match.kind !== "matched") {
    // No conforming client ever builds such a request, so it counts against the test.
    const status = match.kind === "wrong-method" ? 405 : 404;
    const problem =
      match.kind === "wrong-method"
        ? `${method} is not allowed here (spec allows ${match.allowed.join(", ")})`
        : `no operation in the spec matches ${method} ${rawUrl}`;
    deps.violations.push({ kind: "route", operationId: undefined, method, rawUrl, status, problems: [problem] });
    finish(status, errorBody(status, problem));
    return;
  }

  const { operation } = match;
  exchange.operationId = operation.operationId;
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

function answer(
  deps: PipelineDeps,
  operation: SpecOperation,
  rawParams: Record<string, string>,
  badEncoding: string[],
  request: IncomingMessage,
  bodyText: string,
  exchange: RecordedExchange,
): HandlerResult {
  if (operation.requiresAuth && !hasValidBearer(request.headers.authorization, deps.token)) {
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
