import { timingSafeEqual } from "node:crypto";

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 7235 §2.1). */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return /^bearer +(\S+)\s*$/i.exec(header ?? "")?.[1];
}

/**
 * Whether an Authorization header carries the expected bearer token. The token is compared
 * in constant time out of habit, not because a fake needs it.
 */
export function hasValidBearer(header: string | undefined, expectedToken: string): boolean {
  const presented = bearerTokenOf(header);
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expectedToken);
  return a.length === b.length && timingSafeEqual(a, b);
}
