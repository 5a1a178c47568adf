import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBatchOutput, planWaves } from "../../src/generate/batch.js";
import { readTree } from "../../src/generate/file-tree.js";
import { oasExample, repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const specs = path.join(repoRoot, "generator", "test", "fixtures", "specs");
const PETSTORE = oasExample("3.0", "petstore");
const RESERVED = path.join(specs, "reserved-words.yaml");
const INVALID = path.join(specs, "errors", "dangling-local-ref.yaml");
const PACKAGES = ["schema", "fetch", "axios"];

describe("generate --batch", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir("batch");
  });
  afterAll(() => temp.remove());

  const writeBatch = async (name: string, value: unknown): Promise<string> => {
    const file = path.join(temp.dir, name);
    await writeFile(file, typeof value === "string" ? value : JSON.stringify(value));
    return file;
  };

  it("generates each spec exactly as a run of its own does", async () => {
    const file = await writeBatch("same.json", {
      jobs: [
        { spec: PETSTORE, out: "batch/petstore" },
        { spec: RESERVED, out: "batch/reserved", scope: "@acme" },
      ],
    });
    const [batch, petstore, reserved] = await Promise.all([
      runCli(["generate", "--batch", file, "--no-api-reports"], temp.dir),
      runCli(["generate", "--spec", PETSTORE, "--out", "alone/petstore", "--no-api-reports"], temp.dir),
      runCli(
        ["generate", "--spec", RESERVED, "--out", "alone/reserved", "--scope", "@acme", "--no-api-reports"],
        temp.dir,
      ),
    ]);
    expect([batch.code, petstore.code, reserved.code], batch.stdout + batch.stderr).toEqual([0, 0, 0]);
    expect(batch.stdout).toMatch(/^batch: 2 of 2 generated$/m);
    for (const name of ["petstore", "reserved"])
      for (const pkg of PACKAGES) {
        const together = await readTree(path.join(temp.dir, "batch", name, pkg));
        const alone = await readTree(path.join(temp.dir, "alone", name, pkg));
        expect(together.size, `${name}/${pkg}`).toBeGreaterThan(3);
        expect(together, `${name}/${pkg}`).toEqual(alone);
      }
  });

  it("a job that fails is reported under its own spec, and the others are still generated", async () => {
    const file = await writeBatch("mixed.json", {
      // The invalid spec fails long before the other is generated, yet is printed after it.
      jobs: [
        { spec: PETSTORE, out: "mixed/petstore" },
        { spec: INVALID, out: "mixed/invalid" },
      ],
    });
    const result = await runCli(["generate", "--batch", file, "--no-api-reports"], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^batch: 1 of 2 generated, 1 failed$/m);
    const jobs = parseBatchOutput(result.stdout);
    expect([...jobs.keys()]).toEqual([PETSTORE, INVALID]);
    expect(jobs.get(INVALID)?.ok).toBe(false);
    expect(jobs.get(INVALID)?.text).toMatch(
      /dangling-local-ref\.yaml:13:23: error: \$ref "#\/components\/schemas\/constructor" does not resolve/,
    );
    expect(jobs.get(INVALID)?.text).not.toMatch(/^\s+at /m);
    expect(jobs.get(PETSTORE)).toEqual({ ok: true, text: expect.stringMatching(/^generated \d+ files in /) });
    expect(existsSync(path.join(temp.dir, "mixed", "invalid"))).toBe(false);
    for (const pkg of PACKAGES)
      expect(existsSync(path.join(temp.dir, "mixed", "petstore", pkg, "src", "index.gen.ts")), pkg).toBe(true);
  });

  it.each([
    ["not a list of jobs", { jobs: [] }, /batch\.json: error: jobs must be a non-empty list \(at #\/jobs\)/],
    [
      "a job without an output and with a typo",
      { jobs: [{ spec: "a.yaml", ouput: "x" }] },
      /error: unknown key "ouput" \(at #\/jobs\/0\/ouput\)[\s\S]*error: out must be a non-empty string \(at #\/jobs\/0\/out\)/,
    ],
    [
      "two jobs writing one folder",
      {
        jobs: [
          { spec: "a.yaml", out: "x" },
          { spec: "b.yaml", out: "./x" },
        ],
      },
      /error: out is also the output of \/jobs\/0 \(at #\/jobs\/1\/out\)/,
    ],
  ])("a batch file with %s is refused, naming the place, and nothing is generated", async (_name, value, want) => {
    const file = await writeBatch("batch.json", value);
    const result = await runCli(["generate", "--batch", file], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(want);
    expect(result.stdout).toBe("");
  });

  it("per-job flags next to --batch are a usage error", async () => {
    const result = await runCli(["generate", "--batch", "b.json", "--spec", "a.yaml"], temp.dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^--batch cannot be combined with --spec: a batch file gives each job/);
  });
});

describe("batch waves", () => {
  const limits = { jobs: 3, bytes: 100 };

  it.each([
    ["small jobs, at most `jobs` a wave", [1, 1, 1, 1, 1, 1, 1], [[0, 1, 2], [3, 4, 5], [6]]],
    [
      "a wave ends before the job that would pass `bytes`",
      [40, 40, 40, 10],
      [
        [0, 1],
        [2, 3],
      ],
    ],
    ["a job larger than `bytes` is a wave of its own", [10, 500, 10], [[0], [1], [2]]],
    ["an unreadable spec (size 0) still gets a place", [0, 0], [[0, 1]]],
  ])("%s", (_name, sizes, want) => {
    expect(planWaves(sizes, limits)).toEqual(want);
  });
});
