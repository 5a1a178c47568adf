import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The changeset `pnpm generate` owns; a fixed name, so a second regeneration rewrites it. */
export const GENERATED_CHANGESET = ".changeset/regenerated-from-spec.md";

/** `git` in the repo, or undefined when it fails (no git, not a checkout, no such object). */
async function git(repoRoot: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run("git", args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/**
 * The commit the pending change is measured from: the last commit before our changeset was added
 * when a committed one is still pending (so it keeps covering the whole pending change), else HEAD.
 * Undefined outside a git checkout or before the first commit.
 */
export async function baselineCommit(repoRoot: string): Promise<string | undefined> {
  const head = (await git(repoRoot, ["rev-parse", "--verify", "--quiet", "HEAD"]))?.trim();
  if (!head) return undefined;
  const pending = await git(repoRoot, ["cat-file", "-e", `${head}:${GENERATED_CHANGESET}`]);
  if (pending === undefined) return head;
  const added = (
    await git(repoRoot, ["log", "-1", "--diff-filter=A", "--format=%H", "--", GENERATED_CHANGESET])
  )?.trim();
  if (!added) return head;
  return (await git(repoRoot, ["rev-parse", "--verify", "--quiet", `${added}^`]))?.trim() || head;
}

/** A file's content at a commit, or undefined when it did not exist there. */
export function fileAt(repoRoot: string, commit: string, file: string): Promise<string | undefined> {
  return git(repoRoot, ["show", `${commit}:${file}`]);
}

/** The file names directly inside a folder at a commit. */
export async function filesAt(repoRoot: string, commit: string, folder: string): Promise<string[]> {
  const listing = await git(repoRoot, ["ls-tree", "--name-only", `${commit}:${folder}`]);
  return (listing ?? "")
    .split("\n")
    .filter((line) => line !== "")
    .sort();
}
