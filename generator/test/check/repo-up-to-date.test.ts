import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cloneRepo } from "../support/repo-clone.js";
import { runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

// The committed spec and packages must equal a fresh docs → spec → packages run; this is
// the same check CI makes, runnable on its own with `pnpm generate --check`.
describe("the committed output", () => {
  it("matches a fresh reconstruction and generation", async () => {
    const result = await runCli(["generate", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("generated output is up to date");
    expect(result.code).toBe(0);
  });

  // On a clone: other test files read this checkout's spec while this one runs.
  it("fails the check when spec/openapi.yaml differs from a fresh reconstruction", async () => {
    const temp = await makeTempDir("spec-drift");
    try {
      const { dir } = await cloneRepo(path.join(temp.dir, "repo"));
      const specPath = path.join(dir, "spec", "openapi.yaml");
      const committed = await readFile(specPath, "utf8");
      const edited = committed.replace("summary: Activate a Factor", "summary: Activate a factor (hand edit)");
      expect(edited).not.toBe(committed);
      await writeFile(specPath, edited);
      // The spec comparison needs no API reports.
      const result = await runCli(
        ["generate", "--check", "--no-api-reports"],
        dir,
        {},
        path.join(dir, "generator", "src", "cli.ts"),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("changed: spec/openapi.yaml");
    } finally {
      await temp.remove();
    }
  });
});
