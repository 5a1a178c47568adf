import type { HttpMethod } from "./transport.js";

/**
 * When and how long to wait before repeating a failed attempt: exponential backoff with jitter,
 * or what the server asks for with `Retry-After`.
 */

/** Retries after the first attempt unless the client or call says otherwise. */
export const DEFAULT_MAX_RETRIES = 2;

/** Methods whose repetition has the same effect as one request (RFC 9110 §9.2.2); POST and PATCH are not. */
export function isIdempotent(method: HttpMethod): boolean {
  return !/^P(OS|ATC)/.test(method);
}

/** Statuses worth another attempt: 408 Request Timeout, 429 Too Many Requests, and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status > 499;
}

/**
 * The wait a `Retry-After` value asks for (RFC 9110 §10.2.3: delay-seconds or an HTTP-date),
 * at least 0 and at most 60 s (the longest wait honoured), or `undefined` when absent or unreadable.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const text = value?.trim() ?? "";
  // An HTTP-date names a weekday and month; Date.parse alone would also read "-5" as a year.
  const ms = /^\d+$/.test(text) ? +text * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.min(60_000, Math.max(0, ms));
}

/**
 * The wait before retry number `retry` (0 for the first retry): `Retry-After` when the server
 * sent a readable one, otherwise 0.5 s doubling per retry up to 8 s, shortened by up to a
 * quarter at random so that clients failing together do not retry together.
 */
export function retryDelayMs(
  retry: number,
  retryAfter: string | undefined,
  now: number,
  random: number = Math.random(),
): number {
  return retryAfterMs(retryAfter, now) ?? Math.min(8_000, 500 * 2 ** retry) * (1 - random / 4);
}
