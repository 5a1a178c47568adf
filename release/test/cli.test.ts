import { describe, expect, it } from "vitest";
import { parseReleaseArgs } from "../src/cli.js";

describe("parseReleaseArgs", () => {
  it.each([
    ["no flags", { given: [], want: { publishOnly: false, provenance: false } }],
    ["publish only", { given: ["--publish-only"], want: { publishOnly: true, provenance: false } }],
    ["both", { given: ["--provenance", "--publish-only"], want: { publishOnly: true, provenance: true } }],
  ])("%s", (_name, { given, want }) => {
    expect(parseReleaseArgs(given)).toEqual(want);
  });

  it("rejects an unknown flag and names it", () => {
    expect(() => parseReleaseArgs(["--registry=x"])).toThrow(/unknown argument "--registry=x"\nusage: pnpm release/);
  });
});
