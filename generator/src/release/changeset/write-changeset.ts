import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Bump, ClassifiedChange } from "../bump.js";

/** The classified pending change of the published packages. */
export interface PendingChange {
  bump: Bump;
  specChanges: ClassifiedChange[];
  /** API-layer changes, each with the entry points it was seen in. */
  apiChanges: { change: ClassifiedChange; entryPoints: string[] }[];
}

/**
 * The changeset text: every published package bumped together by the largest class, then each
 * change in words. Deterministic, so an unchanged pending change rewrites identical bytes.
 */
export function renderChangeset(packages: readonly string[], pending: PendingChange): string {
  const front = [...packages].sort().map((name) => `"${name}": ${pending.bump}`);
  const lines = [`Regenerated from the changed API description (${pending.bump}).`, ""];
  if (pending.specChanges.length > 0) {
    lines.push("Changes to the API description:", "");
    for (const change of pending.specChanges) lines.push(`- ${change.bump}: ${change.message}`);
    lines.push("");
  }
  if (pending.apiChanges.length > 0) {
    lines.push("Changes to the generated public API:", "");
    for (const { change, entryPoints } of pending.apiChanges)
      lines.push(`- ${change.bump}: ${change.message} (${entryPoints.map((e) => `\`${e}\``).join(", ")})`);
    lines.push("");
  }
  return `---\n${front.join("\n")}\n---\n\n${lines.join("\n").trimEnd()}\n`;
}

/**
 * Writes (or rewrites) the generator's changeset, or removes it when nothing is pending any more.
 * Returns what it did, for the command's output. Hand-written changesets are never read or touched.
 */
export async function writeGeneratedChangeset(options: {
  repoRoot: string;
  file: string;
  packages: readonly string[];
  pending: PendingChange;
}): Promise<"written" | "unchanged" | "removed" | "none"> {
  const target = path.join(options.repoRoot, options.file);
  const exists = existsSync(target);
  if (options.pending.bump === "none") {
    if (!exists) return "none";
    await rm(target);
    return "removed";
  }
  const text = renderChangeset(options.packages, options.pending);
  if (exists && (await readFile(target, "utf8")) === text) return "unchanged";
  await writeFile(target, text);
  return "written";
}
