import type { DeviceRecord, StateTokenRecord, UserRecord } from "../state/records.js";
import { verifyTotp } from "../totp.js";
import { errorReply, SUCCESS_STATUS } from "./replies.js";
import { findDevice, findUser, isReply, optionalString } from "./request-reading.js";
import type { HandlerContext, HandlerResult, OperationHandler } from "./types.js";

/**
 * verify_mfa_factor — POST /api/1/users/{user_id}/otp_devices/{device_id}/verify.
 * Checks `otp_token` (the sent code, or a TOTP code for authenticator/Protect devices)
 * within the window of `state_token`, then activates the device. The 200 body is the
 * error model itself, as the spec says; a Protect push still waiting for approval
 * answers 200 with `type: "pending"`, so callers can poll.
 * Errors: unknown user/device, missing/unknown/expired state token, missing code → 400;
 * a wrong code → 401 (the API's "Failed authentication with this factor").
 */
export const verifyMfaFactor: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  const device = findDevice(context, user);
  if (isReply(device)) return device;

  const window = findVerificationWindow(context, user, device);
  if (isReply(window)) return window;

  const otp = optionalString(context.body, "otp_token");
  if (otp === undefined) {
    if (device.factor.kind !== "protect" || window === undefined) return errorReply(400, "otp_token is required");
    if (!device.pushApproved) {
      return {
        status: 200,
        body: { code: 200, type: "pending", error: false, message: "Authentication pending on OneLogin Protect" },
      };
    }
  } else if (!codeMatches(context, device, window, otp)) {
    return errorReply(401, "Failed authentication with this factor");
  }

  if (window !== undefined) context.store.stateTokens.delete(window.token);
  device.pushApproved = false;
  context.store.activateDevice(user, device);
  return { status: 200, body: { ...SUCCESS_STATUS } };
};

// The state token names the verification window; factors needing a trigger cannot do without one.
function findVerificationWindow(
  context: HandlerContext,
  user: UserRecord,
  device: DeviceRecord,
): StateTokenRecord | undefined | HandlerResult {
  const token = optionalString(context.body, "state_token");
  if (token === undefined) {
    return device.factor.needsTrigger
      ? errorReply(400, "state_token is required for this factor; call activate_mfa_factors first")
      : undefined;
  }
  const record = context.store.stateTokens.get(token);
  if (record === undefined || record.userId !== user.id || record.deviceId !== device.id) {
    return errorReply(400, "Invalid state_token");
  }
  if (context.store.liveStateToken(token) === undefined) {
    return errorReply(400, "state_token has expired; activate the factor again");
  }
  return record;
}

function codeMatches(
  context: HandlerContext,
  device: DeviceRecord,
  window: StateTokenRecord | undefined,
  otp: string,
): boolean {
  if (device.totpSecret !== undefined) return verifyTotp(device.totpSecret, otp, context.store.clock.now());
  // Sent codes are shown in upper case; accept what a user might type.
  return window?.expectedCode !== undefined && window.expectedCode === otp.trim().toUpperCase();
}
