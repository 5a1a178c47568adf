import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createManualClock, createOffsetClock, type FakeClock } from "../clock.js";
import { errorBody } from "../handlers/replies.js";
import { TOKEN_ENDPOINT_PATH } from "../oauth/token-endpoint.js";
import {
  DEFAULT_TOKEN_TTL_SECONDS,
  type IssuedToken,
  type OAuthClient,
  OAuthTokenStore,
} from "../oauth/token-store.js";
import { loadSpec } from "../spec/load-spec.js";
import type { LoadedSpec } from "../spec/openapi-types.js";
import { SpecValidator } from "../spec/spec-validator.js";
import type { OutboundMessage } from "../state/records.js";
import { MfaStore } from "../state/store.js";
import { createStateHandle, type FakeServerState } from "../state-handle.js";
import { bearerTokenOf, hasValidBearer } from "./auth.js";
import { type BodyRead, DEFAULT_MAX_BODY_BYTES } from "./body-limit.js";
import { buildControlActions } from "./control-actions.js";
import { answerControl } from "./control-surface.js";
import { DEFAULT_MAX_EXCHANGES, type RecordedExchange, type SpecViolation } from "./exchange-log.js";
import { FaultQueue, type FaultSpec } from "./faults.js";
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
  /** How many of the latest exchanges `state.requests` keeps; default 500. */
  maxExchanges?: number;
  /** Request bodies above this many bytes get a 413 and are never stored; default 1 MiB. */
  maxBodyBytes?: number;
  /** Credential pairs the OAuth2 token endpoint accepts; default one random pair (`server.oauth.client`). */
  oauthClients?: OAuthClient[];
  /** Lifetime of issued access tokens in seconds, on the fake clock; default 36000 (OneLogin's 10 hours). */
  tokenTtlSeconds?: number;
  /** Secret of the HTTP control surface (`x-fake-control-token`); random by default. */
  controlToken?: string;
}

/** Injected faults, in process; the control surface offers the same as `faults/inject` and `faults/clear`. */
export interface FaultsHandle {
  /** Queues a fault for the next matching request(s). */
  inject(fault: FaultSpec): void;
  /** Drops every pending fault (`state.reset()` does too). */
  clear(): void;
  /** Faults still waiting to fire. */
  readonly pending: number;
}

/** The OAuth2 token endpoint's side of the fake. */
export interface OAuthHandle {
  /** The first accepted credential pair. */
  client: OAuthClient;
  /** Path of the token endpoint, `/auth/oauth2/v2/token`. */
  tokenPath: string;
  /** Tokens issued since the last reset, oldest first. */
  issued(): IssuedToken[];
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
  /** Fault injection. */
  faults: FaultsHandle;
  /** OAuth2 client-credentials token endpoint. */
  oauth: OAuthHandle;
  /** Secret for the HTTP control surface under `/__control/` (header `x-fake-control-token`). */
  controlToken: string;
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
  const controlToken = options.controlToken ?? randomBytes(24).toString("base64url");
  const oauthClients = options.oauthClients ?? [
    { clientId: randomBytes(12).toString("hex"), clientSecret: randomBytes(24).toString("hex") },
  ];
  const firstClient = oauthClients[0];
  if (firstClient === undefined) throw new RangeError("oauthClients must list at least one client");
  const tokens = new OAuthTokenStore(clock, oauthClients, options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const faults = new FaultQueue();
  const exchanges: RecordedExchange[] = [];
  const violations: SpecViolation[] = [];
  let tamperer: ResponseTamperer | undefined;
  const state = createStateHandle({
    store,
    exchanges,
    violations,
    setTamperer: (t) => (tamperer = t),
    onReset() {
      faults.clear();
      tokens.reset();
    },
  });
  const faultsHandle: FaultsHandle = {
    inject: (fault) => faults.inject(fault),
    clear: () => faults.clear(),
    get pending() {
      return faults.size;
    },
  };
  const oauth: OAuthHandle = {
    client: { ...firstClient },
    tokenPath: TOKEN_ENDPOINT_PATH,
    issued: () => tokens.issued(),
  };
  const actions = buildControlActions({ state, clock, faults: faultsHandle, oauth, spec });
  const deps = {
    store,
    validator,
    routes: new RouteMatcher(spec.operations),
    acceptsAuthorization: (header: string | undefined) => {
      if (hasValidBearer(header, token)) return true;
      const presented = bearerTokenOf(header);
      return presented !== undefined && tokens.accepts(presented);
    },
    tokens,
    faults,
    exchanges,
    maxExchanges: positiveInteger("maxExchanges", options.maxExchanges ?? DEFAULT_MAX_EXCHANGES),
    maxBodyBytes: positiveInteger("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
    violations,
    closeIdleConnections: () => server.closeIdleConnections(),
    control: (request: IncomingMessage, response: ServerResponse, body: BodyRead) =>
      answerControl(actions, controlToken, request, response, body),
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
    state,
    clock,
    spec,
    faults: faultsHandle,
    oauth,
    controlToken,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
