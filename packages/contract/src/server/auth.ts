import { timingSafeEqual } from "node:crypto";

/**
 * Whether an Authorization header carries the expected bearer token. The scheme
 * name is case-insensitive (RFC 7235 §2.1); the token is compared in constant time
 * out of habit, not because a fake needs it.
 */
export function hasValidBearer(header: string | undefined, expectedToken: string): boolean {
  const match = /^bearer +(\S+)\s*$/i.exec(header ?? "");
  const presented = match?.[1];
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expectedToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
