// @noble/hashes rather than node:crypto, so the same TOTP runs in the contract suite's browser run.
import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256, sha512 } from "@noble/hashes/sha2.js";

const HASHES = { sha1, sha256, sha512 } as const;

/** HMAC hash functions RFC 6238 allows. Authenticator apps use SHA-1. */
export type TotpAlgorithm = "sha1" | "sha256" | "sha512";

/** Parameters of a TOTP generator; the defaults match Google Authenticator and OneLogin Protect. */
export interface TotpOptions {
  /** Time step in seconds (RFC 6238 "X"); default 30. */
  stepSeconds?: number;
  /** Number of digits in the code; default 6. */
  digits?: number;
  /** HMAC hash; default `sha1`. */
  algorithm?: TotpAlgorithm;
}

/**
 * HOTP (RFC 4226 §5.3): HMAC the 8-byte big-endian counter, dynamically truncate,
 * and keep the last `digits` decimal digits (zero-padded).
 */
export function hotp(secret: Uint8Array, counter: number, digits = 6, algorithm: TotpAlgorithm = "sha1"): string {
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const mac = hmac(HASHES[algorithm], secret, message);
  // Offset is the low nibble of the last byte; the 31-bit value starts there.
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = new DataView(mac.buffer, mac.byteOffset, mac.byteLength).getUint32(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** The RFC 6238 time-step counter for a time: floor(seconds since epoch / step). */
export function totpCounter(epochMs: number, stepSeconds = 30): number {
  return Math.floor(epochMs / 1000 / stepSeconds);
}

/**
 * TOTP (RFC 6238): HOTP over the number of whole time steps since the Unix epoch.
 *
 * @param secret shared secret bytes.
 * @param epochMs time to generate the code for, in epoch milliseconds.
 */
export function totp(secret: Uint8Array, epochMs: number, options: TotpOptions = {}): string {
  const step = options.stepSeconds ?? 30;
  return hotp(secret, totpCounter(epochMs, step), options.digits ?? 6, options.algorithm ?? "sha1");
}

/**
 * Checks a TOTP code, accepting the current step and `window` steps either side
 * to tolerate clock drift between the device and the server (RFC 6238 §5.2).
 */
export function verifyTotp(
  secret: Uint8Array,
  code: string,
  epochMs: number,
  options: TotpOptions & { window?: number } = {},
): boolean {
  const step = options.stepSeconds ?? 30;
  const digits = options.digits ?? 6;
  if (code.length !== digits || !/^\d+$/.test(code)) return false;
  const current = totpCounter(epochMs, step);
  const window = options.window ?? 1;
  for (let delta = -window; delta <= window; delta += 1) {
    if (current + delta < 0) continue;
    if (hotp(secret, current + delta, digits, options.algorithm ?? "sha1") === code) return true;
  }
  return false;
}
