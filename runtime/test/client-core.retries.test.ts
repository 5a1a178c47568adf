import { describe, expect, it } from "vitest";
import type { TokenProvider } from "../src/auth.js";
import type { ClientOptions, RequestOptions } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import {
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
} from "../src/errors.js";
import type { OperationDescriptor } from "../src/operation.js";
import type { HttpMethod, TransportRequest, TransportResponse } from "../src/transport.js";
import { VirtualClock } from "./support/virtual-clock.js";

// Retries, deadlines, token providers and the 401 refresh, on virtual time: nothing here waits.

const getFactors: OperationDescriptor = {
  operationId: "get_enrolled_factors",
  method: "GET",
  path: "/api/1/users/{user_id}/otp_devices",
  pathParams: { user_id: 7 },
  security: [["OAuth2"]],
};

const ok = (bodyText = "{}"): TransportResponse => ({
  status: 200,
  statusText: "OK",
  headers: { "content-type": "application/json" },
  bodyText,
});
const status = (code: number, headers: Record<string, string> = {}): TransportResponse => ({
  status: code,
  statusText: "",
  headers,
  bodyText: "",
});

type Answer = TransportResponse | Error | "hang" | (() => Promise<TransportResponse>);

/** A client on a virtual clock whose transport answers from a script, one entry per attempt. */
function scripted(answers: Answer[], options: ClientOptions = {}) {
  const clock = options.clock instanceof VirtualClock ? options.clock : new VirtualClock();
  const sent: TransportRequest[] = [];
  const sentAt: number[] = [];
  const client = makeClient(
    { accessToken: "tok", clock, ...options },
    async (req) => {
      sent.push(req);
      sentAt.push(clock.now());
      const answer = answers[sent.length - 1] ?? ok();
      if (answer === "hang") return new Promise<never>(() => {});
      if (typeof answer === "function") return answer();
      if (answer instanceof Error) throw answer;
      return answer;
    },
    { url: "https://acme.onelogin.com" },
  );
  const call = (method: HttpMethod = "GET", callOptions?: RequestOptions) =>
    request(client, { ...getFactors, method }, callOptions);
  return { clock, sent, sentAt, call };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error,
  );
}

describe("retries", () => {
  it.each<[string, Answer]>([
    ["a connection error", new TypeError("socket hang up")],
    ["408", status(408)],
    ["429", status(429)],
    ["500", status(500)],
    ["503", status(503)],
  ])("retries a GET after %s, then succeeds", async (_name, first) => {
    const { sent, call } = scripted([first, ok('{"a":1}')]);
    await expect(call()).resolves.toMatchObject({ status: 200, data: { a: 1 } });
    expect(sent).toHaveLength(2);
  });

  it("gives up after maxRetries (default 2) and throws the last answer's error", async () => {
    const { sent, call } = scripted([status(503), status(503), status(502), ok()]);
    expect(await failureOf(call())).toBeInstanceOf(InternalServerError);
    expect(sent).toHaveLength(3);
  });

  it("throws ConnectionError when every attempt fails to connect", async () => {
    const cause = new TypeError("refused");
    const { sent, call } = scripted([cause, cause, cause]);
    const error = await failureOf(call());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).cause).toBe(cause);
    expect(sent).toHaveLength(3);
  });

  it.each<[string, Answer]>([
    ["400", status(400)],
    ["401", status(401)],
    ["404", status(404)],
    ["409", status(409)],
  ])("does not retry %s", async (_name, answer) => {
    const { sent, call } = scripted([answer, ok()]);
    await failureOf(call());
    expect(sent).toHaveLength(1);
  });

  it.each<[string, ClientOptions, RequestOptions | undefined, number]>([
    ["maxRetries: 0 on the client", { maxRetries: 0 }, undefined, 1],
    ["maxRetries: 0 on the call", {}, { maxRetries: 0 }, 1],
    ["maxRetries: 5 on the call over 1 on the client", { maxRetries: 1 }, { maxRetries: 5 }, 6],
  ])("honours %s", async (_name, clientOptions, callOptions, attempts) => {
    const { sent, call } = scripted(Array(10).fill(status(500)), clientOptions);
    await failureOf(call("GET", callOptions));
    expect(sent).toHaveLength(attempts);
  });

  it.each<[HttpMethod, number]>([
    ["GET", 3],
    ["HEAD", 3],
    ["PUT", 3],
    ["DELETE", 3],
    ["OPTIONS", 3],
    ["POST", 1],
    ["PATCH", 1],
  ])("retries %s by default: %i attempts", async (method, attempts) => {
    const { sent, call } = scripted([status(503), status(503), status(503)]);
    await failureOf(call(method));
    expect(sent).toHaveLength(attempts);
  });

  it.each<[string, ClientOptions, RequestOptions | undefined]>([
    ["per client", { retryNonIdempotent: true }, undefined],
    ["per call", {}, { retryNonIdempotent: true }],
  ])("retries POST when opted in %s", async (_name, clientOptions, callOptions) => {
    const { sent, call } = scripted([status(503), ok()], clientOptions);
    await expect(call("POST", callOptions)).resolves.toMatchObject({ status: 200 });
    expect(sent).toHaveLength(2);
  });

  it("waits with exponential backoff and jitter between attempts", async () => {
    const { sentAt, call } = scripted([status(500), status(500), ok()]);
    await call();
    const [first = 0, second = 0, third = 0] = sentAt;
    expect(second - first).toBeGreaterThanOrEqual(375);
    expect(second - first).toBeLessThanOrEqual(500);
    expect(third - second).toBeGreaterThanOrEqual(750);
    expect(third - second).toBeLessThanOrEqual(1_000);
  });

  it.each<[string, (now: number) => string, number]>([
    ["seconds", () => "7", 7_000],
    ["an HTTP date", (now) => new Date(now + 12_000).toUTCString(), 12_000],
    ["seconds above the 60 s cap", () => "600", 60_000],
  ])("honours Retry-After in %s", async (_name, value, wait) => {
    const clock = new VirtualClock();
    const header = value(clock.now() - (clock.now() % 1000));
    const { sentAt, call } = scripted([status(429, { "retry-after": header }), ok()], { clock, timeoutMs: 0 });
    await call();
    const [first = 0, second = 0] = sentAt;
    // An HTTP-date has whole seconds; the virtual clock starts on one.
    expect(second - first).toBe(wait);
  });

  it("returns the server's answer instead of waiting past the deadline", async () => {
    const { sent, call } = scripted([status(429, { "retry-after": "30" }), ok()], { timeoutMs: 10_000 });
    const error = await failureOf(call());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(sent).toHaveLength(1);
  });

  it("never retries a caller's abort", async () => {
    const controller = new AbortController();
    const abortWhileSending = () => {
      controller.abort("stop");
      return new Promise<never>(() => {});
    };
    const { sent, call } = scripted([abortWhileSending, ok()]);
    const error = await failureOf(call("GET", { signal: controller.signal }));
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as RequestAbortedError).cause).toBe("stop");
    expect(sent).toHaveLength(1);
  });

  it("aborts a backoff wait when the caller cancels, without another attempt", async () => {
    const controller = new AbortController();
    const clock = new VirtualClock();
    clock.onSetTimeout = (ms) => {
      if (ms === 20_000) controller.abort("stop");
    };
    const { sent, call } = scripted([status(503, { "retry-after": "20" }), ok()], { clock });
    expect(await failureOf(call("GET", { signal: controller.signal }))).toBeInstanceOf(RequestAbortedError);
    expect(clock.delays).toContain(20_000);
    expect(sent).toHaveLength(1);
  });
});

describe("deadline", () => {
  it("defaults to 60 s for the whole call", async () => {
    const { clock, call } = scripted(["hang"]);
    const start = clock.now();
    const error = await failureOf(call());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 60_000 });
    expect(clock.now() - start).toBe(60_000);
  });

  it("covers every attempt and the waits between them", async () => {
    const { clock, sent, call } = scripted([status(500), "hang"], { timeoutMs: 5_000 });
    const start = clock.now();
    expect(await failureOf(call())).toBeInstanceOf(TimeoutError);
    expect(clock.now() - start).toBe(5_000);
    expect(sent).toHaveLength(2);
  });

  it("per-call timeoutMs overrides the client's", async () => {
    const { clock, call } = scripted(["hang"], { timeoutMs: 50_000 });
    const start = clock.now();
    expect(await failureOf(call("GET", { timeoutMs: 300 }))).toMatchObject({ name: "TimeoutError", timeoutMs: 300 });
    expect(clock.now() - start).toBe(300);
  });
});

describe("token providers", () => {
  it.each<[string, RequestOptions, unknown]>([
    ["the deadline", { timeoutMs: 200 }, TimeoutError],
    ["the caller's signal", { signal: AbortSignal.abort("stop") }, RequestAbortedError],
  ])("a hanging provider is cut off by %s, and no request is sent", async (_name, callOptions, want) => {
    let providerSignal: AbortSignal | undefined;
    const provider: TokenProvider = ({ signal }) => {
      providerSignal = signal;
      return new Promise<never>(() => {});
    };
    const { sent, call } = scripted([ok()], { accessToken: provider });
    const error = await failureOf(call("GET", callOptions));
    expect(error).toBeInstanceOf(want as typeof TimeoutError);
    expect(sent).toHaveLength(0);
    if (providerSignal) expect(providerSignal.aborted).toBe(true);
  });

  it("the provider's time counts against the deadline", async () => {
    const clock = new VirtualClock();
    const provider: TokenProvider = () =>
      new Promise((resolve) => {
        clock.setTimeout(() => resolve("late"), 1_000);
      });
    const { sent, call } = scripted([ok()], { accessToken: provider, clock });
    const start = clock.now();
    expect(await failureOf(call("GET", { timeoutMs: 200 }))).toBeInstanceOf(TimeoutError);
    expect(clock.now() - start).toBe(200);
    // Let the provider settle: still nothing is sent.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sent).toHaveLength(0);
  });

  it("on a 401 invalidates the provider once and repeats the call once, any method, outside maxRetries", async () => {
    let issued = 0;
    let invalidated = 0;
    const provider: TokenProvider = Object.assign(() => `t${++issued}`, {
      invalidate: () => {
        invalidated++;
      },
    });
    const { sent, call } = scripted([status(401), ok()], { accessToken: provider, maxRetries: 0 });
    await expect(call("POST")).resolves.toMatchObject({ status: 200 });
    expect(invalidated).toBe(1);
    expect(sent.map((r) => r.headers.authorization)).toStrictEqual(["Bearer t1", "Bearer t2"]);
  });

  it("a second 401 is final", async () => {
    const provider: TokenProvider = Object.assign(() => "t", { invalidate: () => {} });
    const { sent, call } = scripted([status(401), status(401), ok()], { accessToken: provider });
    expect(await failureOf(call())).toBeInstanceOf(AuthenticationError);
    expect(sent).toHaveLength(2);
  });

  it("a provider without invalidate gets no repeat on 401", async () => {
    const { sent, call } = scripted([status(401), ok()], { accessToken: () => "t" });
    expect(await failureOf(call())).toBeInstanceOf(AuthenticationError);
    expect(sent).toHaveLength(1);
  });
});

describe("operations without security", () => {
  it("drop the client's authorization header but keep the caller's for this call", async () => {
    const clock = new VirtualClock();
    const seen: TransportRequest[] = [];
    const client = makeClient(
      { headers: { Authorization: "Basic client" }, accessToken: "tok", clock },
      async (req) => {
        seen.push(req);
        return ok();
      },
      { url: "https://acme.onelogin.com" },
    );
    const open = { ...getFactors, security: [] };
    await request(client, open);
    await request(client, open, { headers: { authorization: "Bearer mine" } });
    expect(seen[0]?.headers).not.toHaveProperty("authorization");
    expect(seen[1]?.headers.authorization).toBe("Bearer mine");
  });
});
