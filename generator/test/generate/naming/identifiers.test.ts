import { describe, expect, it } from "vitest";
import { camelCase, isPlainIdentifier, pascalCase, pascalWords } from "../../../src/generate/naming/identifiers.js";

describe("identifiers", () => {
  it.each([
    ["snake case", { given: "get_enrolled_factors", pascal: "GetEnrolledFactors", camel: "getEnrolledFactors" }],
    ["kebab case", { given: "user-info", pascal: "UserInfo", camel: "userInfo" }],
    ["already Pascal", { given: "OtpDevice", pascal: "OtpDevice", camel: "otpDevice" }],
    ["inner capitals kept", { given: "getMFAToken", pascal: "GetMFAToken", camel: "getMFAToken" }],
    ["leading digit guarded", { given: "2fa status", pascal: "_2faStatus", camel: "_2faStatus" }],
    ["non-ASCII letters kept", { given: "café_menü", pascal: "CaféMenü", camel: "caféMenü" }],
    ["only punctuation", { given: "--", pascal: "", camel: "" }],
  ])("%s", (_name, { given, pascal, camel }) => {
    expect(pascalCase(given)).toBe(pascal);
    expect(camelCase(given)).toBe(camel);
  });

  it("keeps a leading digit as it is in a part appended to a name", () => {
    expect(pascalWords("200")).toBe("200");
    expect(pascalWords("application/x-www-form-urlencoded")).toBe("ApplicationXWwwFormUrlencoded");
  });

  it.each([
    ["plain", "getUser", true],
    ["reserved word", "delete", false],
    ["built-in member", "constructor", false],
    ["starts with digit", "2fa", false],
    ["has a dash", "get-user", false],
  ])("isPlainIdentifier: %s", (_name, given, want) => {
    expect(isPlainIdentifier(given)).toBe(want);
  });
});
