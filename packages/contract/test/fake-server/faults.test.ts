import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { anErrorBody, rawCall } from "./raw-http.js";

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ startTime: Date.UTC(2024, 0, 1) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.state.reset();
  server.state.addUser({ id: 1 });
});
afterEach(() => expect(server.state.takeViolations()).toEqual([]));

const listFactors = () => rawCall(server, "GET", "/api/1/users/1/auth_factor");

describe("fault injection", () => {
  it.each([403, 409, 422, 429, 500, 502, 503, 504])("answers %i with the spec's Error body", async (status) => {
    server.faults.inject({ status });
    const response = await listFactors();
    expect(response.status).toBe(status);
    expect(response.body).toEqual(anErrorBody(status));
    expect((response.body as { code: number }).code).toBe(status);
    expect(server.state.requests.at(-1)).toMatchObject({ status, fault: `status ${status}` });
  });

  it("fires once by default, then the operation answers normally", async () => {
    server.faults.inject({ status: 503 });
    expect((await listFactors()).status).toBe(503);
    expect((await listFactors()).status).toBe(200);
    expect(server.faults.pending).toBe(0);
  });

  it("fires `times` times, in queue order, and only on matching requests", async () => {
    server.faults.inject({ status: 503, times: 2, match: { operationId: "get_mfa_factors" } });
    server.faults.inject({ status: 429 });
    // get_enrolled_factors does not match the first fault, so it takes the second.
    expect((await rawCall(server, "GET", "/api/1/users/1/otp_devices")).status).toBe(429);
    expect([(await listFactors()).status, (await listFactors()).status, (await listFactors()).status]).toEqual([
      503, 503, 200,
    ]);
  });

  it("matches by method too", async () => {
    server.faults.inject({ status: 409, match: { method: "post" } });
    expect((await listFactors()).status).toBe(200);
    const enroll = await rawCall(server, "POST", "/api/1/users/1/otp_devices", {
      body: { number: "+14155550100", factor_id: 101, display_name: "x" },
    });
    expect(enroll.status).toBe(409);
    expect(server.state.devices(1)).toEqual([]); // a faulted request changes no state
  });

  it.each([
    ["delay-seconds", { seconds: 7 }, "7"],
    ["an HTTP date", { at: Date.UTC(2024, 0, 1, 0, 0, 30) }, "Mon, 01 Jan 2024 00:00:30 GMT"],
  ] as const)("sends Retry-After as %s", async (_, retryAfter, want) => {
    server.faults.inject({ status: 429, retryAfter });
    const response = await listFactors();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe(want);
  });

  it("delays a reply by real milliseconds, then handles the request", async () => {
    server.faults.inject({ delayMs: 150 });
    const started = performance.now();
    const response = await listFactors();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.status).toBe(200);
    expect(server.state.requests.at(-1)).toMatchObject({ status: 200, fault: "delay 150ms" });
  });

  it("stops waiting when the client gives up during a delay", async () => {
    server.faults.inject({ delayMs: 60_000, status: 503 });
    const failure = fetch(`${server.url}/api/1/users/1/auth_factor`, {
      headers: { authorization: `Bearer ${server.token}` },
      signal: AbortSignal.timeout(50),
    });
    await expect(failure).rejects.toThrow();
    await expect.poll(() => server.state.requests.at(-1)?.fault).toBe("status 503, client disconnected");
  });

  it("resets the connection without an answer", async () => {
    server.faults.inject({ reset: true });
    const error = await listFactors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as NodeJS.ErrnoException).code).toBe("ECONNRESET");
    expect((await listFactors()).status).toBe(200);
  });

  it("applies to the OAuth2 token endpoint by its name", async () => {
    server.faults.inject({ status: 503, match: { operationId: "oauth2_token" } });
    expect((await listFactors()).status).toBe(200);
    const token = await rawCall(server, "POST", server.oauth.tokenPath, { token: null, body: {} });
    expect(token.status).toBe(503);
  });

  it("reset() drops pending faults", async () => {
    server.faults.inject({ status: 500 });
    server.state.reset();
    server.state.addUser({ id: 1 });
    expect((await listFactors()).status).toBe(200);
  });

  it.each([
    ["a status outside 400–599", { status: 302 }, /status must be an integer from 400 to 599/],
    ["zero times", { status: 500, times: 0 }, /times must be a positive integer/],
    ["a negative delay", { delayMs: -1 }, /delayMs must be a non-negative number/],
    ["reset with a status", { reset: true, status: 500 }, /reset and status exclude each other/],
    ["Retry-After without a status", { retryAfter: { seconds: 1 } }, /retryAfter needs a status/],
    ["a fractional Retry-After", { status: 429, retryAfter: { seconds: 1.5 } }, /retryAfter must be/],
  ] as const)("refuses %s", (_, fault, message) => {
    expect(() => server.faults.inject(fault)).toThrow(message);
    expect(server.faults.pending).toBe(0);
  });
});
