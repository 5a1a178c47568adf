import { describe, expect, it } from "vitest";
import { redactHeaders, redactUrl } from "../src/redact.js";

describe("redactUrl", () => {
  it.each([
    ["a URL without query", { given: "https://x.test/api/1/users/1", want: "https://x.test/api/1/users/1" }],
    ["harmless query values", { given: "https://x.test/p?page=2&q=a%20b", want: "https://x.test/p?page=2&q=a%20b" }],
    [
      "token",
      { given: "https://x.test/p?access_token=abc&page=1", want: "https://x.test/p?access_token=[REDACTED]&page=1" },
    ],
    ["secret", { given: "https://x.test/p?client_secret=abc", want: "https://x.test/p?client_secret=[REDACTED]" }],
    ["password", { given: "https://x.test/p?Password=abc", want: "https://x.test/p?Password=[REDACTED]" }],
    ["otp", { given: "https://x.test/p?otp=123456", want: "https://x.test/p?otp=[REDACTED]" }],
    ["key", { given: "https://x.test/p?api_key=k", want: "https://x.test/p?api_key=[REDACTED]" }],
    ["code", { given: "https://x.test/p?code=c&state=s", want: "https://x.test/p?code=[REDACTED]&state=s" }],
    [
      "an encoded secret name",
      { given: "https://x.test/p?filter%5Btoken%5D=t", want: "https://x.test/p?filter%5Btoken%5D=[REDACTED]" },
    ],
    [
      "repeated secret names",
      { given: "https://x.test/p?otp=1&otp=2", want: "https://x.test/p?otp=[REDACTED]&otp=[REDACTED]" },
    ],
    ["user-info", { given: "https://user:pw@x.test/p", want: "https://[REDACTED]@x.test/p" }],
    ["a fragment", { given: "https://x.test/p?a=1#access_token=t", want: "https://x.test/p?a=1#[REDACTED]" }],
    ["a relative URL", { given: "/api?token=t", want: "/api?token=[REDACTED]" }],
  ])("handles %s", (_name, { given, want }) => {
    expect(redactUrl(given)).toBe(want);
  });
});

describe("redactHeaders", () => {
  it("redacts credential headers in any case and lower-cases names", () => {
    expect(
      redactHeaders({ Authorization: "Bearer t", "Set-Cookie": "a=b", "X-Ok": "1", "WWW-Authenticate": "Bearer" }),
    ).toStrictEqual({
      authorization: "[REDACTED]",
      "set-cookie": "[REDACTED]",
      "x-ok": "1",
      "www-authenticate": "Bearer",
    });
  });
});
