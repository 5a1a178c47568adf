import type { Heading, Link, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { decodeCharacterReferences } from "./entities.js";

/** A parsed page: the mdast tree plus the text it came from (for raw slices of descriptions). */
export interface MarkdownPage {
  tree: Root;
  source: string;
}

type SyntaxExtension = ReturnType<typeof gfm>;
type TreeExtension = ReturnType<typeof gfmFromMarkdown>[number];

/**
 * GFM's table construct alone. The docs' structure is all tables; GFM's other constructs
 * (literal autolinks, footnotes, strikethrough, task lists) carry none of it, and the
 * literal-autolink check runs at nearly every letter, which made parsing ~40% slower.
 * `micromark-extension-gfm` / `mdast-util-gfm` only export the bundle, so the table
 * parts are picked out of it by construct name instead of adding two dependencies.
 */
function tableOnlyExtensions(): { syntax: SyntaxExtension; tree: TreeExtension[] } {
  const flow = gfm().flow as Record<string, unknown> | undefined;
  const constructs = [flow?.null]
    .flat()
    .filter((construct) => (construct as { name?: string } | undefined)?.name === "table");
  const tree = gfmFromMarkdown().filter((extension) => extension.enter != null && "table" in extension.enter);
  if (constructs.length !== 1 || tree.length !== 1)
    throw new Error(
      "micromark-extension-gfm / mdast-util-gfm no longer expose the table extension the way this parser expects",
    );
  return { syntax: { flow: { null: constructs } } as SyntaxExtension, tree };
}

const TABLES = tableOnlyExtensions();

/** Parses a page as CommonMark plus GFM tables (what the docs are made of). */
export function parseMarkdown(source: string): MarkdownPage {
  const tree = fromMarkdown(source, { extensions: [TABLES.syntax], mdastExtensions: TABLES.tree });
  return { tree, source };
}

/** 1-based line where `node` starts (the parser always records positions). */
export function lineOf(node: Nodes | undefined): number | undefined {
  return node?.position?.start.line;
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
 * The Markdown a cell or paragraph was written with, entities decoded and GFM's `\|`
 * unescaped. Descriptions keep their Markdown (OpenAPI descriptions are CommonMark),
 * which plain text would flatten.
 */
export function sourceMarkdown(nodes: readonly Nodes[], source: string): string {
  const first = nodes[0]?.position?.start.offset;
  const last = nodes[nodes.length - 1]?.position?.end.offset;
  if (first === undefined || last === undefined) return "";
  return decodeCharacterReferences(source.slice(first, last).replaceAll("\\|", "|")).trim();
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
