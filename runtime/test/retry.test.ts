import { describe, expect, it } from "vitest";
import { isIdempotent, isRetryableStatus, retryAfterMs, retryDelayMs } from "../src/retry.js";
import type { HttpMethod } from "../src/transport.js";

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe("retryAfterMs", () => {
  it.each<[string, { given: string | undefined; want: number | undefined }]>([
    ["absent", { given: undefined, want: undefined }],
    ["delay-seconds", { given: "3", want: 3_000 }],
    ["zero seconds", { given: "0", want: 0 }],
    ["seconds with whitespace", { given: " 7 ", want: 7_000 }],
    ["seconds above the cap", { given: "3600", want: 60_000 }],
    ["an HTTP-date 10 s ahead", { given: "Thu, 01 Jan 2026 12:00:10 GMT", want: 10_000 }],
    ["an HTTP-date in the past", { given: "Thu, 01 Jan 2026 11:00:00 GMT", want: 0 }],
    ["an HTTP-date far ahead", { given: "Fri, 02 Jan 2026 12:00:00 GMT", want: 60_000 }],
    ["garbage", { given: "soon", want: undefined }],
    ["a negative number", { given: "-5", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(retryAfterMs(given, NOW)).toBe(want);
  });
});

describe("retryDelayMs", () => {
  it.each<[string, { given: { retry: number; random: number }; want: number }]>([
    ["first retry, no jitter", { given: { retry: 0, random: 0 }, want: 500 }],
    ["first retry, full jitter", { given: { retry: 0, random: 1 }, want: 375 }],
    ["second retry doubles", { given: { retry: 1, random: 0 }, want: 1_000 }],
    ["backoff stops at 8 s", { given: { retry: 10, random: 0 }, want: 8_000 }],
  ])("%s", (_name, { given, want }) => {
    expect(retryDelayMs(given.retry, undefined, NOW, given.random)).toBe(want);
  });

  it("follows Retry-After over backoff", () => {
    expect(retryDelayMs(0, "2", NOW, 0.5)).toBe(2_000);
  });

  it("falls back to backoff for an unreadable Retry-After", () => {
    expect(retryDelayMs(1, "later", NOW, 0)).toBe(1_000);
  });
});

describe("isRetryableStatus", () => {
  it.each<[number, boolean]>([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [200, false],
  ])("%i → %s", (status, want) => {
    expect(isRetryableStatus(status)).toBe(want);
  });
});

describe("isIdempotent", () => {
  it.each<[HttpMethod, boolean]>([
    ["GET", true],
    ["HEAD", true],
    ["PUT", true],
    ["DELETE", true],
    ["OPTIONS", true],
    ["TRACE", true],
    ["POST", false],
    ["PATCH", false],
  ])("%s → %s", (method, want) => {
    expect(isIdempotent(method)).toBe(want);
  });
});
