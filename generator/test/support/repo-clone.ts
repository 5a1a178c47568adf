import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "./run-cli.js";

const run = promisify(execFile);

/**
 * A clone of the committed repository in `dir`, with this checkout's installed dependencies and
 * generator JARs linked in: a test may edit its spec, docs or templates and run its own
 * generator there, while other test files read this checkout's files at the same time.
 */
export async function cloneRepo(dir: string): Promise<{ dir: string; git: (...args: string[]) => Promise<string> }> {
  await run("git", ["clone", "--quiet", repoRoot, dir]);
  const git = async (...args: string[]) => (await run("git", args, { cwd: dir })).stdout;
  await git("config", "user.email", "test@example.invalid");
  await git("config", "user.name", "test");
  for (const folder of [".", "generator", "runtime", "packages/schema", "packages/fetch", "packages/axios"]) {
    const modules = path.join(repoRoot, folder, "node_modules");
    if (existsSync(modules)) await symlink(modules, path.join(dir, folder, "node_modules"), "dir");
  }
  await symlink(path.join(repoRoot, ".cache"), path.join(dir, ".cache"), "dir");
  // The links are not folders, so the repo's `node_modules/` ignore rule does not cover them.
  await writeFile(path.join(dir, ".git", "info", "exclude"), "node_modules\n.cache\n");
  return { dir, git };
}
