import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Replaces what stands between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->` in the
 * README with `table`. Returns whether the markers were found (nothing is written otherwise).
 */
export function writeReadmeSection(repoRoot: string, name: string, table: string): boolean {
  const readmePath = path.join(repoRoot, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close, start);
  if (start === -1 || end === -1) return false;
  writeFileSync(readmePath, `${readme.slice(0, start)}${open}\n${table}\n${readme.slice(end)}`);
  return true;
}
