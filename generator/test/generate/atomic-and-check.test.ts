import { copyFile, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileTree, readTree } from "../../src/generate/file-tree.js";
import { repoRoot, runCli } from "../support/run-cli.js";
import { makeTempDir } from "../support/temp-dir.js";

const PACKAGES = ["schema", "fetch", "axios"] as const;

/**
 * For checks about `src/` only: without API reports, `--check` compares just `src/` and a run
 * leaves `api-report/` alone, and each run is about 4 s cheaper. Determinism and the report
 * check keep the reports.
 */
const SOURCES_ONLY = ["--no-api-reports"];

async function snapshotPackages(out: string): Promise<Map<string, FileTree>> {
  const trees = new Map<string, FileTree>();
  for (const pkg of PACKAGES) trees.set(pkg, await readTree(path.join(out, pkg)));
  return trees;
}

describe("generate: determinism, drift check and atomic writes", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let spec: string;
  let out: string;

  beforeAll(async () => {
    temp = await makeTempDir("check");
    spec = path.join(temp.dir, "openapi.yaml");
    out = path.join(temp.dir, "packages");
    await copyFile(path.join(repoRoot, "spec", "openapi.yaml"), spec);
    const first = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
  });
  afterAll(() => temp.remove());

  it("two runs on the same input give byte-identical trees", async () => {
    const before = await snapshotPackages(out);
    const second = await runCli(["generate", "--spec", spec, "--out", out]);
    expect(second.code).toBe(0);
    expect(await snapshotPackages(out)).toEqual(before);
  });

  it("--check passes when the output matches a fresh run", async () => {
    const result = await runCli(["generate", "--spec", spec, "--out", out, "--check"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("--check fails and names the file after a hand edit of a generated file", async () => {
    const target = path.join(out, "fetch", "src", "index.gen.ts");
    const original = await readFile(target, "utf8");
    await writeFile(target, `${original}export const handEdit = 1;\n`);
    try {
      const result = await runCli(["generate", "--spec", spec, "--out", out, "--check", ...SOURCES_ONLY]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `changed: ${path.relative(repoRoot, path.join(out, "fetch", "src"))}/index.gen.ts`,
      );
    } finally {
      await writeFile(target, original);
    }
  });

  it("--check fails and names the report after a hand edit of an API report", async () => {
    const target = path.join(out, "axios", "api-report", "index.api.md");
    const original = await readFile(target, "utf8");
    expect(original).toContain("export class MultiFactorAuthenticationV1Api");
    await writeFile(target, original.replace("export class MultiFactorAuthenticationV1Api", "export class Renamed"));
    try {
      const result = await runCli(["generate", "--spec", spec, "--out", out, "--check"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `changed: ${path.relative(repoRoot, path.join(out, "axios", "api-report"))}/index.api.md`,
      );
    } finally {
      await writeFile(target, original);
    }
  });

  it("records what each package was generated from, and re-exports the record", async () => {
    for (const pkg of ["schema", "fetch", "axios"]) {
      const record = await readFile(path.join(out, pkg, "src", "generation.gen.ts"), "utf8");
      expect(record).toMatch(/specSha256: "[0-9a-f]{64}"/);
      expect(record).toMatch(/templatesSha256: "[0-9a-f]{64}"/);
      expect(record).toMatch(/openapiGenerator: "\d+\.\d+\.\d+"/);
      expect(await readFile(path.join(out, pkg, "src", "index.gen.ts"), "utf8")).toContain("generationRecord");
    }
  });

  it("--check fails for a generated file that should not be there", async () => {
    const stray = path.join(out, "axios", "src", "models", "Stray.gen.ts");
    await writeFile(stray, "export {};\n");
    const result = await runCli(["generate", "--spec", spec, "--out", out, "--check", ...SOURCES_ONLY]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("extra: ");
    expect(result.stderr).toContain("Stray.gen.ts");
    // --check wrote nothing, so removing the stray file restores the tree the other tests expect.
    await rm(stray);
  });

  it("--check fails after a spec edit", async () => {
    const edited = path.join(temp.dir, "edited.yaml");
    const text = await readFile(spec, "utf8");
    // Any meaningful change will do: a new operation summary reaches the clients' JSDoc.
    await writeFile(edited, text.replace(/summary: ([^\n]+)/, "summary: $1 (edited)"));
    const result = await runCli(["generate", "--spec", edited, "--out", out, "--check", ...SOURCES_ONLY]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/changed: .*apis\/.*\.gen\.ts/);
  });

  const brokenSpecs: [string, { edit: (text: string) => string; where: RegExp }][] = [
    [
      "a dangling $ref",
      {
        edit: (t) => t.replace("#/components/schemas/OtpDevice", "#/components/schemas/Missing"),
        where: /broken\.yaml:\d+:\d+: error: .*\$ref.*\(at #\/paths\//,
      },
    ],
    [
      "an undeclared path parameter",
      {
        edit: (t) => t.replace("/api/1/users/{user_id}/mfa_token", "/api/1/users/{user_id}/{token_id}/mfa_token"),
        where: /broken\.yaml:\d+:\d+: error: .*token_id.*\(at #\/paths\//,
      },
    ],
    ["invalid YAML", { edit: (t) => `${t}\npaths: [unclosed\n`, where: /broken\.yaml:\d+:\d+: error: invalid YAML/ }],
    [
      "bytes that are not UTF-8",
      { edit: (t) => `${t}\n# \udcff`, where: /broken\.yaml:\d+: error: file is not valid UTF-8/ },
    ],
  ];

  it.each(brokenSpecs)(
    "%s stops the run, names the place and leaves all packages untouched",
    async (_name, { edit, where }) => {
      const before = await snapshotPackages(out);
      const broken = path.join(temp.dir, "broken.yaml");
      const text = edit(await readFile(spec, "utf8"));
      await writeFile(
        broken,
        text.includes("\udcff")
          ? Buffer.concat([Buffer.from(text.replace("\udcff", "")), Buffer.from([0xff, 0x0a])])
          : text,
      );
      const result = await runCli(["generate", "--spec", broken, "--out", out], temp.dir);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(where);
      expect(await snapshotPackages(out)).toEqual(before);
    },
  );
});

describe("generate: property names with quotes, backslashes and line breaks", () => {
  it("are written as the same keys, escaped, in both clients", async () => {
    const temp = await makeTempDir("quoted");
    try {
      const spec = path.join(temp.dir, "quoted.yaml");
      await writeFile(
        spec,
        [
          "openapi: 3.0.3",
          "info: { title: t, version: '1' }",
          "paths: {}",
          "components:",
          "  schemas:",
          "    Thing:",
          "      type: object",
          '      required: ["say \\"hi\\""]',
          "      properties:",
          '        "say \\"hi\\"": { type: string }',
          '        "back\\\\slash": { type: integer }',
          '        "two\\nlines": { type: boolean }',
          '      example: { "say \\"hi\\"": "left as written" }',
          "",
        ].join("\n"),
      );
      const out = path.join(temp.dir, "out");
      const result = await runCli(["generate", "--spec", spec, "--out", out, "--no-api-reports"], temp.dir);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      for (const flavor of ["fetch", "axios"]) {
        const model = (await readTree(path.join(out, flavor, "src"))).get("models/thing.gen.ts") ?? "";
        expect(model).toContain(`'say "hi"': string;`);
        expect(model).toContain('"back\\\\slash"?: number;');
        expect(model).toContain('"two\\nlines"?: boolean;');
        expect(model).not.toContain("x_sdk_key");
      }
    } finally {
      await temp.remove();
    }
  });
});
