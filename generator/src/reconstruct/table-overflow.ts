import { lineOf } from "./markdown.js";
import type { Root } from "./markdown-tree.js";
import type { FileReporter } from "./reporter.js";

/**
 * Warns about every table row that has more cells than its header. GFM (and so the tree)
 * keeps only the header's count, and the generator does not escape `|` in descriptions, so a
 * pipe inside one shifts the rest of the row, Notes included, out of the table.
 */
export function reportTableOverflow(tree: Root, reporter: FileReporter): void {
  for (const block of tree.children) {
    if (block.type !== "table") continue;
    for (const row of block.children) {
      if (!row.overflow) continue;
      const dropped = row.overflow.map((cell) => `"${cell}"`).join(", ");
      reporter.warn(
        lineOf(row),
        `table row has more cells than its header (a "|" inside a cell?); the extra cells ${dropped} are ignored`,
      );
    }
  }
}
