import { describe, expect, it } from "vitest";
import type { OperationId } from "../../adapters/client-adapter.js";
import { expectApiError } from "../api-error-expectations.js";
import type { ContractContext } from "../contract-context.js";
import { sentCode } from "../device-codes.js";
import { FACTOR_IDS, OPERATION_IDS, TEST_PHONE, WELL_FORMED_CALLS } from "../operation-calls.js";
import { enrolledDeviceOf, stateTokenOf } from "../wire.js";

const DEVICE_OPERATIONS: OperationId[] = ["activate_mfa_factors", "remove_mfa_factors", "verify_mfa_factor"];

/**
 * Status the fake answers for an unknown user: 404 where the spec documents it
 * (get_mfa_factors only), else 400 — documented everywhere except generate_mf_atoken,
 * which documents no error at all and gets the same 400 as its siblings.
 */
const UNKNOWN_USER_STATUS = (operationId: OperationId) => (operationId === "get_mfa_factors" ? 404 : 400);

/** Every error status the spec documents, provoked the way a real caller would. */
export function errorStatusScenarios(context: ContractContext): void {
  describe("error statuses", () => {
    it.each(OPERATION_IDS)("%s rejects a wrong access token with AuthenticationError (401)", async (operationId) => {
      const userId = context.seedUser({
        devices: [{ id: "d1", factor: "sms", phoneNumber: TEST_PHONE, active: true }],
      });
      const client = context.clientWith({ baseUrl: context.server.url, accessToken: "not-the-token" });
      const call = WELL_FORMED_CALLS[operationId](client, { userId, deviceId: "d1" });
      const error = await expectApiError(context, call, { status: 401, operationId });
      expect(error.body).toMatchObject({ code: 401, error: true });
    });

    it.each(OPERATION_IDS)("%s answers an unknown user with the documented status", async (operationId) => {
      const status = UNKNOWN_USER_STATUS(operationId);
      const call = WELL_FORMED_CALLS[operationId](context.client(), {
        userId: context.unknownUserId(),
        deviceId: "d1",
      });
      const error = await expectApiError(context, call, { status, operationId });
      expect(error.body).toMatchObject({ code: status, message: expect.stringContaining("not found") });
    });

    it.each(DEVICE_OPERATIONS)("%s answers an unknown device with BadRequestError (400)", async (operationId) => {
      const userId = context.seedUser();
      const call = WELL_FORMED_CALLS[operationId](context.client(), { userId, deviceId: "no-such-device" });
      await expectApiError(context, call, { status: 400, operationId });
    });

    it("get_mfa_factors answers a user without an MFA policy with BadRequestError (400)", async () => {
      const userId = context.seedUser({ mfaEnabled: false });
      await expectApiError(context, context.client().getMfaFactors({ userId }), {
        status: 400,
        operationId: "get_mfa_factors",
      });
    });

    it("enroll_mfa_factor rejects a factor the user is not offered with BadRequestError (400)", async () => {
      const userId = context.seedUser({ factors: ["authenticator"] });
      const call = context.client().enrollMfaFactor({
        userId,
        body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" },
      });
      await expectApiError(context, call, { status: 400, operationId: "enroll_mfa_factor" });
      expect(context.server.state.devices(userId)).toEqual([]);
    });

    it("enroll_mfa_factor rejects an SMS number not in E.164 form with BadRequestError (400)", async () => {
      const userId = context.seedUser();
      const call = context.client().enrollMfaFactor({
        userId,
        body: { number: "(415) 555-0100", factor_id: FACTOR_IDS.sms, display_name: "Phone" },
      });
      await expectApiError(context, call, { status: 400, operationId: "enroll_mfa_factor" });
    });

    it("activate_mfa_factors rejects an SMS text over 160 characters with BadRequestError (400)", async () => {
      const userId = context.seedUser({
        devices: [{ id: "d1", factor: "sms", phoneNumber: TEST_PHONE, active: true }],
      });
      const call = context.client().activateMfaFactors({
        userId,
        deviceId: "d1",
        body: { sms_message: `${"Please use this code to sign in. ".repeat(5)}{{otp_code}}` },
      });
      await expectApiError(context, call, { status: 400, operationId: "activate_mfa_factors" });
      expect(context.server.state.lastMessage(userId, "d1")).toBeUndefined();
    });

    it("verify_mfa_factor rejects an unknown state token with BadRequestError (400)", async () => {
      const userId = context.seedUser({ devices: [{ id: "d1", factor: "sms", phoneNumber: TEST_PHONE }] });
      const call = context.client().verifyMfaFactor({
        userId,
        deviceId: "d1",
        body: { state_token: "0".repeat(40), otp_token: "ABC123" },
      });
      await expectApiError(context, call, { status: 400, operationId: "verify_mfa_factor" });
    });

    it("verify_mfa_factor rejects a wrong code with AuthenticationError (401) and leaves the device inactive", async () => {
      const userId = context.seedUser();
      const client = context.client();
      const device = enrolledDeviceOf(
        await client.enrollMfaFactor({
          userId,
          body: { number: TEST_PHONE, factor_id: FACTOR_IDS.sms, display_name: "Phone" },
        }),
      );
      const deviceId = String(device.id);
      const wrongCode = sentCode(context, userId, deviceId) === "AAAAAA" ? "BBBBBB" : "AAAAAA";
      const call = client.verifyMfaFactor({
        userId,
        deviceId,
        body: { state_token: stateTokenOf(device), otp_token: wrongCode },
      });
      const error = await expectApiError(context, call, { status: 401, operationId: "verify_mfa_factor" });
      expect(error.body).toMatchObject({ message: "Failed authentication with this factor" });
      expect(context.server.state.device(userId, deviceId)?.active).toBe(false);
    });
  });
}
