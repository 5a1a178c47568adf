import { describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/generate/args.js";

describe("parseGenerateArgs", () => {
  it.each([
    ["no flags", { given: [], want: { check: false, apiReports: true } }],
    [
      "all flags",
      {
        given: ["--spec", "a.yaml", "--out", "o", "--check", "--no-api-reports"],
        want: { spec: "a.yaml", out: "o", check: true, apiReports: false },
      },
    ],
    [
      "inline values",
      { given: ["--spec=a.yaml", "--out=o"], want: { spec: "a.yaml", out: "o", check: false, apiReports: true } },
    ],
    ["pnpm's -- separator", { given: ["--", "--check"], want: { check: true, apiReports: true } }],
    [
      "package identity flags",
      {
        given: ["--scope", "@acme", "--config=sdk.yaml"],
        want: { scope: "@acme", config: "sdk.yaml", check: false, apiReports: true },
      },
    ],
  ] as const)("%s", (_name, { given, want }) => {
    expect(parseGenerateArgs([...given])).toEqual(want);
  });

  it.each([
    ["unknown flag", ["--sepc", "a"], /unknown argument "--sepc"/],
    ["missing value", ["--spec"], /--spec needs a value/],
  ] as const)("rejects %s", (_name, given, message) => {
    expect(() => parseGenerateArgs([...given])).toThrow(message);
  });
});
