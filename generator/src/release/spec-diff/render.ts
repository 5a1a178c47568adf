import type { ClassifiedChange } from "../bump.js";
import type { SpecDiff } from "./index.js";

const GROUPS = [
  ["major", "Breaking (major)"],
  ["minor", "Additive (minor)"],
  ["patch", "Documentation (patch)"],
] as const;

/**
 * The plain-words report: changes grouped by class, most severe first, each with where it is,
 * and exactly one closing line `bump: <class>`.
 */
export function renderSpecDiff(diff: SpecDiff): string {
  const lines: string[] = [];
  for (const [bump, title] of GROUPS) {
    const group = diff.changes.filter((c: ClassifiedChange) => c.bump === bump);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push("");
    lines.push(`${title}:`);
    for (const change of group) lines.push(`  - ${change.message} (${change.where})`);
  }
  if (lines.length === 0) lines.push("No differences a consumer can observe.");
  lines.push("", `bump: ${diff.bump}`);
  return `${lines.join("\n")}\n`;
}
