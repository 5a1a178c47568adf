import { randomBytes, randomInt } from "node:crypto";

/** A state token in the API's style: 40 lower-case hex characters. */
export function newStateToken(): string {
  return randomBytes(20).toString("hex");
}

/** A temporary MFA token: 48 hex characters, distinct in look from state tokens. */
export function newMfaToken(): string {
  return randomBytes(24).toString("hex");
}

/** A 20-byte TOTP secret, the size RFC 4226 recommends for HMAC-SHA1. */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

const ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/**
 * A one-time code for SMS or email. OneLogin sends alphanumeric codes (e.g. `B41832`)
 * unless `numeric_sms_otp` asks for six digits.
 */
export function newOneTimeCode(numeric: boolean): string {
  let code = "";
  for (let i = 0; i < 6; i += 1) {
    code += numeric ? String(randomInt(10)) : ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  }
  return code;
}
