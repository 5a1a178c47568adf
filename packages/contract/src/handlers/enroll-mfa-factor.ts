import { deviceToWire } from "../state/wire-shapes.js";
import { envelope, errorReply } from "./replies.js";
import { findUser, isReply, optionalBoolean, optionalInteger, optionalString } from "./request-reading.js";
import { STATE_TOKEN_TTL, startVerification } from "./start-verification.js";
import type { OperationHandler } from "./types.js";

// E.164: "+", a non-zero country code digit, at most 15 digits in all.
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * enroll_mfa_factor — POST /api/1/users/{user_id}/otp_devices.
 * Creates a device. With `verified: true` it is active at once; otherwise it stays
 * inactive and a verification starts right away (an SMS/email code is sent), whose
 * `state_token` is returned on the device for verify_mfa_factor.
 * Errors (all 400, the only documented error besides 401): unknown user, user without
 * MFA, a factor the user is not offered, an SMS number not in E.164 form.
 */
export const enrollMfaFactor: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  if (!user.mfaEnabled) return errorReply(400, `MFA is not enabled for user ${user.id}`);

  const factorId = optionalInteger(context.body, "factor_id");
  if (isReply(factorId)) return factorId;
  const factor = user.factors.find((f) => f.factorId === factorId);
  if (factor === undefined) return errorReply(400, `Factor ${String(factorId)} is not available to user ${user.id}`);

  const displayName = optionalString(context.body, "display_name")?.trim();
  if (!displayName) return errorReply(400, "display_name must not be empty");
  const number = optionalString(context.body, "number");
  if (factor.kind === "sms" && (number === undefined || !E164.test(number))) {
    return errorReply(400, "number must be a phone number in E.164 format, e.g. +14155550100");
  }

  const device = context.store.addDevice(user, {
    factor: factor.kind,
    displayName,
    ...(factor.kind === "sms" && number !== undefined ? { phoneNumber: number } : {}),
  });
  if (optionalBoolean(context.body, "verified", false)) {
    context.store.activateDevice(user, device);
    return envelope([deviceToWire(device)]);
  }
  const verification = startVerification(context.store, user, device, {
    ttlSeconds: STATE_TOKEN_TTL.defaultSeconds,
    numericCode: false,
    smsTemplate: undefined,
  });
  if (isReply(verification)) return verification;
  return envelope([deviceToWire(device, verification.token)]);
};
