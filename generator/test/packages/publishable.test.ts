import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-cli.js";

const run = promisify(execFile);
const PUBLISHED = ["schema", "fetch", "axios"] as const;

// Runs after `turbo run build` (the test script builds first); checks what npm would receive.
describe.each(PUBLISHED)("@onelogin-mfa/%s is publishable", (name) => {
  const dir = path.join(repoRoot, "packages", name);

  it("has been built", () => {
    for (const file of ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
  });

  it("passes publint --strict", async () => {
    const { messages } = await publint({ pkgDir: dir, strict: true, level: "suggestion" });
    expect(messages.map((m) => `${m.type} ${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  it("passes @arethetypeswrong/cli for node10, node16 (CJS and ESM) and bundlers", async () => {
    const attw = path.join(repoRoot, "node_modules", ".bin", "attw");
    const { stdout } = await run(attw, ["--pack", ".", "--format", "json"], {
      cwd: dir,
      maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "{}" }));
    const report = JSON.parse(stdout) as { analysis?: { problems?: unknown[] } };
    expect(report.analysis?.problems ?? ["attw printed no analysis"]).toEqual([]);
  });
});
