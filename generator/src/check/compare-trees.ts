import type { FileTree } from "../generate/file-tree.js";

/** How a committed tree differs from a fresh one, by relative path. */
export interface TreeDifferences {
  changed: string[];
  missing: string[];
  extra: string[];
}

/** Byte-for-byte comparison of the committed tree with a fresh generation. */
export function compareTrees(committed: FileTree, fresh: FileTree): TreeDifferences {
  const changed: string[] = [];
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [file, content] of fresh) {
    const current = committed.get(file);
    if (current === undefined) missing.push(file);
    else if (current !== content) changed.push(file);
  }
  for (const file of committed.keys()) if (!fresh.has(file)) extra.push(file);
  return { changed: changed.sort(), missing: missing.sort(), extra: extra.sort() };
}

/** One line per differing file: `changed: dir/file`, `missing: …` (not committed), `extra: …` (stale). */
export function formatTreeDifferences(differences: TreeDifferences, dir: string): string[] {
  return [
    ...differences.changed.map((f) => `changed: ${dir}/${f}`),
    ...differences.missing.map((f) => `missing: ${dir}/${f}`),
    ...differences.extra.map((f) => `extra: ${dir}/${f}`),
  ];
}
