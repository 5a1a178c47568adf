import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

/**
 * Rule changes that make markdown-it read a page as CommonMark's reference parsers
 * (cmark-gfm, micromark) do, with GFM tables. Each one is a place where markdown-it's
 * own reading differs in a way that reaches the page parsers: which block a line starts,
 * or the text they compare and quote in warnings.
 */
export function alignWithCommonMark(md: MarkdownIt): void {
  addGfmTable(md);
  md.inline.ruler.at("newline", lineEnding);
  keepLineEndingsInCodeSpans(md);
}

/**
 * A rule from markdown-it's own list. The rule functions are not exported; `__rules__`
 * is typed but internal, so a rule that goes missing in an upgrade fails here, at load
 * time, instead of silently changing the parse.
 */
function ruleNamed<Rule>(rules: readonly { name: string; fn: Rule; alt: string[] }[], name: string) {
  const rule = rules.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`markdown-it no longer has a rule named ${name}`);
  return rule;
}

/**
 * Enables markdown-it's table rule where GFM tries tables: after headings, fences, HTML
 * blocks, thematic breaks, definitions, block quotes and lists (markdown-it tries it
 * first, so `# A | B` or `- A | B` over a delimiter row became a table header), and not
 * when the delimiter row is only dashes: that line underlines a setext heading, which
 * GFM prefers (`| a` over `---` is a heading). The commonmark preset leaves the rule's
 * original slot disabled.
 */
function addGfmTable(md: MarkdownIt): void {
  const table = ruleNamed(md.block.ruler.__rules__, "table");
  md.block.ruler.before(
    "lheading",
    "gfm_table",
    (state, startLine, endLine, silent) =>
      !isDashesOnly(state, startLine + 1) && table.fn(state, startLine, endLine, silent),
    { alt: table.alt },
  );
}

function isDashesOnly(state: StateBlock, line: number): boolean {
  if (line >= state.lineMax) return false;
  const start = state.bMarks[line] as number;
  const text = state.src.slice(start + (state.tShift[line] as number), state.eMarks[line]);
  return /^-+[ \t]*$/.test(text);
}

/**
 * A line ending in inline content. The spaces and tabs before it are not content, and
 * they make a hard break only when there are two or more and none is a tab. markdown-it
 * drops only spaces and ignores tabs, so `text\t\n` kept its tab and `text\t  \n` broke
 * hard. Leading spaces and tabs of the next line are skipped, as before.
 */
function lineEnding(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x0a) return false;
  if (!silent) {
    const text = state.pending;
    let end = text.length;
    let tab = false;
    for (; end > 0; end--) {
      const code = text.charCodeAt(end - 1);
      if (code === 0x09) tab = true;
      else if (code !== 0x20) break;
    }
    const hard = !tab && text.length - end >= 2;
    state.pending = text.slice(0, end);
    state.push(hard ? "hardbreak" : "softbreak", "br", 0);
  }
  let pos = state.pos + 1;
  while (pos < state.posMax && isSpaceOrTab(state.src.charCodeAt(pos))) pos++;
  state.pos = pos;
  return true;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * A code span that runs over lines keeps its line endings (markdown-it turns them into
 * spaces). Its one padding character at each end is still dropped when both ends are a
 * space or line ending and something else is inside. Spans on one line are untouched.
 */
function keepLineEndingsInCodeSpans(md: MarkdownIt): void {
  const backticks = ruleNamed(md.inline.ruler.__rules__, "backticks").fn;
  md.inline.ruler.at("backticks", (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    if (!backticks(state, silent)) return false;
    const token = state.tokens[state.tokens.length - 1];
    if (silent || state.tokens.length === count || token?.type !== "code_inline") return true;
    const inner = state.src.slice(start + token.markup.length, state.pos - token.markup.length);
    if (inner.includes("\n")) token.content = withoutPadding(inner);
    return true;
  });
}

function withoutPadding(inner: string): string {
  const isPadding = (char: string | undefined) => char === " " || char === "\n";
  const padded = isPadding(inner[0]) && isPadding(inner[inner.length - 1]);
  const hasContent = [...inner].some((char) => !isPadding(char));
  return padded && hasContent ? inner.slice(1, -1) : inner;
}
