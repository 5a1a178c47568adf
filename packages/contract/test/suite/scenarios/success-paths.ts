import { describe, expect, it } from "vitest";
import type { MfaClient, OperationId, RawResult } from "../../adapters/client-adapter.js";
import type { ContractContext } from "../contract-context.js";
import { authenticatorCode, sentCode } from "../device-codes.js";
import { FACTOR_IDS, TEST_PHONE } from "../operation-calls.js";
import { enrolledDeviceOf, type MfaTokenResult, otpDevicesOf, SUCCESS_STATUS, stateTokenOf } from "../wire.js";

/** The happy path of every operation: what the client resolves to is exactly what the server sent. */
export function successPathScenarios(context: ContractContext): void {
  describe("success paths", () => {
    it("get_mfa_factors resolves to the factors the user may enroll", async () => {
      const userId = context.seedUser({ factors: ["sms", "authenticator"] });
      const result = await context.client().getMfaFactors({ userId });
      expect(result).toEqual(context.lastExchange("get_mfa_factors").responseBody);
      expect(result).toEqual({
        status: SUCCESS_STATUS,
        data: {
          auth_factors: [
            { factor_id: FACTOR_IDS.sms, name: "SMS", auth_factor_name: "SMS" },
            { factor_id: FACTOR_IDS.authenticator, name: "Authenticator", auth_factor_name: "Google Authenticator" },
          ],
        },
      });
    });

    it("get_enrolled_factors resolves to the user's devices", async () => {
      const userId = context.seedUser({
        devices: [
          { id: "501", factor: "sms", phoneNumber: TEST_PHONE, active: true },
          { id: "502", factor: "authenticator", active: false },
        ],
      });
      const result = await context.client().getEnrolledFactors({ userId });
      expect(result).toEqual(context.lastExchange("get_enrolled_factors").responseBody);
      expect(otpDevicesOf(result).map((d) => [d.id, d.active, d.default])).toEqual([
        [501, true, true],
        [502, false, false],
      ]);
    });

    it("enroll_mfa_factor creates an inactive device and starts its verification", async () => {
      const userId = context.seedUser();
      const result = await context.client().enrollMfaFactor({
        userId,
        body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Work phone" },
      });
      expect(result).toEqual(context.lastExchange("enroll_mfa_factor").responseBody);
      const device = enrolledDeviceOf(result);
      expect(device).toMatchObject({ active: false, user_display_name: "Work phone", phone_number: TEST_PHONE });
      expect(stateTokenOf(device)).toMatch(/^[0-9a-f]{40}$/);
      expect(context.server.state.lastOtp(userId, String(device.id))).toMatch(/^[A-Z0-9]{6}$/);
    });

    it("enroll_mfa_factor with verified: true creates an active device", async () => {
      const userId = context.seedUser();
      const result = await context.client().enrollMfaFactor({
        userId,
        body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Pre-verified", verified: true },
      });
      const device = enrolledDeviceOf(result);
      expect(device).toMatchObject({ active: true, default: true });
      expect(device.state_token).toBeUndefined();
      expect(context.server.state.device(userId, String(device.id))?.active).toBe(true);
    });

    it("activate_mfa_factors returns a state token and sends a code as asked", async () => {
      const userId = context.seedUser({
        devices: [{ id: "601", factor: "sms", phoneNumber: TEST_PHONE, active: true }],
      });
      const result = await context.client().activateMfaFactors({
        userId,
        deviceId: "601",
        body: {
          state_token_expires_in: 300,
          numeric_sms_otp: true,
          sms_message: "Code {{otp_code}} ({{expiration}} min)",
        },
      });
      expect(result).toEqual(context.lastExchange("activate_mfa_factors").responseBody);
      expect(stateTokenOf(otpDevicesOf(result)[0])).toMatch(/^[0-9a-f]{40}$/);
      const message = context.server.state.lastMessage(userId, "601");
      expect(message?.code).toMatch(/^\d{6}$/);
      expect(message?.text).toBe(`Code ${message?.code} (5 min)`);
    });

    it("verify_mfa_factor with the sent code resolves to a success status and activates the device", async () => {
      const userId = context.seedUser({ devices: [{ id: "701", factor: "email" }] });
      const client = context.client();
      const stateToken = stateTokenOf(otpDevicesOf(await client.activateMfaFactors({ userId, deviceId: "701" }))[0]);
      const otp = sentCode(context, userId, "701");
      const result = await client.verifyMfaFactor({
        userId,
        deviceId: "701",
        body: { state_token: stateToken, otp_token: otp },
      });
      expect(result).toEqual(context.lastExchange("verify_mfa_factor").responseBody);
      expect(result).toEqual(SUCCESS_STATUS);
      expect(context.server.state.device(userId, "701")?.active).toBe(true);
    });

    it("remove_mfa_factors resolves to undefined and deletes the device", async () => {
      const userId = context.seedUser({
        devices: [{ id: "801", factor: "sms", phoneNumber: TEST_PHONE, active: true }],
      });
      const result = await context.client().removeMfaFactors({ userId, deviceId: "801" });
      expect(result).toBeUndefined();
      expect(context.server.state.devices(userId)).toEqual([]);
    });

    it("generate_mf_atoken defaults to a single-use token valid for 72 hours", async () => {
      const userId = context.seedUser();
      const issuedAt = context.server.clock.now();
      const result = (await context.client().generateMfAtoken({ userId, body: {} })) as MfaTokenResult;
      expect(result).toEqual(context.lastExchange("generate_mf_atoken").responseBody);
      expect(result).toEqual({
        mfa_token: expect.any(String),
        resuable: false,
        expires_at: new Date(issuedAt + 259_200_000).toISOString(),
      });
      expect(context.server.state.mfaTokens(userId).map((t) => t.token)).toEqual([result.mfa_token]);
    });

    it("generate_mf_atoken honours expires_in and reusable", async () => {
      const userId = context.seedUser();
      const issuedAt = context.server.clock.now();
      const result = (await context
        .client()
        .generateMfAtoken({ userId, body: { expires_in: 600, reusable: true } })) as MfaTokenResult;
      expect(result).toMatchObject({ resuable: true, expires_at: new Date(issuedAt + 600_000).toISOString() });
    });

    describe("each ...Raw twin resolves to { data, status, headers }", () => {
      const rawCalls: Record<OperationId, (client: MfaClient, userId: number) => Promise<RawResult>> = {
        activate_mfa_factors: (c, userId) => c.activateMfaFactorsRaw({ userId, deviceId: "901" }),
        enroll_mfa_factor: (c, userId) =>
          c.enrollMfaFactorRaw({
            userId,
            body: { number: TEST_PHONE, factor_id: FACTOR_IDS.email, display_name: "Mail" },
          }),
        generate_mf_atoken: (c, userId) => c.generateMfAtokenRaw({ userId, body: { expires_in: 60 } }),
        get_enrolled_factors: (c, userId) => c.getEnrolledFactorsRaw({ userId }),
        get_mfa_factors: (c, userId) => c.getMfaFactorsRaw({ userId }),
        remove_mfa_factors: (c, userId) => c.removeMfaFactorsRaw({ userId, deviceId: "901" }),
        verify_mfa_factor: (c, userId) =>
          c.verifyMfaFactorRaw({
            userId,
            deviceId: "902",
            body: { otp_token: authenticatorCode(context, userId, "902") },
          }),
      };

      it.each(Object.keys(rawCalls).sort() as OperationId[])("%s", async (operationId) => {
        const userId = context.seedUser({
          devices: [
            { id: "901", factor: "sms", phoneNumber: TEST_PHONE, active: true },
            { id: "902", factor: "authenticator", active: true },
          ],
        });
        const call = rawCalls[operationId];
        const raw = await call(context.client(), userId);
        const exchange = context.lastExchange(operationId);
        expect(raw.status).toBe(200);
        expect(raw.data).toEqual(exchange.responseBody);
        if (exchange.responseBody === undefined) {
          expect(raw.data).toBeUndefined();
        } else {
          expect(raw.headers["content-type"]).toMatch(/^application\/json/);
          expect(Object.keys(raw.headers).every((name) => name === name.toLowerCase())).toBe(true);
        }
      });
    });
  });
}
