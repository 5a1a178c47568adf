import { describe, expect, it } from "vitest";
import { cellMarkdown, parseMarkdown, sourceMarkdown } from "../../src/reconstruct/markdown.js";
import type { Table } from "../../src/reconstruct/markdown-tree.js";

/** `position` of a block as the tests spell it: start line, end line. */
const at = (start: number, end = start) => ({ start: { line: start }, end: { line: end } });
const text = (value: string) => ({ type: "text", value });

describe("markdown-it tokens → tree", () => {
  it.each<[string, { given: string; want: unknown[] }]>([
    [
      "ATX heading: depth, text and line",
      {
        given: "\n## Model Type Info\n",
        want: [{ type: "heading", depth: 2, children: [text("Model Type Info")], position: at(2) }],
      },
    ],
    [
      "operation heading: a single strong child",
      {
        given: "# **get_factors**\n",
        want: [{ type: "heading", depth: 1, children: [{ type: "strong", children: [text("get_factors")] }] }],
      },
    ],
    [
      "closing #s are not heading text",
      {
        given: "### Dictionary Keys ###\n",
        want: [{ type: "heading", depth: 3, children: [text("Dictionary Keys")] }],
      },
    ],
    [
      "setext heading",
      { given: "Title\n===\n", want: [{ type: "heading", depth: 1, children: [text("Title")], position: at(1, 2) }] },
    ],
    [
      "table: header row first, one line per row",
      {
        given: "\nA | B\n--- | ---\n1 | 2\n3 | 4\n",
        want: [
          {
            type: "table",
            position: at(2, 5),
            children: [
              { type: "tableRow", position: at(2), children: [{ children: [text("A")] }, { children: [text("B")] }] },
              { type: "tableRow", position: at(4), children: [{ raw: "1" }, { raw: "2" }] },
              { type: "tableRow", position: at(5), children: [{ raw: "3" }, { raw: "4" }] },
            ],
          },
        ],
      },
    ],
    [
      "escaped pipe stays in its cell, unescaped in text and raw",
      {
        given: "A | B\n--- | ---\nx | a \\| b\n",
        want: [{ children: [{}, { children: [{}, { children: [text("a | b")], raw: "a | b" }] }] }],
      },
    ],
    [
      "escaped pipe inside a code span in a cell",
      {
        given: "A | B\n--- | ---\nx | `a \\| b`\n",
        want: [{ children: [{}, { children: [{}, { children: [{ type: "inlineCode", value: "a | b" }] }] }] }],
      },
    ],
    [
      "entities: decoded in text, kept in the raw cell",
      {
        given: "A | B\n--- | ---\nx | set &#x60;true&#x60; &amp; go\n",
        want: [
          {
            children: [
              {},
              { children: [{}, { children: [text("set `true` & go")], raw: "set &#x60;true&#x60; &amp; go" }] },
            ],
          },
        ],
      },
    ],
    [
      "short rows get empty cells, long rows lose the extra ones (cells are read by header index)",
      {
        given: "A | B\n--- | ---\nonly\n1 | 2 | 3\n",
        want: [
          {
            children: [
              {},
              { children: [{ raw: "only" }, { raw: "", children: [] }] },
              { children: [{ raw: "1" }, { raw: "2" }] },
            ],
          },
        ],
      },
    ],
    [
      "fenced code: language, value and the lines it spans",
      {
        given: "```python\nx = 1\n```\nafter\n",
        want: [
          { type: "code", lang: "python", value: "x = 1", position: at(1, 3) },
          { type: "paragraph", position: at(4) },
        ],
      },
    ],
    ["indented code has no language", { given: "    x = 1\n", want: [{ type: "code", lang: null, value: "x = 1" }] }],
    [
      "an anchor line is a paragraph of inline HTML (it cannot start an HTML block)",
      {
        given: '<a id="__pageTop"></a>\n# Title\n',
        want: [
          {
            type: "paragraph",
            position: at(1),
            children: [
              { type: "html", value: '<a id="__pageTop">' },
              { type: "html", value: "</a>" },
            ],
          },
          { type: "heading", position: at(2) },
        ],
      },
    ],
    [
      "an HTML block",
      { given: "<div>\nx\n</div>\n", want: [{ type: "html", value: "<div>\nx\n</div>", position: at(1, 3) }] },
    ],
    [
      "link to the unfilled {{complexTypePrefix}} placeholder, as written",
      {
        given: "[**Error**]({{complexTypePrefix}}Error.md)\n",
        want: [
          {
            children: [
              {
                type: "link",
                url: "{{complexTypePrefix}}Error.md",
                children: [{ type: "strong", children: [text("Error")] }],
              },
            ],
          },
        ],
      },
    ],
    [
      "link destinations are neither percent-encoded nor filtered",
      {
        given: "[a](../../models/Ümlaut.md) [b](<x y.md>) [c](javascript:void(0))\n",
        want: [
          {
            children: [
              { type: "link", url: "../../models/Ümlaut.md" },
              text(" "),
              { type: "link", url: "x y.md" },
              text(" "),
              { type: "link", url: "javascript:void(0)" },
            ],
          },
        ],
      },
    ],
    [
      "autolinks are links",
      {
        given: "<https://api.example.test/v1?a=1&b=2>\n",
        want: [{ children: [{ type: "link", url: "https://api.example.test/v1?a=1&b=2" }] }],
      },
    ],
    [
      "a reference link is a linkReference and its definition a block",
      {
        given: "[text][d]\n\n[d]: https://x.test\n",
        want: [
          { type: "paragraph", children: [{ type: "linkReference", children: [text("text")] }] },
          { type: "definition", position: at(3) },
        ],
      },
    ],
    [
      "images are leaves (their alt text is not visible text)",
      { given: "![alt *x*](i.png)\n", want: [{ children: [{ type: "image", url: "i.png" }] }] },
    ],
    [
      "list items, their lines and paragraphs",
      {
        given: "* OAuth Authentication (OAuth2):\n* Api Key Authentication (k):\n",
        want: [
          {
            type: "list",
            ordered: false,
            position: at(1, 2),
            children: [
              {
                type: "listItem",
                position: at(1),
                children: [{ type: "paragraph", children: [text("OAuth Authentication (OAuth2):")] }],
              },
              { type: "listItem", position: at(2) },
            ],
          },
        ],
      },
    ],
    [
      "block quote and thematic break",
      {
        given: "> sig()\n\n---\n",
        want: [
          { type: "blockquote", position: at(1), children: [{ type: "paragraph" }] },
          { type: "thematicBreak", position: at(3) },
        ],
      },
    ],
    [
      "soft line breaks are \\n inside one text node",
      { given: "one &amp;\ntwo\n", want: [{ children: [text("one &\ntwo")] }] },
    ],
    [
      "hard line breaks",
      {
        given: "one  \ntwo\\\nthree\n",
        want: [{ children: [text("one"), { type: "break" }, text("two"), { type: "break" }, text("three")] }],
      },
    ],
    [
      "CRLF and CR line endings count as one line each",
      {
        given: "a\r\n\r\n# H\r\rb\n",
        want: [{ position: at(1) }, { type: "heading", position: at(3) }, { position: at(5) }],
      },
    ],
    [
      "a leading byte order mark is ignored",
      { given: "\uFEFF# Title\n", want: [{ type: "heading", children: [text("Title")] }] },
    ],
    [
      "only the table construct of GFM: no strikethrough, no literal autolinks",
      {
        given: "~~old~~ www.example.test https://example.test\n",
        want: [{ children: [text("~~old~~ www.example.test https://example.test")] }],
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(parseMarkdown(given).tree.children).toMatchObject(want);
  });
});

describe("raw Markdown from positions", () => {
  it("sourceMarkdown slices from the first block's start to the last block's end", () => {
    const source = '# T\n\nFirst *para*\nline\n\n<a id="x"></a>\n\n- item\n\n# Next\n';
    const blocks = parseMarkdown(source).tree.children;
    expect(blocks.map((block) => block.type)).toEqual(["heading", "paragraph", "paragraph", "list", "heading"]);
    expect(sourceMarkdown(blocks.slice(1, 4), source)).toBe('First *para*\nline\n\n<a id="x"></a>\n\n- item');
    expect(sourceMarkdown([], source)).toBe("");
  });

  it("keeps the page's own line endings in slices", () => {
    const source = "a\r\nb\r\n\r\nc\r\n";
    const blocks = parseMarkdown(source).tree.children;
    expect(sourceMarkdown(blocks, source)).toBe("a\r\nb\r\n\r\nc");
  });

  it("cellMarkdown decodes entities and keeps markup; a missing cell is empty", () => {
    const table = parseMarkdown("A | B\n--- | ---\n`x` | **b** &#x3D; [l]({{complexTypePrefix}}L.md) \\| c\n").tree
      .children[0] as Table;
    expect(cellMarkdown(table.children[1]?.children[1])).toBe("**b** = [l]({{complexTypePrefix}}L.md) | c");
    expect(cellMarkdown(table.children[1]?.children[5])).toBe("");
  });
});
