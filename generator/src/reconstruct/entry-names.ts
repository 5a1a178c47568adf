import { decodeCharacterReferences } from "./entities.js";
import { firstLink, plainText } from "./markdown.js";
import type { TableCell } from "./markdown-tree.js";

/** What the first cell of a keys, items or composition row says about its entry. */
export interface EntryName {
  /** The name as written (a property's wire name), character references decoded. */
  name: string;
  /** Set when the row links a `# section` further down: the heading text that section has. */
  section?: string;
}

const BOLD = /^\*\*([\s\S]*)\*\*$/;
/** `[name](#anchor)` left as text: CommonMark has no link when the anchor holds a space. */
const UNPARSED_ANCHOR_LINK = /^\[([\s\S]*)\]\(#([\s\S]*)\)$/;

/**
 * Reads the name in `**key**`, `**[key](#key)**`, `items` or `[items](#items)`. The name is
 * taken from the cell's Markdown source, not its rendering: the generator writes names
 * verbatim, and Markdown would read `**__meta__**` as emphasis and drop the underscores,
 * and `[first name](#first name)` (a space in the anchor) as plain text, not a link.
 */
export function entryName(cell: TableCell | undefined): EntryName {
  if (!cell) return { name: "" };
  const source = decodeCharacterReferences(cell.raw).trim();
  const inner = BOLD.exec(source)?.[1]?.trim() ?? source;
  const link = firstLink(cell);
  if (link?.url.startsWith("#")) {
    const written = UNPARSED_ANCHOR_LINK.exec(inner)?.[1];
    return { name: written ?? plainText(link).trim(), section: plainText(link).trim() };
  }
  const unparsed = UNPARSED_ANCHOR_LINK.exec(inner);
  if (unparsed?.[1] !== undefined && unparsed[1] === unparsed[2]) return { name: unparsed[1], section: unparsed[1] };
  return { name: inner };
}
