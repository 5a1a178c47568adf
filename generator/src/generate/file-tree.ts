import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** A folder's files as relative POSIX path → text. Map order is irrelevant; writers sort. */
export type FileTree = Map<string, string>;

/** Writes a tree under `dir`, creating folders; `dir` must not exist yet or be empty. */
export async function writeTree(dir: string, tree: FileTree): Promise<void> {
  for (const relative of [...tree.keys()].sort()) {
    const target = path.join(dir, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, tree.get(relative)!);
  }
}

/** Reads every file under `dir` into a tree; a missing folder reads as empty. */
export async function readTree(dir: string, prefix = ""): Promise<FileTree> {
  const tree: FileTree = new Map();
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      for (const [key, value] of await readTree(dir, relative)) tree.set(key, value);
    } else if (entry.isFile()) {
      tree.set(relative, await readFile(path.join(dir, ...relative.split("/")), "utf8"));
    }
  }
  return tree;
}

/** One replacement in a swap: a folder (or file) whose new version is ready in staging. */
export interface Replacement {
  target: string;
  staged: string;
}

/**
 * Moves every staged folder into place, keeping the old ones until all moves succeed, so a
 * failure part-way leaves the previous output as it was. Renames stay on one file system
 * because staging lives next to the targets.
 */
export async function swapIntoPlace(replacements: Replacement[], backupRoot: string): Promise<void> {
  await mkdir(backupRoot, { recursive: true });
  const backups = await mkdtemp(path.join(backupRoot, "backup-"));
  const done: { target: string; backup: string | undefined }[] = [];
  try {
    for (const [index, { target, staged }] of replacements.entries()) {
      await mkdir(path.dirname(target), { recursive: true });
      const backup = path.join(backups, String(index));
      const hadTarget = await rename(target, backup).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === "ENOENT") return false;
          throw error;
        },
      );
      done.push({ target, backup: hadTarget ? backup : undefined });
      await rename(staged, target);
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      await rm(target, { recursive: true, force: true });
      if (backup) await rename(backup, target);
    }
    throw error;
  } finally {
    await rm(backups, { recursive: true, force: true });
  }
}
