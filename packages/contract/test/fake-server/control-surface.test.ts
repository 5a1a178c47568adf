import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { rawCall } from "./raw-http.js";

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ startTime: Date.UTC(2024, 0, 1), controlToken: "control-secret" });
});
afterAll(() => server.close());
beforeEach(() => server.state.reset());

async function control(action: string, args: unknown[] = [], key: string | null = "control-secret") {
  const response = await fetch(`${server.url}/__control/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key === null ? {} : { "x-fake-control-token": key }) },
    body: JSON.stringify({ args }),
  });
  return { status: response.status, body: (await response.json()) as { result?: unknown; error?: string } };
}

describe("HTTP control surface", () => {
  it("seeds and reads state exactly as the in-process handle does", async () => {
    const seeded = await control("state/addUser", [{ id: 7, devices: [{ id: "d1", factor: "sms", active: true }] }]);
    expect(seeded).toEqual({ status: 200, body: { result: server.state.devices(7) } });
    expect((await control("state/device", [7, "d1"])).body.result).toEqual(server.state.device(7, "d1"));
    await rawCall(server, "GET", "/api/1/users/7/otp_devices");
    const requests = (await control("state/requests")).body.result as Array<{ rawUrl: string; status: number }>;
    expect(requests.map((r) => [r.rawUrl, r.status])).toEqual([["/api/1/users/7/otp_devices", 200]]);
  });

  it("advances and sets the clock", async () => {
    const before = server.clock.now();
    await control("clock/advance", [60_000]);
    expect((await control("clock/now")).body.result).toBe(before + 60_000);
    await control("clock/set", [Date.UTC(2030, 0, 1)]);
    expect(server.clock.now()).toBe(Date.UTC(2030, 0, 1));
  });

  it("injects and clears faults", async () => {
    server.state.addUser({ id: 1 });
    await control("faults/inject", [{ status: 503, times: 2 }]);
    expect((await rawCall(server, "GET", "/api/1/users/1/otp_devices")).status).toBe(503);
    await control("faults/clear");
    expect((await rawCall(server, "GET", "/api/1/users/1/otp_devices")).status).toBe(200);
  });

  it("hands out a port nothing listens on", async () => {
    const port = (await control("unused-port")).body.result as number;
    expect(Number.isInteger(port) && port > 0).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  it("serves the spec document it routes by", async () => {
    expect((await control("spec")).body.result).toEqual(server.spec.document);
  });

  it.each([
    ["no control token", null, 403],
    ["the API's bearer token", "bearer-is-not-enough", 403],
  ])("refuses %s with %i and changes nothing", async (_, key, status) => {
    const response = await control("state/addUser", [{ id: 8 }], key === "bearer-is-not-enough" ? server.token : key);
    expect(response.status).toBe(status);
    expect(() => server.state.devices(8)).toThrow(/no user 8/);
  });

  it("answers 404 naming the known actions for an unknown one, and never routes to the API", async () => {
    const response = await control("state/tamperWithNextResponse");
    expect(response.status).toBe(404);
    expect(response.body.error).toMatch(/known: state\/addUser/);
    expect(server.state.requests).toEqual([]);
    expect(server.state.violations).toEqual([]);
  });

  it("turns a thrown error into 400 with its message", async () => {
    expect(await control("state/devices", [404])).toEqual({
      status: 400,
      body: { error: "fake server has no user 404" },
    });
    expect((await control("faults/inject", [{ status: 200 }])).body.error).toMatch(/status must be an integer/);
  });

  it("refuses a body that is not {args: [...]}", async () => {
    const response = await fetch(`${server.url}/__control/clock/now`, {
      method: "POST",
      headers: { "x-fake-control-token": "control-secret" },
      body: '{"args": 5}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/args must be an array/) });
  });

  it("answers the browser's preflight for the control header", async () => {
    const response = await fetch(`${server.url}/__control/clock/now`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:63315",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-fake-control-token",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("x-fake-control-token");
  });
});
