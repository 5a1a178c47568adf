import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { rawCall } from "./raw-http.js";

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.state.reset();
  server.state.addUser({ id: 1, devices: [{ id: "d1", factor: "sms", phoneNumber: "+14155550100", active: true }] });
});

describe("the fake checks its own responses against the spec", () => {
  it("a body that breaks the schema is recorded as a violation and turned into a 500", async () => {
    server.state.tamperWithNextResponse((result) => ({ ...result, body: { code: "200", message: 42 } }));
    const response = await rawCall(server, "POST", "/api/1/users/1/otp_devices/d1/verify", { body: {} });
    expect(response.status).toBe(500);
    const [violation, ...rest] = server.state.takeViolations();
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ kind: "response", operationId: "verify_mfa_factor", status: 400 });
    expect(violation?.problems.join("\n")).toMatch(/code must be integer/);
    expect(violation?.problems.join("\n")).toMatch(/message must be string/);
  });

  it("a 200 envelope whose status object lacks required fields is caught", async () => {
    server.state.tamperWithNextResponse((result) => ({
      ...result,
      body: { status: { error: false }, data: { auth_factors: [] } },
    }));
    const response = await rawCall(server, "GET", "/api/1/users/1/auth_factor");
    expect(response.status).toBe(500);
    expect(server.state.takeViolations()[0]?.problems.join("\n")).toMatch(/status must have required property 'code'/);
  });

  it("a status the operation does not document is a violation", async () => {
    server.state.tamperWithNextResponse((result) => ({ ...result, status: 404 }));
    const response = await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    expect(response.status).toBe(500);
    expect(server.state.takeViolations()[0]?.problems).toEqual([
      "status 404 is not documented for get_enrolled_factors",
    ]);
  });

  it("a body where the spec documents none is a violation", async () => {
    server.state.tamperWithNextResponse((result) => ({ ...result, body: { removed: true } }));
    const response = await rawCall(server, "DELETE", "/api/1/users/1/otp_devices/d1");
    expect(response.status).toBe(500);
    expect(server.state.takeViolations()[0]?.problems).toEqual(["response 200 must have no body"]);
  });

  it("no body where the spec documents one is a violation", async () => {
    server.state.tamperWithNextResponse(() => ({ status: 200 }));
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: {} });
    expect(response.status).toBe(500);
    expect(server.state.takeViolations()[0]?.problems[0]).toMatch(/response 200 must have a application\/json body/);
  });

  it("the tolerated undocumented statuses are still checked against the shared error model", async () => {
    server.state.tamperWithNextResponse(() => ({ status: 400, body: { message: "no code" } }));
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: {} });
    expect(response.status).toBe(500);
    expect(server.state.takeViolations()[0]?.problems.join("\n")).toMatch(/must have required property 'code'/);
  });

  it("untampered answers, including tolerated 400/401 on generate_mf_atoken, record nothing", async () => {
    expect((await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: {} })).status).toBe(200);
    expect((await rawCall(server, "POST", "/api/1/users/2/mfa_token", { body: {} })).status).toBe(400);
    expect((await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: {}, token: null })).status).toBe(401);
    expect(server.state.violations).toEqual([]);
  });

  it("a request to a path or method the spec does not have is a violation (404/405)", async () => {
    const unknownPath = await rawCall(server, "GET", "/api/1/users/1/otp_device");
    const wrongMethod = await rawCall(server, "PUT", "/api/1/users/1/otp_devices");
    const unencodedSlash = await rawCall(server, "DELETE", "/api/1/users/1/otp_devices/a/b");
    expect([unknownPath.status, wrongMethod.status, unencodedSlash.status]).toEqual([404, 405, 404]);
    expect(server.state.takeViolations().map((v) => v.kind)).toEqual(["route", "route", "route"]);
  });

  it("logs what was actually sent, 500 included", async () => {
    server.state.tamperWithNextResponse((result) => ({ ...result, status: 418 }));
    await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    expect(server.state.requests.at(-1)).toMatchObject({ operationId: "get_enrolled_factors", status: 500 });
    server.state.takeViolations();
  });
});
