import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FileTree, readTree } from "../../../src/generate/file-tree.js";
import { type DeclarationJob, emitDeclarations } from "../../../src/release/api-report/declarations.js";
import { repoRoot } from "../../support/run-cli.js";

const job = (dir: string, folder: string, tree: FileTree, entries = ["index.gen.ts"]): DeclarationJob => ({
  tree,
  dir,
  packageDir: path.join(repoRoot, "packages", folder),
  entries,
  packageName: `@test/${folder}`,
});

describe("declaration emit for the API reports", () => {
  let temp: string;
  beforeAll(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-declaration-emit-"));
  });
  afterAll(() => rm(temp, { recursive: true, force: true }));

  it.each(["schema", "fetch", "axios"])(
    "%s: file by file it declares exactly what one program declares",
    async (folder) => {
      const tree = await readTree(path.join(repoRoot, "packages", folder, "src"));
      const [isolated, program] = [path.join(temp, `${folder}-isolated`), path.join(temp, `${folder}-program`)];
      expect(await emitDeclarations([job(isolated, folder, tree)])).toBe("isolated");
      expect(await emitDeclarations([job(program, folder, tree)], { isolated: false })).toBe("program");
      const fromProgram = await readTree(path.join(program, "dist"));
      const fromFiles = await readTree(path.join(isolated, "dist"));
      expect(fromProgram.size).toBeGreaterThanOrEqual(5);
      for (const [file, text] of fromProgram) expect(fromFiles.get(file), file).toBe(text);
    },
  );

  it("goes through the program when a file needs the checker or has a computed-name member", async () => {
    const inferred = new Map([["index.gen.ts", "export const answer = [1, 2].map((n) => n * 2);\n"]]);
    const computed = new Map([
      [
        "index.gen.ts",
        "export class Box {\n  static [Symbol.hasInstance](value: unknown): boolean {\n    return !!value;\n  }\n}\n",
      ],
    ]);
    const computedProperty = new Map([
      ["index.gen.ts", 'const KEY = "k";\nexport interface Keyed {\n  [KEY]: number;\n}\n'],
    ]);
    for (const [name, tree] of Object.entries({ inferred, computed, computedProperty })) {
      const dir = path.join(temp, `fallback-${name}`);
      expect(await emitDeclarations([job(dir, "fetch", tree)]), name).toBe("program");
      const declaration = await readFile(path.join(dir, "dist", "index.gen.d.ts"), "utf8");
      if (name === "inferred") expect(declaration).toContain("export declare const answer: number[];");
      else if (name === "computed") expect(declaration.match(/Symbol\.hasInstance/g)).toHaveLength(1);
      else expect(declaration).not.toMatch(/\[x: /);
    }
  });
});
