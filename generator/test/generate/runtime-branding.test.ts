import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OAUTH2_RUNTIME_FILES } from "../../src/generate/oauth2-entry.js";
import { resolveIdentity } from "../../src/generate/package-identity.js";
import { brandingFor, brandRuntimeSource } from "../../src/generate/runtime-branding.js";
import { repoRoot } from "../support/run-cli.js";

const runtimeDir = path.join(repoRoot, "runtime", "src");
const runtimeFiles = async (): Promise<[string, string][]> =>
  Promise.all(
    (await readdir(runtimeDir))
      .filter((file) => file.endsWith(".ts"))
      .sort()
      .map(async (file): Promise<[string, string]> => [file, await readFile(path.join(runtimeDir, file), "utf8")]),
  );

describe("the runtime's names in another API's packages", () => {
  const foreign = brandingFor(resolveIdentity({ ownSpec: false, specTitle: "Acme Billing" }));

  it("leaves our own packages' runtime as written", () => {
    expect(brandingFor(resolveIdentity({ ownSpec: true, specTitle: "anything" }))).toBeUndefined();
  });

  it("brands another API's errors with its own scope and a neutral base class", () => {
    expect(foreign).toEqual({
      errorPrefix: "Sdk",
      brand: "@acme-billing.error",
      logPrefix: "acme-billing",
      packageNames: { "@onelogin-mfa/fetch": "@acme-billing/fetch", "@onelogin-mfa/axios": "@acme-billing/axios" },
    });
  });

  it("leaves no OneLogin MFA name in any runtime file", async () => {
    const files = await runtimeFiles();
    // The runtime does name them, or this test would prove nothing.
    expect(files.some(([, source]) => /OneLoginMfa|onelogin-mfa/.test(source))).toBe(true);
    for (const [file, source] of files) {
      expect(brandRuntimeSource(source, foreign).match(/OneLoginMfa\w*|onelogin-mfa\S*/g), file).toBeNull();
    }
  });

  it("leaves no OneLogin host in the runtime files another API's packages carry", async () => {
    const carried = (await runtimeFiles()).filter(([file]) => file !== OAUTH2_RUNTIME_FILES.own);
    expect(carried.some(([, source]) => /onelogin\.com/.test(source))).toBe(true);
    for (const [file, source] of carried)
      expect(brandRuntimeSource(source, foreign).match(/\S*onelogin\.com\S*/g), file).toBeNull();
  });

  it("renames the base class, its options, its prototype name and its brand together", async () => {
    const errors = brandRuntimeSource(await readFile(path.join(runtimeDir, "errors.ts"), "utf8"), foreign);
    expect(errors).toContain("export class SdkError extends Error {");
    expect(errors).toContain("constructor(message: string, options: SdkErrorOptions = {})");
    expect(errors).toContain('Symbol.for("@acme-billing.error")');
    expect(errors).toContain('"Sdk Api BadRequest ');
    const logger = brandRuntimeSource(await readFile(path.join(runtimeDir, "logger.ts"), "utf8"), foreign);
    expect(logger).toMatch(/`acme-billing \$\{event\.requestId\}/);
  });
});
