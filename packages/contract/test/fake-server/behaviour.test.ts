import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { base32Decode, type RunningFakeServer, startFakeServer, totp } from "../../src/index.js";
import { rawCall } from "./raw-http.js";

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

type Device = { id: number | string; active: boolean; state_token?: string };
const devicesOf = (body: unknown) => (body as { data: { otp_devices: Device[] } }).data.otp_devices;
const enrolled = (body: unknown) => (body as { data: Device[] }).data[0] as Device;

async function enroll(factorId: number, extra: Record<string, unknown> = {}): Promise<Device> {
  const response = await rawCall(server, "POST", "/api/1/users/1/otp_devices", {
    body: { number: "+14155550100", factor_id: factorId, display_name: "test device", ...extra },
  });
  expect(response.status).toBe(200);
  return enrolled(response.body);
}

const verify = (deviceId: string, body: Record<string, unknown>) =>
  rawCall(server, "POST", `/api/1/users/1/otp_devices/${encodeURIComponent(deviceId)}/verify`, { body });

describe("enroll, trigger, verify, remove", () => {
  it("an SMS device starts inactive, gets a code, and is active after verifying it", async () => {
    const device = await enroll(101);
    expect(device).toMatchObject({ active: false, state_token: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const id = String(device.id);
    const code = server.state.lastOtp(1, id) as string;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const wrong = await verify(id, {
      state_token: device.state_token,
      otp_token: code === "AAAAAA" ? "BBBBBB" : "AAAAAA",
    });
    expect(wrong.status).toBe(401);
    const right = await verify(id, { state_token: device.state_token, otp_token: code });
    expect(right).toMatchObject({ status: 200, body: { code: 200, error: false } });
    expect(server.state.device(1, id)).toMatchObject({ active: true, isDefault: true });

    const again = await verify(id, { state_token: device.state_token, otp_token: code });
    expect(again.status).toBe(400); // the state token was spent
  });

  it("verified: true activates at once, with no state token and no message", async () => {
    const device = await enroll(101, { verified: true });
    expect(device.active).toBe(true);
    expect(device.state_token).toBeUndefined();
    expect(server.state.lastMessage(1, String(device.id))).toBeUndefined();
  });

  it("trigger honours numeric_sms_otp and the sms_message template", async () => {
    const id = String((await enroll(101, { verified: true })).id);
    const response = await rawCall(server, "POST", `/api/1/users/1/otp_devices/${id}/trigger`, {
      body: {
        numeric_sms_otp: true,
        sms_message: "ABC Co code {{otp_code}}, valid {{expiration}} min",
        state_token_expires_in: 300,
      },
    });
    expect(response.status).toBe(200);
    const message = server.state.lastMessage(1, id);
    expect(message?.code).toMatch(/^\d{6}$/);
    expect(message?.text).toBe(`ABC Co code ${message?.code}, valid 5 min`);
    expect(devicesOf(response.body)[0]?.state_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it("an authenticator device verifies with the TOTP of its secret", async () => {
    const device = await enroll(102);
    const id = String(device.id);
    const secret = base32Decode(server.state.totpSecret(1, id) as string);
    const wrong = await verify(id, {
      state_token: device.state_token,
      otp_token: totp(secret, server.clock.now() - 120_000),
    });
    expect(wrong.status).toBe(401);
    const right = await verify(id, { state_token: device.state_token, otp_token: totp(secret, server.clock.now()) });
    expect(right.status).toBe(200);
    expect(server.state.device(1, id)?.active).toBe(true);
  });

  it("a OneLogin Protect push is pending until approved", async () => {
    const device = await enroll(103);
    const id = String(device.id);
    const pending = await verify(id, { state_token: device.state_token });
    expect(pending).toMatchObject({ status: 200, body: { code: 200, type: "pending" } });
    expect(server.state.device(1, id)?.active).toBe(false);
    server.state.approvePush(1, id);
    const approved = await verify(id, { state_token: device.state_token });
    expect(approved).toMatchObject({ status: 200, body: { type: "success" } });
    expect(server.state.device(1, id)?.active).toBe(true);
  });

  it("factors needing a trigger cannot be verified without a state token", async () => {
    const id = String((await enroll(104)).id);
    const response = await verify(id, { otp_token: server.state.lastOtp(1, id) });
    expect(response.status).toBe(400);
  });

  it("a state token of another device is refused", async () => {
    const first = await enroll(101);
    const second = await enroll(101);
    const response = await verify(String(second.id), {
      state_token: first.state_token,
      otp_token: server.state.lastOtp(1, String(first.id)),
    });
    expect(response.status).toBe(400);
  });

  it("remove deletes the device and lists reflect every change", async () => {
    const id = String((await enroll(101, { verified: true })).id);
    const before = await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    expect(devicesOf(before.body).map((d) => String(d.id))).toEqual([id]);
    const removed = await rawCall(server, "DELETE", `/api/1/users/1/otp_devices/${id}`);
    expect(removed).toMatchObject({ status: 200, text: "" });
    const after = await rawCall(server, "GET", "/api/1/users/1/otp_devices");
    expect(devicesOf(after.body)).toEqual([]);
    expect((await rawCall(server, "DELETE", `/api/1/users/1/otp_devices/${id}`)).status).toBe(400);
  });

  it("available factors reflect the user's seeding; unknown users get 404 there and 400 elsewhere", async () => {
    server.state.addUser({ id: 2, factors: ["authenticator"] });
    const factors = await rawCall(server, "GET", "/api/1/users/2/auth_factor");
    expect((factors.body as { data: { auth_factors: unknown[] } }).data.auth_factors).toEqual([
      { factor_id: 102, name: "Authenticator", auth_factor_name: "Google Authenticator" },
    ]);
    expect((await rawCall(server, "GET", "/api/1/users/404/auth_factor")).status).toBe(404);
    expect((await rawCall(server, "GET", "/api/1/users/404/otp_devices")).status).toBe(400);
    const notOffered = await rawCall(server, "POST", "/api/1/users/2/otp_devices", {
      body: { number: "+14155550100", factor_id: 101, display_name: "x" },
    });
    expect(notOffered.status).toBe(400);
  });
});

describe("expiry follows the injected clock", () => {
  it("a state token lives 120 s by default", async () => {
    const early = await enroll(101);
    const late = await enroll(101);
    server.clock.advance(119_000);
    expect(
      (
        await verify(String(early.id), {
          state_token: early.state_token,
          otp_token: server.state.lastOtp(1, String(early.id)),
        })
      ).status,
    ).toBe(200);
    server.clock.advance(1_000);
    const expired = await verify(String(late.id), {
      state_token: late.state_token,
      otp_token: server.state.lastOtp(1, String(late.id)),
    });
    expect(expired.status).toBe(400);
    expect((expired.body as { message: string }).message).toMatch(/expired/);
  });

  it("a state token lives state_token_expires_in seconds when given", async () => {
    const id = String((await enroll(101, { verified: true })).id);
    const trigger = await rawCall(server, "POST", `/api/1/users/1/otp_devices/${id}/trigger`, {
      body: { state_token_expires_in: 600 },
    });
    const stateToken = devicesOf(trigger.body)[0]?.state_token;
    server.clock.advance(600_000);
    expect((await verify(id, { state_token: stateToken, otp_token: server.state.lastOtp(1, id) })).status).toBe(400);
  });

  it("an MFA token defaults to 72 h, single use", async () => {
    const issuedAt = server.clock.now();
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", { body: {} });
    expect(response.body).toEqual({
      mfa_token: expect.any(String),
      resuable: false,
      expires_at: new Date(issuedAt + 259_200_000).toISOString(),
    });
    const token = (response.body as { mfa_token: string }).mfa_token;
    expect(server.state.useMfaToken(token)).toBe("ok");
    expect(server.state.useMfaToken(token)).toBe("used");
    expect(server.state.useMfaToken("nope")).toBe("unknown");
  });

  it("a reusable MFA token works repeatedly until expires_in passes", async () => {
    const response = await rawCall(server, "POST", "/api/1/users/1/mfa_token", {
      body: { expires_in: 60, reusable: true },
    });
    const token = (response.body as { mfa_token: string }).mfa_token;
    expect(server.state.useMfaToken(token)).toBe("ok");
    server.clock.advance(59_999);
    expect(server.state.useMfaToken(token)).toBe("ok");
    server.clock.advance(1);
    expect(server.state.useMfaToken(token)).toBe("expired");
    expect(server.state.mfaTokens(1)).toEqual([expect.objectContaining({ token, reusable: true, uses: 2 })]);
  });
});

describe("path parameters arrive as one intact segment", () => {
  // Not "." or "..": URL parsers (WHATWG, hence fetch) remove dot segments even when
  // written as %2E, so no HTTP client can send them as a path segment.
  const awkwardIds = [
    "a/b?c#d%e f é",
    "slash/inside",
    "question?mark",
    "hash#tag",
    "100%",
    "two words",
    "日本語",
    "%2F",
    "+plus&amp=;",
  ];

  it.each(awkwardIds)("device id %j", async (deviceId) => {
    server.state.addDevice(1, { id: deviceId, factor: "sms", phoneNumber: "+14155550100", active: true });
    const response = await rawCall(server, "DELETE", `/api/1/users/1/otp_devices/${encodeURIComponent(deviceId)}`);
    expect(response.status).toBe(200);
    expect(server.state.requests.at(-1)?.pathParams).toEqual({ user_id: 1, device_id: deviceId });
    expect(server.state.device(1, deviceId)).toBeUndefined();
  });

  it("an id that is not encoded is not silently taken for another", async () => {
    server.state.addDevice(1, { id: "a/b", factor: "sms", active: true });
    server.state.addDevice(1, { id: "a", factor: "sms", active: true });
    const response = await rawCall(server, "POST", "/api/1/users/1/otp_devices/a/b/trigger", { body: {} });
    expect(response.status).toBe(404);
    expect(server.state.takeViolations()).toHaveLength(1);
  });
});
