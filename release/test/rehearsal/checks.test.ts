import { describe, expect, it } from "vitest";
import { checkSmokeOutput, missingTarballFiles, REQUIRED_TARBALL_FILES } from "../../src/rehearsal/checks.js";

describe("missingTarballFiles", () => {
  it.each([
    ["complete", { given: REQUIRED_TARBALL_FILES, want: [] }],
    [
      "unbuilt",
      {
        given: ["package/package.json", "package/README.md", "package/LICENSE", "package/CHANGELOG.md"],
        want: REQUIRED_TARBALL_FILES.filter((f) => f.includes("dist/")),
      },
    ],
    [
      "no changelog",
      { given: REQUIRED_TARBALL_FILES.filter((f) => !f.endsWith("CHANGELOG.md")), want: ["package/CHANGELOG.md"] },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(missingTarballFiles([...given])).toEqual(want);
  });
});

const factors = { data: { otp_devices: [{ id: "phone-1" }] } };
const good = {
  fetch: { factors, missing: "NotFoundError 404" },
  axios: { factors, missing: "NotFoundError 404" },
  schemaOperations: 7,
};

describe("checkSmokeOutput", () => {
  it("accepts the same factors from both clients and a typed 404", () => {
    expect(() => checkSmokeOutput("smoke.mjs", JSON.stringify(good))).not.toThrow();
  });

  it.each([
    ["a client missing", { given: { ...good, axios: undefined }, want: /a client is missing/ }],
    ["clients disagree", { given: { ...good, axios: { ...good.axios, factors: {} } }, want: /the clients disagree/ }],
    [
      "no seeded device",
      {
        given: { ...good, fetch: { ...good.fetch, factors: {} }, axios: { ...good.axios, factors: {} } },
        want: /seeded device is missing/,
      },
    ],
    [
      "untyped 404",
      {
        given: { ...good, axios: { factors, missing: "other 404" } },
        want: /smoke.cjs: axios: unknown user gave other 404/,
      },
    ],
    ["no schemas", { given: { ...good, schemaOperations: 0 }, want: /no operation schemas/ }],
  ])("rejects %s", (_name, { given, want }) => {
    expect(() => checkSmokeOutput("smoke.cjs", JSON.stringify(given))).toThrow(want);
  });
});
