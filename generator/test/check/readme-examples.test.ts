import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/run-cli.js";

const run = promisify(execFile);

const READMES = ["README.md", "packages/fetch/README.md", "packages/axios/README.md", "packages/schema/README.md"];

/** Names the snippets use without defining: stand-ins for the reader's own code. */
const PRELUDE = `declare function getToken(): Promise<string>;
declare function fetchAccessTokenSomehow(): Promise<string>;
export {};
`;

function typescriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

// The README examples are claims about the packages' API: they must type-check against the
// built packages, resolved the way a user's project resolves them (from the contract package,
// which depends on all three).
describe("README TypeScript examples", () => {
  const dir = path.join(repoRoot, "packages", "contract", ".readme-check");
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("type-check against the built packages", async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const files: string[] = [];
    for (const readme of READMES) {
      const blocks = typescriptBlocks(await readFile(path.join(repoRoot, readme), "utf8"));
      for (const [index, block] of blocks.entries()) {
        const file = `${readme.replaceAll("/", "_").replace(".md", "")}-${index}.ts`;
        await writeFile(path.join(dir, file), PRELUDE + block);
        files.push(file);
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(4);
    await writeFile(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: "../../../tsconfig.base.json",
        compilerOptions: { noEmit: true, noUnusedLocals: false, types: ["node"] },
        include: ["*.ts"],
      }),
    );
    const tsc = path.join(repoRoot, "node_modules", ".bin", "tsc");
    const { stdout } = await run(tsc, ["-p", dir]).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? String(error),
    }));
    expect(stdout).toBe("");
  });
});
