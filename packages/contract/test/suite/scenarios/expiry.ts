import { describe, expect, it } from "vitest";
import { expectApiError } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { sentCode } from "../device-codes.js";
import { TEST_PHONE } from "../operation-calls.js";
import { type MfaTokenResult, otpDevicesOf, SUCCESS_STATUS, stateTokenOf } from "../wire.js";

const SECOND = 1_000;

/** Time-dependent behaviour, driven by the fake's clock: nothing here waits. */
export function expiryScenarios(context: ContractContext): void {
  describe("expiry", () => {
    const seedSmsUser = () =>
      context.seedUser({
        devices: [
          { id: "early", factor: "sms", phoneNumber: TEST_PHONE, active: true },
          { id: "late", factor: "sms", phoneNumber: TEST_PHONE, active: true },
        ],
      });

    it("a state token is accepted for 120 seconds by default and refused after", async () => {
      const userId = seedSmsUser();
      const client = context.client();
      const trigger = async (deviceId: string) =>
        stateTokenOf(otpDevicesOf(await client.activateMfaFactors({ userId, deviceId }))[0]);
      const early = await trigger("early");
      const late = await trigger("late");

      context.server.clock.advance(119 * SECOND);
      const inTime = await client.verifyMfaFactor({
        userId,
        deviceId: "early",
        body: { state_token: early, otp_token: sentCode(context, userId, "early") },
      });
      expect(inTime).toEqual(SUCCESS_STATUS);

      context.server.clock.advance(1 * SECOND);
      const tooLate = client.verifyMfaFactor({
        userId,
        deviceId: "late",
        body: { state_token: late, otp_token: sentCode(context, userId, "late") },
      });
      const error = await expectApiError(context, tooLate, { status: 400, operationId: "verify_mfa_factor" });
      expect(error.body).toMatchObject({ message: expect.stringContaining("expired") });
    });

    it("a state token lives state_token_expires_in seconds when given", async () => {
      const userId = seedSmsUser();
      const client = context.client();
      const result = await client.activateMfaFactors({
        userId,
        deviceId: "late",
        body: { state_token_expires_in: 900 },
      });
      const stateToken = stateTokenOf(otpDevicesOf(result)[0]);
      context.server.clock.advance(900 * SECOND);
      const call = client.verifyMfaFactor({
        userId,
        deviceId: "late",
        body: { state_token: stateToken, otp_token: sentCode(context, userId, "late") },
      });
      await expectApiError(context, call, { status: 400, operationId: "verify_mfa_factor" });
    });

    it("an MFA token is valid until expires_in passes, then expired", async () => {
      const userId = context.seedUser();
      const { mfa_token } = (await context
        .client()
        .generateMfAtoken({ userId, body: { expires_in: 300, reusable: true } })) as MfaTokenResult;
      context.server.clock.advance(300 * SECOND - 1);
      expect(context.server.state.useMfaToken(mfa_token)).toBe("ok");
      context.server.clock.advance(1);
      expect(context.server.state.useMfaToken(mfa_token)).toBe("expired");
    });

    it("a default MFA token expires after 72 hours", async () => {
      const userId = context.seedUser();
      const { mfa_token } = (await context.client().generateMfAtoken({ userId })) as MfaTokenResult;
      context.server.clock.advance(72 * 3600 * SECOND);
      expect(context.server.state.useMfaToken(mfa_token)).toBe("expired");
    });

    it("a single-use MFA token is invalid after one use; a reusable one is not", async () => {
      const userId = context.seedUser();
      const client = context.client();
      const single = (await client.generateMfAtoken({ userId, body: { reusable: false } })) as MfaTokenResult;
      const reusable = (await client.generateMfAtoken({ userId, body: { reusable: true } })) as MfaTokenResult;
      expect([single.resuable, reusable.resuable]).toEqual([false, true]);

      expect(context.server.state.useMfaToken(single.mfa_token)).toBe("ok");
      expect(context.server.state.useMfaToken(single.mfa_token)).toBe("used");
      expect(context.server.state.useMfaToken(reusable.mfa_token)).toBe("ok");
      expect(context.server.state.useMfaToken(reusable.mfa_token)).toBe("ok");
    });
  });
}
