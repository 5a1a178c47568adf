import { describe, expect, it } from "vitest";
import type { ContractContext } from "../contract-context.js";
import { authenticatorCode, sentCode } from "../device-codes.js";
import { FACTOR_IDS, TEST_PHONE } from "../operation-calls.js";
import { enrolledDeviceOf, otpDevicesOf, SUCCESS_STATUS, stateTokenOf } from "../wire.js";

/** Multi-step journeys, each step checked against the server's state. */
export function flowScenarios(context: ContractContext): void {
  describe("flows", () => {
    it("enroll → trigger → verify → list → remove (SMS)", async () => {
      const userId = context.seedUser();
      const client = context.client();

      const enrolled = enrolledDeviceOf(
        await client.enrollMfaFactor({
          userId,
          body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" },
        }),
      );
      const deviceId = String(enrolled.id);
      expect(otpDevicesOf(await client.getEnrolledFactors({ userId })).map((d) => [String(d.id), d.active])).toEqual([
        [deviceId, false],
      ]);

      // Re-send: a new trigger replaces the code, and the new state token is the one to use.
      const triggered = otpDevicesOf(
        await client.activateMfaFactors({ userId, deviceId, body: { state_token_expires_in: 300 } }),
      );
      const stateToken = stateTokenOf(triggered[0]);
      expect(stateToken).not.toBe(enrolled.state_token);
      const verified = await client.verifyMfaFactor({
        userId,
        deviceId,
        body: { state_token: stateToken, otp_token: sentCode(context, userId, deviceId) },
      });
      expect(verified).toEqual(SUCCESS_STATUS);

      const listed = otpDevicesOf(await client.getEnrolledFactors({ userId }));
      expect(listed).toEqual([
        expect.objectContaining({
          id: enrolled.id,
          active: true,
          default: true,
          auth_factor_name: "SMS",
          needs_trigger: true,
        }),
      ]);

      await client.removeMfaFactors({ userId, deviceId });
      expect(otpDevicesOf(await client.getEnrolledFactors({ userId }))).toEqual([]);
      expect(context.server.state.devices(userId)).toEqual([]);
    });

    it("authenticator: enroll, then verify with the TOTP of the device's secret", async () => {
      const userId = context.seedUser();
      const client = context.client();
      const enrolled = enrolledDeviceOf(
        await client.enrollMfaFactor({
          userId,
          body: { number: TEST_PHONE, factor_id: FACTOR_IDS.authenticator, display_name: "Authenticator app" },
        }),
      );
      const deviceId = String(enrolled.id);
      expect(enrolled).toMatchObject({ active: false, needs_trigger: false });
      // Authenticator factors need no trigger, so the code alone (no state token) proves possession.
      const result = await client.verifyMfaFactor({
        userId,
        deviceId,
        body: { otp_token: authenticatorCode(context, userId, deviceId) },
      });
      expect(result).toEqual(SUCCESS_STATUS);
      expect(context.server.state.device(userId, deviceId)?.active).toBe(true);
    });

    it("OneLogin Protect: verify reports pending until the push is approved", async () => {
      const userId = context.seedUser({ devices: [{ id: "protect-1", factor: "protect" }] });
      const client = context.client();
      const stateToken = stateTokenOf(
        otpDevicesOf(await client.activateMfaFactors({ userId, deviceId: "protect-1" }))[0],
      );
      const poll = () => client.verifyMfaFactor({ userId, deviceId: "protect-1", body: { state_token: stateToken } });

      expect(await poll()).toMatchObject({ code: 200, type: "pending", error: false });
      expect(context.server.state.device(userId, "protect-1")?.active).toBe(false);
      context.server.state.approvePush(userId, "protect-1");
      expect(await poll()).toEqual(SUCCESS_STATUS);
      expect(context.server.state.device(userId, "protect-1")?.active).toBe(true);
    });
  });
}
