import { describe, expect, it } from "vitest";
import { rejectionOf } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { sentCode } from "../device-codes.js";
import { TEST_PHONE } from "../operation-calls.js";
import { otpDevicesOf, SUCCESS_STATUS, stateTokenOf } from "../wire.js";

/**
 * Device ids that break naive URL building. `device_id` is a string in the spec, so a
 * client must send each as exactly one percent-encoded segment. ("." and ".." are left
 * out: URL parsers drop them as dot segments even when written %2E, so no client can.)
 */
export const AWKWARD_DEVICE_IDS = [
  "a/b?c#d%e f é",
  "slash/inside",
  "question?mark=1",
  "hash#fragment",
  "100%",
  "%2F",
  "two  spaces",
  "plus+and&amp",
  "日本語",
  "emoji🙂",
];

/** Path parameters reach the server intact and as one segment. */
export function pathParameterScenarios(context: ContractContext): void {
  describe("path parameters", () => {
    it.each(AWKWARD_DEVICE_IDS)("removing device %j reaches the server as that one id", async (deviceId) => {
      // A decoy whose id is what a client that cut the id at the first special character would send.
      const prefix = deviceId.split(/[/?#%\s+&]/)[0];
      const decoy = prefix && prefix !== deviceId ? prefix : "decoy";
      const userId = context.seedUser({
        devices: [
          { id: deviceId, factor: "sms", phoneNumber: TEST_PHONE, active: true },
          { id: decoy, factor: "sms", phoneNumber: TEST_PHONE, active: true },
        ],
      });
      await context.client().removeMfaFactors({ userId, deviceId });
      expect(context.lastExchange("remove_mfa_factors").pathParams).toEqual({ user_id: userId, device_id: deviceId });
      expect(context.server.state.device(userId, deviceId)).toBeUndefined();
      expect(context.server.state.devices(userId).map((d) => d.id)).toEqual([decoy]);
    });

    it.each(["", ".", ".."])(
      "device id %j cannot be a path segment: RequestValidationError, nothing sent",
      async (deviceId) => {
        const userId = context.seedUser();
        const error = await rejectionOf(context.client().removeMfaFactors({ userId, deviceId }));
        const classes = context.adapter.errorClasses;
        expect(error).toBeInstanceOf(classes.RequestValidationError);
        expect(error).toBeInstanceOf(classes.OneLoginMfaError);
        expect(error).not.toBeInstanceOf(classes.ApiError);
        expect(error).toMatchObject({ name: "RequestValidationError", operationId: "remove_mfa_factors" });
        expect(context.server.state.requests).toEqual([]);
      },
    );

    it("trigger and verify work on a device whose id needs encoding", async () => {
      const deviceId = AWKWARD_DEVICE_IDS[0] as string;
      const userId = context.seedUser({ devices: [{ id: deviceId, factor: "sms", phoneNumber: TEST_PHONE }] });
      const client = context.client();
      const stateToken = stateTokenOf(otpDevicesOf(await client.activateMfaFactors({ userId, deviceId }))[0]);
      const result = await client.verifyMfaFactor({
        userId,
        deviceId,
        body: { state_token: stateToken, otp_token: sentCode(context, userId, deviceId) },
      });
      expect(result).toEqual(SUCCESS_STATUS);
      expect(context.server.state.device(userId, deviceId)?.active).toBe(true);
      expect(otpDevicesOf(await client.getEnrolledFactors({ userId }))[0]?.id).toBe(deviceId);
    });
  });
}
