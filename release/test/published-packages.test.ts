import { describe, expect, it } from "vitest";
import { type PublishedPackage, publishBlocker } from "../src/published-packages.js";

const at = (...versions: string[]): PublishedPackage[] =>
  (["schema", "fetch", "axios"] as const).map((folder, index) => ({
    folder,
    name: `@onelogin-mfa/${folder}`,
    version: versions[index] ?? versions[0]!,
  }));

describe("publishBlocker", () => {
  it.each([
    ["first release", { given: at("1.0.0"), want: undefined }],
    ["a later minor", { given: at("1.4.0"), want: undefined }],
    [
      "never versioned",
      {
        given: at("0.0.0"),
        want: /refusing to publish version 0.0.0 \(@onelogin-mfa\/schema, .*first release is 1.0.0/,
      },
    ],
    ["one left at 0.0.0", { given: at("1.0.0", "0.0.0", "1.0.0"), want: /0.0.0 \(@onelogin-mfa\/fetch\)/ }],
    [
      "versions apart",
      { given: at("1.0.0", "1.1.0", "1.0.0"), want: /different versions \(.*@onelogin-mfa\/fetch@1.1.0/ },
    ],
  ])("%s", (_name, { given, want }) => {
    const blocker = publishBlocker(given);
    if (want === undefined) expect(blocker).toBeUndefined();
    else expect(blocker).toMatch(want);
  });
});
