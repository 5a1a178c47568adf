import { deviceToWire } from "../state/wire-shapes.js";
import { envelope, errorReply } from "./replies.js";
import { findDevice, findUser, isReply, optionalBoolean, optionalInteger, optionalString } from "./request-reading.js";
import { STATE_TOKEN_TTL, startVerification } from "./start-verification.js";
import type { OperationHandler } from "./types.js";

/**
 * activate_mfa_factors — POST /api/1/users/{user_id}/otp_devices/{device_id}/trigger.
 * Starts a verification: sends a code (SMS/email) or a push (Protect) and returns the
 * device with a fresh `state_token` valid for `state_token_expires_in` seconds
 * (default 120, max 900, as documented; enforced here too because the spec may not say so).
 * Unknown user or device → 400, the only documented error besides 401.
 */
export const activateMfaFactors: OperationHandler = (context) => {
  const user = findUser(context, 400);
  if (isReply(user)) return user;
  const device = findDevice(context, user);
  if (isReply(device)) return device;

  const ttl = optionalInteger(context.body, "state_token_expires_in");
  if (isReply(ttl)) return ttl;
  if (ttl !== undefined && (ttl < 1 || ttl > STATE_TOKEN_TTL.maxSeconds)) {
    return errorReply(400, `state_token_expires_in must be between 1 and ${STATE_TOKEN_TTL.maxSeconds} seconds`);
  }
  const verification = startVerification(context.store, user, device, {
    ttlSeconds: ttl ?? STATE_TOKEN_TTL.defaultSeconds,
    numericCode: optionalBoolean(context.body, "numeric_sms_otp", false),
    smsTemplate: optionalString(context.body, "sms_message"),
  });
  if (isReply(verification)) return verification;
  return envelope({ otp_devices: [deviceToWire(device, verification.token)] });
};
