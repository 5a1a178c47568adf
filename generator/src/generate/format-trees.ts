import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { type FileTree, readTree, writeTree } from "./file-tree.js";

const run = promisify(execFile);

/**
 * Formats every generated tree with the repo's Biome config in one process, so templates can
 * favour readability over whitespace and the output still matches the hand-written code's style.
 * Biome failing to parse a file means a template produced invalid TypeScript: a generator bug.
 */
export async function formatTrees<K extends string>(
  repoRoot: string,
  workDir: string,
  trees: Map<K, FileTree>,
): Promise<Map<K, FileTree>> {
  // A folder per call: the schema package is formatted while the clients are still being made.
  const formatDir = await mkdtemp(path.join(workDir, "format-"));
  for (const [name, tree] of trees) await writeTree(path.join(formatDir, name), tree);
  const biome = path.join(repoRoot, "node_modules", ".bin", process.platform === "win32" ? "biome.cmd" : "biome");
  try {
    // `check --write` without the linter: formatting plus import sorting, the safe rewrites.
    const configPath = path.join(repoRoot, "biome.json");
    await run(
      biome,
      ["check", "--write", "--linter-enabled=false", "--config-path", configPath, "--vcs-enabled=false", formatDir],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `generated code did not parse (a template bug), Biome said:\n${`${stdout}\n${stderr}`.trim().slice(0, 4000)}`,
    );
  }
  const formatted = new Map<K, FileTree>();
  for (const name of trees.keys()) formatted.set(name, await readTree(path.join(formatDir, name)));
  return formatted;
}
