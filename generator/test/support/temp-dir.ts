import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./run-cli.js";

/** A fresh temporary folder; the returned function removes it. */
export async function makeTempDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `onelogin-mfa-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Makes `axios` resolvable from packages generated under `dir`, as a workspace install would. */
export async function linkAxios(dir: string): Promise<void> {
  await mkdir(path.join(dir, "node_modules"), { recursive: true });
  await symlink(
    path.join(repoRoot, "runtime", "node_modules", "axios"),
    path.join(dir, "node_modules", "axios"),
    "dir",
  );
}
