import { decodeCharacterReferences } from "./entities.js";
import { parseTokens } from "./markdown-parser.js";
import type {
  Heading,
  Link,
  Nodes,
  Paragraph,
  PhrasingContent,
  Position,
  Root,
  RootContent,
  Table,
  TableCell,
} from "./markdown-tree.js";
import { treeFromTokens } from "./token-tree.js";

/** A parsed page: the tree plus the text it came from (for raw slices of descriptions). */
export interface MarkdownPage {
  tree: Root;
  source: string;
}

/** Parses a page as CommonMark plus GFM tables (what the docs are made of), with markdown-it. */
export function parseMarkdown(source: string): MarkdownPage {
  return { tree: treeFromTokens(parseTokens(source), source), source };
}

/** 1-based line where a block, table row or list item starts. */
export function lineOf(node: { position: Position } | undefined): number | undefined {
  return node?.position.start.line;
}

/**
 * The visible text of a node: text and inline code values concatenated, markup dropped.
 * Character references are already decoded by the parser here.
 */
export function plainText(node: Nodes): string {
  if ("value" in node && (node.type === "text" || node.type === "inlineCode")) return node.value;
  if ("children" in node) return node.children.map((child) => plainText(child as Nodes)).join("");
  return "";
}

/** The trimmed plain text of a heading. */
export function headingText(heading: Heading): string {
  return plainText(heading).trim();
}

/**
 * The Markdown a run of blocks was written with (from the first one's start to the last
 * one's end, anything between included), entities decoded and GFM's `\|` unescaped.
 * Descriptions keep their Markdown (OpenAPI descriptions are CommonMark), which plain
 * text would flatten.
 */
export function sourceMarkdown(blocks: readonly RootContent[], source: string): string {
  const first = blocks[0]?.position.start.offset;
  const last = blocks[blocks.length - 1]?.position.end.offset;
  if (first === undefined || last === undefined) return "";
  return decodeCharacterReferences(source.slice(first, last).replaceAll("\\|", "|")).trim();
}

/**
 * The Markdown a table cell was written with, entities decoded ("" for a missing cell).
 * The table parser has already unescaped GFM's `\|` in it.
 */
export function cellMarkdown(cell: TableCell | undefined): string {
  return cell ? decodeCharacterReferences(cell.raw).trim() : "";
}

/** One table row: its cells and the line it is on. */
export interface TableRowView {
  cells: TableCell[];
  line: number | undefined;
}

/** A GFM table split into trimmed header texts and body rows. */
export interface TableView {
  header: string[];
  rows: TableRowView[];
  line: number | undefined;
}

/** Splits a table into header and rows. */
export function viewTable(table: Table): TableView {
  const [head, ...body] = table.children;
  return {
    header: head ? head.children.map((cell) => plainText(cell).trim()) : [],
    rows: body.map((row) => ({ cells: row.children, line: lineOf(row) })),
    line: lineOf(table),
  };
}

/** Whether the header names exactly `columns` (whitespace-insensitive). */
export function hasColumns(view: TableView, columns: readonly string[]): boolean {
  return view.header.length === columns.length && columns.every((column, i) => view.header[i] === column);
}

/** The trimmed plain text of cell `index` of a row ("" when the row is short). */
export function cellText(row: TableRowView, index: number): string {
  const cell = row.cells[index];
  return cell ? plainText(cell).trim() : "";
}

/** The first link anywhere inside `node`, if any. */
export function firstLink(node: Nodes | undefined): Link | undefined {
  if (!node) return undefined;
  if (node.type === "link") return node;
  if ("children" in node) {
    for (const child of node.children) {
      const found = firstLink(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}

/** All links directly or indirectly inside a paragraph, in order. */
export function linksIn(node: Paragraph | PhrasingContent): Link[] {
  if (node.type === "link") return [node];
  if ("children" in node) return (node.children as PhrasingContent[]).flatMap((child) => linksIn(child));
  return [];
}

/** Whether a block is only HTML anchors (`<a id="x"></a>`): layout, not content. */
export function isAnchorOnly(node: RootContent): boolean {
  if (node.type === "html") return true;
  if (node.type !== "paragraph") return false;
  return node.children.every((child) => child.type === "html" || (child.type === "text" && child.value.trim() === ""));
}
