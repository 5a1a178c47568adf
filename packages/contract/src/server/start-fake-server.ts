import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createManualClock, createOffsetClock, type FakeClock } from "../clock.js";
import { errorBody } from "../handlers/replies.js";
import { loadSpec } from "../spec/load-spec.js";
import type { LoadedSpec } from "../spec/openapi-types.js";
import { SpecValidator } from "../spec/spec-validator.js";
import type { OutboundMessage } from "../state/records.js";
import { MfaStore } from "../state/store.js";
import { createStateHandle, type FakeServerState } from "../state-handle.js";
import type { RecordedExchange, SpecViolation } from "./exchange-log.js";
import { handleRequest, type ResponseTamperer } from "./request-pipeline.js";
import { RouteMatcher } from "./route-matcher.js";

/** Options of {@link startFakeServer}; every one is optional. */
export interface FakeServerOptions {
  /** Port to listen on; default 0 (any free port). The host is always 127.0.0.1. */
  port?: number;
  /** Bearer token the server accepts; a random one by default. */
  token?: string;
  /**
   * Time source. When given, the clock follows it (plus whatever `clock.advance` adds);
   * when omitted, the clock is frozen at `startTime` and moves only via `clock.advance`.
   */
  now?: () => number;
  /** Start of the frozen clock, epoch ms; defaults to the real time at start. Ignored with `now`. */
  startTime?: number;
  /** Spec file to load instead of the repository's `spec/openapi.yaml`. */
  specPath?: string;
  /** Already parsed spec document; wins over `specPath`. */
  specDocument?: Record<string, unknown>;
  /** Called for every SMS/email code "sent" (the CLI prints them). */
  onMessage?: (message: OutboundMessage) => void;
}

/** A running fake server. */
export interface RunningFakeServer {
  /** Base URL, e.g. `http://127.0.0.1:54321` (no trailing slash). */
  url: string;
  /** Bearer token to send as `Authorization: Bearer <token>`. */
  token: string;
  /** Seed data, inspect state, collect violations. */
  state: FakeServerState;
  /** The clock every expiry is measured against. */
  clock: FakeClock;
  /** The spec the server routes and validates by. */
  spec: LoadedSpec;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts a stateful, in-memory fake of the OneLogin MFA v1 API on 127.0.0.1.
 * Routes, parameter types and body schemas come from the OpenAPI document at start;
 * every request and response is validated against it.
 */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<RunningFakeServer> {
  const spec = loadSpec({
    ...(options.specPath !== undefined ? { path: options.specPath } : {}),
    ...(options.specDocument !== undefined ? { document: options.specDocument } : {}),
  });
  const validator = new SpecValidator(spec);
  const clock = options.now ? createOffsetClock(options.now) : createManualClock(options.startTime ?? Date.now());
  const store = new MfaStore(clock, options.onMessage);
  const token = options.token ?? randomBytes(24).toString("base64url");
  const exchanges: RecordedExchange[] = [];
  const violations: SpecViolation[] = [];
  let tamperer: ResponseTamperer | undefined;
  const deps = {
    store,
    validator,
    routes: new RouteMatcher(spec.operations),
    token,
    exchanges,
    violations,
    takeTamperer() {
      const taken = tamperer;
      tamperer = undefined;
      return taken;
    },
  };

  const server = createServer((request, response) => {
    handleRequest(deps, request, response).catch((error: unknown) => {
      // A bug in the fake itself: record it like a violation so the running test fails.
      const problem = `fake server crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      violations.push({
        kind: "response",
        operationId: undefined,
        method: request.method ?? "",
        rawUrl: request.url ?? "",
        status: 500,
        problems: [problem],
      });
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify(errorBody(500, problem)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    state: createStateHandle({ store, exchanges, violations, setTamperer: (t) => (tamperer = t) }),
    clock,
    spec,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
