import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../src/generate/file-tree.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

describe("generate without Java", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("nojava");
  });
  afterAll(() => temp.remove());

  it("fails with one line naming the Java it needs, and writes nothing", async () => {
    // JAVA_HOME pointing at a folder without a JDK: the launcher cannot start.
    const javaHome = path.join(temp.dir, "no-jdk");
    await mkdir(javaHome);
    const spec = path.join(temp.dir, "openapi.yaml");
    await copyFile(path.join(repoRoot, "spec", "openapi.yaml"), spec);
    const out = path.join(temp.dir, "out");
    const result = await runCli(["generate", "--spec", spec, "--out", out], repoRoot, { JAVA_HOME: javaHome });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /java not found at .*no-jdk\/bin\/java\. OpenAPI Generator needs Java 11 or newer \(17 recommended\).*install a JDK/,
    );
    expect((await readTree(out)).size).toBe(0);
  });
});
