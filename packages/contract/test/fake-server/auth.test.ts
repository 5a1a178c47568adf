import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type RunningFakeServer, startFakeServer } from "../../src/index.js";
import { fillPath } from "./paths.js";
import { anErrorBody, rawCall } from "./raw-http.js";

let server: RunningFakeServer;
beforeAll(async () => {
  server = await startFakeServer({ token: "the-right-token" });
  server.state.addUser({ id: 1, devices: [{ id: "d1", factor: "sms", phoneNumber: "+14155550100", active: true }] });
});
afterAll(() => server.close());
afterEach(() => expect(server.state.takeViolations()).toEqual([]));

describe("bearer authentication", () => {
  // Every operation the spec lists, so an operation added to the spec is covered too.
  const operations = () => server.spec.operations.filter((op) => op.requiresAuth);

  it("the spec puts every operation behind auth", () => {
    expect(operations().length).toBe(server.spec.operations.length);
  });

  it.each([
    ["no Authorization header", null, undefined],
    ["a wrong token", "wrong-token", undefined],
    ["a token one character short", "the-right-toke", undefined],
    ["the right token under the Basic scheme", null, { authorization: "Basic the-right-token" }],
    ["an empty bearer", null, { authorization: "Bearer " }],
  ] as const)("rejects %s with 401 and an error body on every operation", async (_, token, headers) => {
    for (const operation of operations()) {
      const path = fillPath(operation, { user_id: 1, device_id: "d1" });
      const response = await rawCall(server, operation.method, path, { token, ...(headers ? { headers } : {}) });
      expect({ op: operation.operationId, status: response.status }).toEqual({
        op: operation.operationId,
        status: 401,
      });
      expect(response.body).toEqual(anErrorBody(401));
    }
  });

  it("checks auth before anything else, so unauthenticated callers learn nothing about users", async () => {
    const response = await rawCall(server, "GET", "/api/1/users/999/auth_factor", { token: null });
    expect(response.status).toBe(401);
  });

  it("accepts the right token, with the scheme in any case", async () => {
    const response = await rawCall(server, "GET", "/api/1/users/1/otp_devices", {
      token: null,
      headers: { authorization: "bearer the-right-token" },
    });
    expect(response.status).toBe(200);
  });
});
