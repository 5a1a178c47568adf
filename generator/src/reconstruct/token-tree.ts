import type { Token } from "markdown-it";
import { unescapeAll } from "./markdown-parser.js";
import type {
  Blockquote,
  Code,
  Emphasis,
  Heading,
  Link,
  LinkReference,
  List,
  ListItem,
  PhrasingContent,
  Position,
  Root,
  RootContent,
  Strong,
  Table,
  TableCell,
  TableRow,
} from "./markdown-tree.js";

/** Nodes whose children arrive as separate open … close tokens. */
type Parent = Root | Blockquote | List | ListItem | Table | TableRow;

/**
 * Turns markdown-it's flat token stream into the tree the page parsers walk. markdown-it
 * only says which lines a block spans (`token.map`, 0-based, end exclusive), so offsets
 * for raw slices come from the line starts of `source` — the text before markdown-it
 * normalised its line endings, which is what descriptions are sliced from.
 */
export function treeFromTokens(tokens: readonly Token[], source: string): Root {
  const lines = new LineIndex(source);
  const root: Root = { type: "root", children: [] };
  const parents: Parent[] = [];
  let parent: Parent = root;
  const append = (node: RootContent | ListItem | TableRow | TableCell) => (parent.children as unknown[]).push(node);
  const open = (node: Exclude<Parent, Root>) => {
    append(node);
    parents.push(parent);
    parent = node;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "heading_open":
        append({
          type: "heading",
          depth: Number(token.tag.slice(1)) as Heading["depth"],
          children: phrasing(inlineAfter(tokens, i)),
          position: lines.position(token),
        });
        i += 2; // the inline token and heading_close
        break;
      case "paragraph_open":
        append({ type: "paragraph", children: phrasing(inlineAfter(tokens, i)), position: lines.position(token) });
        i += 2;
        break;
      case "th_open":
      case "td_open": {
        const inline = inlineAfter(tokens, i);
        append({ type: "tableCell", children: phrasing(inline), raw: inline.content });
        i += 2;
        break;
      }
      case "blockquote_open":
        open({ type: "blockquote", children: [], position: lines.position(token) });
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        open({
          type: "list",
          ordered: token.type === "ordered_list_open",
          children: [],
          position: lines.position(token),
        });
        break;
      case "list_item_open":
        open({ type: "listItem", children: [], position: lines.position(token) });
        break;
      case "table_open":
        open({ type: "table", children: [], position: lines.position(token) });
        break;
      case "tr_open":
        open({ type: "tableRow", children: [], position: lines.position(token) });
        break;
      case "tr_close":
        // Only a top-level row's source line is the row as the table rule saw it.
        if (parents.length === 2) recordOverflow(parent as TableRow, source);
        parent = parents.pop() ?? root;
        break;
      case "blockquote_close":
      case "bullet_list_close":
      case "ordered_list_close":
      case "list_item_close":
      case "table_close":
        parent = parents.pop() ?? root;
        break;
      case "thead_open":
      case "thead_close":
      case "tbody_open":
      case "tbody_close":
        break; // mdast has no head/body groups: the first row is the header
      case "fence":
      case "code_block":
        append(codeNode(token, lines.position(token)));
        break;
      case "html_block":
        append({ type: "html", value: withoutFinalNewline(token.content), position: lines.position(token) });
        break;
      case "hr":
        append({ type: "thematicBreak", position: lines.position(token) });
        break;
      case "reference_definition":
        append({ type: "definition", position: lines.position(token) });
        break;
      default:
        throw new Error(`markdown-it produced a block token this tree does not know: ${token.type}`);
    }
  }
  return root;
}

/** The inline token that follows an opening token (headings, paragraphs and cells always have one). */
function inlineAfter(tokens: readonly Token[], index: number): Token {
  const inline = tokens[index + 1];
  if (inline?.type !== "inline") throw new Error(`markdown-it put no inline token after ${tokens[index]?.type}`);
  return inline;
}

/** Converts an inline token's children. Adjacent text (split around soft breaks) is merged, as mdast has it. */
function phrasing(inline: Token): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  const parents: PhrasingContent[][] = [];
  let siblings = result;
  const open = (node: Strong | Emphasis | Link | LinkReference) => {
    siblings.push(node);
    parents.push(siblings);
    siblings = node.children;
  };
  for (const token of inline.children ?? []) {
    switch (token.type) {
      case "text":
        appendText(siblings, token.content);
        break;
      case "softbreak":
        appendText(siblings, "\n");
        break;
      case "hardbreak":
        siblings.push({ type: "break" });
        break;
      case "code_inline":
        siblings.push({ type: "inlineCode", value: token.content });
        break;
      case "html_inline":
        siblings.push({ type: "html", value: token.content });
        break;
      case "image":
        // markdown-it records a label only on links and images resolved through a definition.
        if (token.meta?.label !== undefined) siblings.push({ type: "imageReference" });
        else siblings.push({ type: "image", url: String(token.attrGet("src") ?? "") });
        break;
      case "strong_open":
        open({ type: "strong", children: [] });
        break;
      case "em_open":
        open({ type: "emphasis", children: [] });
        break;
      case "link_open":
        if (token.meta?.label !== undefined) open({ type: "linkReference", children: [] });
        else open({ type: "link", url: String(token.attrGet("href") ?? ""), children: [] });
        break;
      case "strong_close":
      case "em_close":
      case "link_close":
        siblings = parents.pop() ?? result;
        break;
      default:
        throw new Error(`markdown-it produced an inline token this tree does not know: ${token.type}`);
    }
  }
  return result;
}

/** Notes the cells of a row's line past the header's count (markdown-it keeps only the first ones). */
function recordOverflow(row: TableRow, source: string): void {
  const cells = splitTableRow(source.slice(row.position.start.offset, row.position.end.offset));
  if (cells.length > row.children.length) row.overflow = cells.slice(row.children.length).map((cell) => cell.trim());
}

/**
 * A row line's cells as markdown-it's table rule splits them: at each `|` not preceded by a
 * backslash (`\|` stays in the cell as `|`), without the empty cells outside a leading or
 * trailing pipe.
 */
export function splitTableRow(line: string): string[] {
  const text = line.trim();
  const cells: string[] = [];
  let current = "";
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x7c) continue;
    if (i > 0 && text.charCodeAt(i - 1) === 0x5c) {
      current += text.slice(start, i - 1);
      start = i;
      continue;
    }
    cells.push(current + text.slice(start, i));
    current = "";
    start = i + 1;
  }
  cells.push(current + text.slice(start));
  if (cells[0] === "") cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

function appendText(siblings: PhrasingContent[], value: string): void {
  if (value === "") return;
  const previous = siblings[siblings.length - 1];
  if (previous?.type === "text") previous.value += value;
  else siblings.push({ type: "text", value });
}

function codeNode(token: Token, position: Position): Code {
  const word = token.info.trim().split(/[ \t]/, 1)[0] ?? "";
  return {
    type: "code",
    lang: word === "" ? null : unescapeAll(word),
    value: withoutFinalNewline(token.content),
    position,
  };
}

function withoutFinalNewline(text: string): string {
  return text.endsWith("\n") ? text.slice(0, -1) : text;
}

/**
 * Line start and end offsets of a text, with `\n`, `\r\n` and `\r` as line endings —
 * the same lines markdown-it counts after normalising them.
 */
class LineIndex {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code !== 0x0a && code !== 0x0d) continue;
      this.ends.push(i);
      if (code === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
      this.starts.push(i + 1);
    }
    this.ends.push(source.length);
  }

  /** The position of a block token: from the start of its first line to the end of its last. */
  position(token: Token): Position {
    if (!token.map) throw new Error(`markdown-it gave no line map for ${token.type}`);
    const [first, next] = token.map;
    const last = Math.max(first, next - 1);
    // markdown-it counts the same lines, so both indexes are in range.
    return {
      start: { line: first + 1, offset: this.starts[first] as number },
      end: { line: last + 1, offset: this.ends[last] as number },
    };
  }
}
