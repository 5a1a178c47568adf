import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../support/run-cli.js";
import { makeTempDir } from "../../support/temp-dir.js";
import { baseSpec, FACTORS } from "./base-spec.js";

describe("pnpm spec:diff", () => {
  let dir = "";
  let remove: () => Promise<void> = async () => {};
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    const temp = await makeTempDir("spec-diff-cli");
    ({ dir, remove } = temp);
    await writeFile(file("old.json"), JSON.stringify(baseSpec(), null, 2));
    const removed = baseSpec();
    delete removed.paths[FACTORS].post;
    await writeFile(file("removed.json"), JSON.stringify(removed, null, 2));
    // A duplicate key on line 4.
    await writeFile(file("bad.yaml"), "openapi: 3.0.3\ninfo:\n  title: x\n  title: y\n  version: '1'\npaths: {}\n");
    const invalid = baseSpec();
    delete invalid.paths[FACTORS].get.responses;
    invalid.paths[FACTORS].get.parameters[0].in = "body";
    await writeFile(file("invalid.json"), JSON.stringify(invalid, null, 2));
  });
  afterAll(() => remove());

  it("prints the changes by class and ends with exactly one bump line; exit 0 for a major change", async () => {
    const result = await runCli(["spec-diff", file("old.json"), file("removed.json")]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe("bump: major");
    expect(lines.filter((l) => l.startsWith("bump:"))).toHaveLength(1);
    expect(result.stdout).toContain("Breaking (major):");
    expect(result.stdout).toContain("Removed the operation `enroll_factor`");
  });

  it("exit 0 and `bump: none` for identical specs", async () => {
    const result = await runCli(["spec-diff", file("old.json"), file("old.json")]);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("bump: none");
  });

  it.each<[string, { given: () => string[]; want: RegExp[] }]>([
    [
      "a missing file",
      { given: () => [file("old.json"), file("absent.json")], want: [/absent\.json: error: cannot read spec: ENOENT/] },
    ],
    // A folder cannot be read as a file, even by root (who can read a file without read permission).
    ["an unreadable path", { given: () => [dir, file("old.json")], want: [/error: cannot read spec: EISDIR/] }],
    [
      "invalid YAML: file and line",
      { given: () => [file("bad.yaml"), file("old.json")], want: [/bad\.yaml:4:\d+: error: invalid YAML/] },
    ],
    [
      "an invalid OpenAPI document: file, line and pointer",
      {
        given: () => [file("old.json"), file("invalid.json")],
        want: [/invalid\.json:\d+:\d+: error: .*\(at #\/paths\/~1users~1\{user_id\}~1factors\/get/],
      },
    ],
  ])("exit 2 for %s, naming it", async (_name, { given, want }) => {
    const result = await runCli(["spec-diff", ...given()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    for (const pattern of want) expect(result.stderr).toMatch(pattern);
  });

  it.each<[string, { given: string[]; want: RegExp }]>([
    ["no files", { given: [], want: /expected two spec files, got 0/ }],
    ["one file", { given: ["a.yaml"], want: /expected two spec files, got 1/ }],
    ["three files", { given: ["a.yaml", "b.yaml", "c.yaml"], want: /expected two spec files, got 3/ }],
    ["an unknown option", { given: ["--json", "a.yaml", "b.yaml"], want: /unknown option --json/ }],
  ])("exit 2 with the usage for %s", async (_name, { given, want }) => {
    const result = await runCli(["spec-diff", ...given]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(want);
    expect(result.stderr).toContain("usage: pnpm spec:diff <old-spec> <new-spec>");
  });
});
