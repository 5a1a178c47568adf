import { base32Decode, totp } from "../../src/portable.js";
import type { ContractContext } from "./contract-context.js";

/**
 * The code an authenticator app would show right now: RFC 6238 over the secret the fake
 * reveals to tests (what the enrollment QR code would carry), at the fake's clock.
 */
export function authenticatorCode(context: ContractContext, userId: number, deviceId: string, offsetMs = 0): string {
  const secret = context.server.state.totpSecret(userId, deviceId);
  if (secret === undefined) throw new Error(`device ${deviceId} has no TOTP secret`);
  return totp(base32Decode(secret), context.server.clock.now() + offsetMs);
}

/** The code in the last SMS or email the fake sent to a device. */
export function sentCode(context: ContractContext, userId: number, deviceId: string): string {
  const code = context.server.state.lastOtp(userId, deviceId);
  if (code === undefined) throw new Error(`nothing was sent to device ${deviceId}`);
  return code;
}
