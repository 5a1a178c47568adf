import { describe, expect, it } from "vitest";
import type { AttemptEvent } from "../src/client-core.js";
import { makeClient, request } from "../src/client-core.js";
import { createLogger } from "../src/logger.js";
import type { TransportResponse } from "../src/transport.js";
import { VirtualClock } from "./support/virtual-clock.js";

const answer = (status: number): TransportResponse => ({ status, statusText: "", headers: {}, bodyText: "" });

describe("onAttempt and createLogger", () => {
  it("reports every attempt of a call under one request id, without secrets", async () => {
    const events: AttemptEvent[] = [];
    const answers = [answer(503), answer(200)];
    const client = makeClient(
      {
        accessToken: "sk-secret-token",
        headers: { cookie: "sid=cookie-secret" },
        clock: new VirtualClock(),
        onAttempt: (event) => events.push(event),
      },
      async () => answers.shift() ?? answer(200),
      { url: "https://acme.onelogin.com" },
    );
    await request(client, {
      operationId: "get_enrolled_factors",
      method: "GET",
      path: "/api/1/users/{user_id}/otp_devices",
      pathParams: { user_id: 7 },
      security: [["OAuth2"]],
    });
    expect(events.map(({ attempt, status }) => ({ attempt, status }))).toStrictEqual([
      { attempt: 1, status: 503 },
      { attempt: 2, status: 200 },
    ]);
    expect(events[0]).toMatchObject({
      operationId: "get_enrolled_factors",
      method: "GET",
      path: "/api/1/users/{user_id}/otp_devices",
    });
    expect(events[0]?.requestId).toMatch(/^[a-z0-9]+$/);
    expect(events[1]?.requestId).toBe(events[0]?.requestId);
    const shown = JSON.stringify(events);
    for (const secret of ["sk-secret-token", "cookie-secret", "/users/7"]) expect(shown).not.toContain(secret);
  });

  it("reports a connection failure as no status", async () => {
    const events: AttemptEvent[] = [];
    const client = makeClient(
      { clock: new VirtualClock(), maxRetries: 0, onAttempt: (event) => events.push(event) },
      () => Promise.reject(new TypeError("refused")),
      { url: "https://acme.onelogin.com" },
    );
    await request(client, { operationId: "x", method: "GET", path: "/x", security: [] }).catch(() => {});
    expect(events).toHaveLength(1);
    expect(events[0]?.status).toBeUndefined();
  });

  it.each<[string, { given: Partial<AttemptEvent>; want: string }]>([
    ["a response", { given: { status: 200, durationMs: 12.4 }, want: "attempt 1 → 200 in 12 ms" }],
    ["no response", { given: { status: undefined, durationMs: 3 }, want: "attempt 1 → no response in 3 ms" }],
  ])("writes one line for %s", (_name, { given, want }) => {
    const lines: string[] = [];
    const event: AttemptEvent = {
      requestId: "abc123",
      operationId: "get_enrolled_factors",
      method: "GET",
      path: "/api/1/users/{user_id}/otp_devices",
      attempt: 1,
      status: 200,
      durationMs: 0,
      ...given,
    };
    createLogger((line) => lines.push(line))(event);
    expect(lines).toStrictEqual([
      `onelogin-mfa abc123 get_enrolled_factors GET /api/1/users/{user_id}/otp_devices ${want}`,
    ]);
  });
});
