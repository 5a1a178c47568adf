import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { runCommand } from "../run-command.js";

/**
 * Copies the repository's working tree (tracked and untracked, not ignored: so no dist/, no
 * node_modules/) to `dir`, commits it there so changesets' git steps work, and installs it from the
 * package store only. The copy starts unbuilt, as a fresh clone does.
 */
export async function makeScratchRepo(root: string, dir: string): Promise<void> {
  const { stdout } = await runCommand("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    echo: false,
  });
  const files = stdout.split("\0").filter((file) => file !== "");
  for (const file of files) {
    const from = path.join(root, file);
    const to = path.join(dir, file);
    await mkdir(path.dirname(to), { recursive: true });
    // A file deleted in the working tree but still tracked is simply left out.
    await copyFile(from, to).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
  const git = ["-c", "user.name=rehearsal", "-c", "user.email=rehearsal@example.invalid"];
  await runCommand("git", ["init", "-q", "-b", "main"], { cwd: dir, echo: false });
  await runCommand("git", ["add", "-A"], { cwd: dir, echo: false });
  await runCommand("git", [...git, "commit", "-q", "-m", "rehearsal snapshot"], { cwd: dir, echo: false });
  await runCommand("pnpm", ["install", "--frozen-lockfile", "--offline"], { cwd: dir, echo: false });
}
