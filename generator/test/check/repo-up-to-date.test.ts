import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "../support/run-cli.js";

// The committed spec and packages must equal a fresh docs → spec → packages run; this is
// the same check CI makes, runnable on its own with `pnpm generate --check`. The two cases
// share one file so they never run at the same time as each other.
describe("the committed output", () => {
  it("matches a fresh reconstruction and generation", async () => {
    const result = await runCli(["generate", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("generated output is up to date");
    expect(result.code).toBe(0);
  });

  it("fails the check when spec/openapi.yaml differs from a fresh reconstruction", async () => {
    const specPath = path.join(repoRoot, "spec", "openapi.yaml");
    const committed = await readFile(specPath, "utf8");
    try {
      await writeFile(
        specPath,
        committed.replace("summary: Activate a Factor", "summary: Activate a factor (hand edit)"),
      );
      // The spec comparison needs no API reports.
      const result = await runCli(["generate", "--check", "--no-api-reports"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("changed: spec/openapi.yaml");
    } finally {
      await writeFile(specPath, committed);
    }
  });
});
