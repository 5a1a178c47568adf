import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BodyRead } from "./body-limit.js";
import { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from "./control-protocol.js";
import { sendJson } from "./http-io.js";

export { CONTROL_PREFIX, CONTROL_TOKEN_HEADER } from "./control-protocol.js";

/** A control action: takes the JSON `args` array, returns a JSON-serialisable result. */
export type ControlAction = (...args: never[]) => unknown;

/**
 * The fake's test-facing handles (state, clock, faults, OAuth tokens) over HTTP, for tests
 * that cannot hold the server object, such as the contract suite running in a browser page.
 *
 * `POST /__control/<action>` with header `x-fake-control-token: <server.controlToken>` and
 * body `{"args": [...]}` (or none) answers `200 {"result": …}`; a thrown error becomes
 * `400 {"error": "<message>"}`, a wrong or missing control token `403`, an unknown action `404`.
 */
export async function answerControl(
  actions: Readonly<Record<string, ControlAction>>,
  controlToken: string,
  request: IncomingMessage,
  response: ServerResponse,
  body: BodyRead,
): Promise<void> {
  const path = (request.url ?? "").split(/[?#]/, 1)[0] ?? "";
  const name = path.slice(CONTROL_PREFIX.length);
  if (!sameSecret(request.headers[CONTROL_TOKEN_HEADER], controlToken)) {
    sendJson(response, 403, { error: `control surface needs the ${CONTROL_TOKEN_HEADER} header` });
    return;
  }
  if (request.method !== "POST") {
    sendJson(response, 405, { error: "control actions are called with POST" }, { allow: "POST" });
    return;
  }
  const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (action === undefined) {
    sendJson(response, 404, {
      error: `no control action ${JSON.stringify(name)}; known: ${Object.keys(actions).join(", ")}`,
    });
    return;
  }
  if (body.kind === "too-large") {
    sendJson(response, 413, { error: `control body exceeds ${body.limit} bytes` });
    return;
  }
  let args: unknown[];
  try {
    const parsed: unknown = body.text === "" ? {} : JSON.parse(body.text);
    const raw = (parsed as { args?: unknown }).args ?? [];
    if (!Array.isArray(raw)) throw new Error("args must be an array");
    args = raw;
  } catch (error) {
    sendJson(response, 400, { error: `control body must be {"args": [...]}: ${(error as Error).message}` });
    return;
  }
  try {
    const result: unknown = await (action as (...a: unknown[]) => unknown)(...args);
    sendJson(response, 200, result === undefined ? {} : { result });
  } catch (error) {
    sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}

function sameSecret(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== "string") return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
