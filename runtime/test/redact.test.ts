import { describe, expect, it } from "vitest";
import { redactHeaders, redactUrl } from "../src/redact.js";

describe("redactUrl", () => {
  it.each([
    ["a URL without query", { given: "https://x.test/api/1/users/1", want: "https://x.test/api/1/users/1" }],
    ["a query", { given: "https://x.test/p?access_token=abc&page=1", want: "https://x.test/p" }],
    ["an empty query", { given: "https://x.test/p?", want: "https://x.test/p" }],
    ["a fragment", { given: "https://x.test/p#access_token=t", want: "https://x.test/p" }],
    ["a query with a line break", { given: "https://x.test/p?a=1\n2", want: "https://x.test/p" }],
    ["user-info", { given: "https://user:pw@x.test/p", want: "https://x.test/p" }],
    ["an @ in the path only", { given: "https://x.test/users/a@b", want: "https://x.test/users/a@b" }],
    ["a relative URL", { given: "/api?token=t", want: "/api" }],
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
