import { headingText, isAnchorOnly, lineOf } from "./markdown.js";
import type { Heading, RootContent, Table } from "./markdown-tree.js";

/**
 * Walks the top-level blocks of a page in order. The docs flatten nested schemas into a
 * sequence of headings whose names and depths repeat (`# data`, `## Model Type Info`), so
 * meaning comes from position: the parsers read this sequence like a grammar, each
 * consuming exactly the blocks it understands. HTML anchors are layout and skipped.
 */
export class BlockCursor {
  private index = 0;

  constructor(private readonly blocks: readonly RootContent[]) {
    this.skipAnchors();
  }

  /** The next block, without consuming it. */
  peek(): RootContent | undefined {
    return this.blocks[this.index];
  }

  /** Consumes and returns the next block. */
  next(): RootContent | undefined {
    const block = this.blocks[this.index];
    if (block) this.index++;
    this.skipAnchors();
    return block;
  }

  /** Whether every block has been consumed. */
  get done(): boolean {
    return this.index >= this.blocks.length;
  }

  /** The line of the next block, or of the last block at the end (for "missing X" messages). */
  get line(): number | undefined {
    return lineOf(this.peek() ?? this.blocks[this.blocks.length - 1]);
  }

  /** The next block if it is a heading of `depth` (and, when given, text `text`). */
  peekHeading(depth: number, text?: string): Heading | undefined {
    const block = this.peek();
    if (block?.type !== "heading" || block.depth !== depth) return undefined;
    if (text !== undefined && headingText(block) !== text) return undefined;
    return block;
  }

  /** Consumes the next block if it is a matching heading. */
  takeHeading(depth: number, text?: string): Heading | undefined {
    const heading = this.peekHeading(depth, text);
    if (heading) this.next();
    return heading;
  }

  /** Consumes the next block if it is a table. */
  takeTable(): Table | undefined {
    const block = this.peek();
    if (block?.type !== "table") return undefined;
    this.next();
    return block;
  }

  /** Consumes blocks up to (not including) the first heading; returns them. */
  takeUntilHeading(): RootContent[] {
    const taken: RootContent[] = [];
    while (!this.done && this.peek()?.type !== "heading") taken.push(this.next() as RootContent);
    return taken;
  }

  private skipAnchors(): void {
    while (this.index < this.blocks.length && isAnchorOnly(this.blocks[this.index] as RootContent)) this.index++;
  }
}
