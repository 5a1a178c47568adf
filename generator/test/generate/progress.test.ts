import path from "node:path";
import { describe, expect, it } from "vitest";
import { Progress } from "../../src/generate/progress.js";
import { PhaseTimings } from "../../src/generate/timings.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

/** Runs two overlapping phases (one failing) through PhaseTimings and returns what was written. */
async function record(tty: boolean): Promise<string> {
  let out = "";
  const timings = new PhaseTimings();
  timings.progress = new Progress({ tty, write: (text) => (out += text) });
  timings.progress.note("3 operations, 2 models");
  let release = (): void => {};
  const jvm = timings.time("jvm", () => new Promise<void>((resolve) => (release = resolve)));
  await timings.time("validate", async () => undefined);
  await timings.time("lint", async () => Promise.reject(new Error("x"))).catch(() => undefined);
  release();
  await jvm;
  timings.progress.finish();
  return out.replace(/\d+\.\d s/g, "N s").replace(/… \d+ s/g, "… N s");
}

describe("Progress", () => {
  it("writes plain lines, one per start and end, when not on a terminal", async () => {
    expect((await record(false)).split("\n")).toEqual([
      "generate: 3 operations, 2 models",
      "generate: jvm …",
      "generate: validate …",
      "generate: validate done in N s",
      "generate: lint …",
      "generate: lint failed in N s",
      "generate: jvm done in N s",
      "",
    ]);
  });

  it("keeps one rewritten line of running phases on a terminal, and leaves it clean", async () => {
    const out = await record(true);
    expect(out).toContain("\r\x1b[Kgenerate: jvm, validate … N s");
    expect(out).toContain("generate: validate done in N s\n");
    expect(out).toContain("generate: lint failed in N s\n");
    // Finished lines are whole; the status line is erased at the end.
    expect(out.endsWith("generate: jvm done in N s\n")).toBe(true);
    expect(out).not.toMatch(/generate: [^\n\r]*\n?generate: \S+ …\n/);
  });
});

describe("generate --progress", () => {
  it("prints each phase with the spec's counts, as plain lines in CI", async () => {
    const temp = await makeTempDir("progress");
    try {
      const spec = path.join(repoRoot, "generator", "test", "fixtures", "specs", "types", "types-30.yaml");
      const result = await runCli(
        ["generate", "--spec", spec, "--out", path.join(temp.dir, "out"), "--progress"],
        temp.dir,
        { CI: "true" },
      );
      expect(result.code, result.stderr).toBe(0);
      const lines = result.stderr.split("\n").filter((l) => l.startsWith("generate: "));
      expect(lines[0]).toBe("generate: 8 operations, 2 models");
      for (const phase of ["validate", "openapi-generator (JVM)", "openapi-typescript", "format (biome)", "write"]) {
        expect(lines).toContain(`generate: ${phase} …`);
        expect(lines.some((l) => l.startsWith(`generate: ${phase} done in `))).toBe(true);
      }
    } finally {
      await temp.remove();
    }
  });
});
