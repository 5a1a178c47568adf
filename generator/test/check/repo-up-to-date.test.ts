import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

// The committed spec and packages must equal a fresh docs → spec → packages run; this is
// the same check CI makes, runnable on its own with `pnpm generate --check`.
describe("the committed output", () => {
  it("matches a fresh reconstruction and generation", async () => {
    const result = await runCli(["generate", "--check"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("generated output is up to date");
    expect(result.code).toBe(0);
  });
});
