import markdownIt, { type Token } from "markdown-it";
import { alignWithCommonMark } from "./markdown-it-rules.js";

/**
 * CommonMark plus GFM tables, configured so the token stream says what the docs say:
 * - `html: true` keeps `<a id="…"></a>` anchors as HTML tokens (the grammar skips them
 *   as layout) instead of escaping them into text.
 * - Only the table construct of GFM: strikethrough, autolink literals and typography never
 *   carry structure in these docs, and the `commonmark` preset has none of them.
 * - Link destinations as written: no percent-encoding or punycode (a model link's target
 *   is a file path, and `{{complexTypePrefix}}Error.md` must survive as written), and no
 *   scheme blocklist (that is for rendering untrusted HTML; nothing here is rendered).
 * - Reference definitions are kept as tokens (the `strip_references` core rule drops
 *   them), so they stay blocks in the page's sequence as CommonMark has them.
 * - Nesting deeper than the preset's 20 levels is still parsed (markdown-it stops
 *   building tokens there); 100 is markdown-it's own default-preset limit.
 */
function createParser() {
  const md = markdownIt("commonmark", { html: true, maxNesting: 100 });
  alignWithCommonMark(md);
  md.disable("strip_references");
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  return md;
}

const PARSER = createParser();

/**
 * Tokenises a page. A leading byte order mark is dropped first: CommonMark parsers
 * ignore it, markdown-it does not, and it would hide a first-line heading.
 */
export function parseTokens(source: string): Token[] {
  return PARSER.parse(source.startsWith("\uFEFF") ? source.slice(1) : source, {});
}

/** markdown-it's decoding of backslash escapes and character references (for fence info strings). */
export const unescapeAll: (text: string) => string = PARSER.utils.unescapeAll;
