/**
 * The document tree the page parsers read. Node names and shapes follow mdast (the
 * unist Markdown syntax tree) so the grammar code reads like any mdast walker, but only
 * the parts the stage uses exist: block positions (for file:line and raw slices) and,
 * on table cells, the cell's raw Markdown. Built by `token-tree.ts` from markdown-it's
 * token stream.
 */

/** Where a block sits in the page text: 1-based lines and 0-based offsets (end exclusive). */
export interface Position {
  start: { line: number; offset: number };
  end: { line: number; offset: number };
}

interface Positioned {
  position: Position;
}

/** The page. */
export interface Root {
  type: "root";
  children: RootContent[];
}

/** Any block: what the root, block quotes and list items contain. */
export type RootContent = Heading | Paragraph | Table | Code | Blockquote | List | Html | ThematicBreak | Definition;

/** `#`…`######` or a setext heading. */
export interface Heading extends Positioned {
  type: "heading";
  depth: 1 | 2 | 3 | 4 | 5 | 6;
  children: PhrasingContent[];
}

/** A paragraph (also the hidden paragraphs of tight list items). */
export interface Paragraph extends Positioned {
  type: "paragraph";
  children: PhrasingContent[];
}

/** A GFM table; the first row is the header row. */
export interface Table extends Positioned {
  type: "table";
  children: TableRow[];
}

/** One table row (a single line of the page). */
export interface TableRow extends Positioned {
  type: "tableRow";
  children: TableCell[];
  /**
   * Cells written beyond the header's column count, which GFM drops (a `|` inside a
   * description splits it). Only recorded for tables at the top level of the page.
   */
  overflow?: string[];
}

/** One table cell. */
export interface TableCell {
  type: "tableCell";
  children: PhrasingContent[];
  /**
   * The cell's Markdown as written, trimmed, with GFM's `\|` already unescaped (what the
   * table parser hands to the inline parser). Descriptions are taken from it verbatim.
   */
  raw: string;
}

/** A fenced or indented code block. No parser reads its text; it is kept for completeness. */
export interface Code extends Positioned {
  type: "code";
  lang: string | null;
  value: string;
}

/** A `>` block quote. */
export interface Blockquote extends Positioned {
  type: "blockquote";
  children: RootContent[];
}

/** A bullet or ordered list. */
export interface List extends Positioned {
  type: "list";
  ordered: boolean;
  children: ListItem[];
}

/** One list item. */
export interface ListItem extends Positioned {
  type: "listItem";
  children: RootContent[];
}

/** An HTML block. */
export interface Html extends Positioned {
  type: "html";
  value: string;
}

/** `---`, `***` or `___` on a line of its own. */
export interface ThematicBreak extends Positioned {
  type: "thematicBreak";
}

/** A link reference definition (`[label]: url`): no content of its own, but a block in the sequence. */
export interface Definition extends Positioned {
  type: "definition";
}

/** Inline content. */
export type PhrasingContent =
  | Text
  | InlineCode
  | Strong
  | Emphasis
  | Link
  | LinkReference
  | Image
  | ImageReference
  | InlineHtml
  | Break;

/** Text, with character references and backslash escapes decoded; soft line breaks are `\n`. */
export interface Text {
  type: "text";
  value: string;
}

/** A code span's content. */
export interface InlineCode {
  type: "inlineCode";
  value: string;
}

/** `**strong**`. */
export interface Strong {
  type: "strong";
  children: PhrasingContent[];
}

/** `*emphasis*`. */
export interface Emphasis {
  type: "emphasis";
  children: PhrasingContent[];
}

/** An inline link or autolink; `url` is the destination as written (escapes and references decoded). */
export interface Link {
  type: "link";
  url: string;
  children: PhrasingContent[];
}

/** `[text][label]`, `[text][]` or `[text]` resolved through a definition. Not a {@link Link}, as in mdast. */
export interface LinkReference {
  type: "linkReference";
  children: PhrasingContent[];
}

/** An inline image. Its alt text is not part of the visible text, as in mdast. */
export interface Image {
  type: "image";
  url: string;
}

/** An image resolved through a definition (`![alt][label]`). */
export interface ImageReference {
  type: "imageReference";
}

/** Inline HTML, such as an `<a id="…"></a>` anchor inside a paragraph. */
export interface InlineHtml {
  type: "html";
  value: string;
}

/** A hard line break. */
export interface Break {
  type: "break";
}

/** Every node kind. */
export type Nodes = Root | RootContent | TableRow | TableCell | ListItem | PhrasingContent;
