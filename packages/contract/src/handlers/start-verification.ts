import type { DeviceRecord, StateTokenRecord, UserRecord } from "../state/records.js";
import { newOneTimeCode } from "../state/secrets.js";
import type { MfaStore } from "../state/store.js";
import { errorReply } from "./replies.js";
import type { HandlerResult } from "./types.js";

/** Documented limits of the verification window (activate_mfa_factors docs). */
export const STATE_TOKEN_TTL = { defaultSeconds: 120, maxSeconds: 900 } as const;

/** The SMS text when the caller sends no `sms_message` template. */
export const DEFAULT_SMS_TEMPLATE =
  "Your OneLogin security code is {{otp_code}}. It expires in {{expiration}} minutes.";

// "Max length of the message after template items are inserted is 160 characters."
const SMS_MAX_LENGTH = 160;

/** Options of one verification start, taken from the activate body (enroll uses the defaults). */
export interface VerificationOptions {
  ttlSeconds: number;
  numericCode: boolean;
  smsTemplate: string | undefined;
}

/**
 * Opens a verification window for a device: issues a state token and delivers what the
 * factor needs (a code by SMS or email, a push for Protect; nothing for a TOTP app).
 * Returns a 400 reply instead when the SMS text would exceed 160 characters.
 */
export function startVerification(
  store: MfaStore,
  user: UserRecord,
  device: DeviceRecord,
  options: VerificationOptions,
): StateTokenRecord | HandlerResult {
  const kind = device.factor.kind;
  if (kind === "sms" || kind === "email") {
    // Email codes are alphanumeric too; numeric_sms_otp is documented for SMS only.
    const code = newOneTimeCode(kind === "sms" && options.numericCode);
    const template = kind === "sms" ? (options.smsTemplate ?? DEFAULT_SMS_TEMPLATE) : DEFAULT_SMS_TEMPLATE;
    const text = template
      .replaceAll("{{otp_code}}", code)
      .replaceAll("{{expiration}}", String(Math.ceil(options.ttlSeconds / 60)));
    if (kind === "sms" && text.length > SMS_MAX_LENGTH) {
      return errorReply(
        400,
        `sms_message is ${text.length} characters after templating; the maximum is ${SMS_MAX_LENGTH}`,
      );
    }
    store.send({ userId: user.id, deviceId: device.id, channel: kind, code, text });
    return store.issueStateToken(user, device, options.ttlSeconds, code);
  }
  if (kind === "protect") device.pushApproved = false;
  return store.issueStateToken(user, device, options.ttlSeconds, undefined);
}
