import { describe, expect, it } from "vitest";
import { parseMarkdown, plainText } from "../../src/reconstruct/markdown.js";

const text = (value: string) => ({ type: "text", value });

describe("markdown-it read as CommonMark + GFM tables", () => {
  it.each<[string, { given: string; want: unknown[] }]>([
    [
      "a heading line with pipes is a heading, not a table header",
      {
        given: "# A | B\n--- | ---\n",
        want: [
          { type: "heading", children: [text("A | B")] },
          { type: "paragraph", children: [text("--- | ---")] },
        ],
      },
    ],
    [
      "a list item starts before a table does; the table is inside it",
      {
        given: "- A | B\n  --- | ---\n  1 | 2\n",
        want: [{ type: "list", children: [{ type: "listItem", children: [{ type: "table" }] }] }],
      },
    ],
    ["a block quote starts before a table does", { given: "> A | B\n--- | ---\n", want: [{ type: "blockquote" }] }],
    ["a fence starts before a table does", { given: "```A | B\n--- | ---\n", want: [{ type: "code" }] }],
    [
      "a delimiter row of dashes only underlines a setext heading",
      { given: "| a\n---\n", want: [{ type: "heading", depth: 2, children: [text("| a")] }] },
    ],
    [
      "a delimiter row with a pipe or colon still makes a one-column table",
      { given: "| a\n| ---\n\n| b\n:--\n", want: [{ type: "table" }, { type: "table" }] },
    ],
    [
      "a table still interrupts a paragraph",
      { given: "text\nA | B\n--- | ---\n", want: [{ type: "paragraph", children: [text("text")] }, { type: "table" }] },
    ],
    [
      "spaces and tabs before a soft line break are dropped",
      { given: "one \t\ntwo\t \nthree\n", want: [{ children: [text("one\ntwo\nthree")] }] },
    ],
    [
      "two spaces make a hard break, but not when a tab is among them",
      {
        given: "hard  \nsoft\t  \nend\n",
        want: [{ children: [text("hard"), { type: "break" }, text("soft\nend")] }],
      },
    ],
    [
      "a character reference before a line ending is content",
      { given: "a&#32;\nb\n", want: [{ children: [text("a \nb")] }] },
    ],
    [
      "a code span over lines keeps its line ending",
      {
        given: "see `a\nb` here\n",
        want: [{ children: [text("see "), { type: "inlineCode", value: "a\nb" }, text(" here")] }],
      },
    ],
    [
      "a code span over lines drops one padding character at each end",
      { given: "`\nx y\n`\n", want: [{ children: [{ type: "inlineCode", value: "x y" }] }] },
    ],
    [
      "a code span on one line is as markdown-it reads it",
      {
        given: "`` `a` `` ` b `\n",
        want: [{ children: [{ type: "inlineCode", value: "`a`" }, text(" "), { type: "inlineCode", value: "b" }] }],
      },
    ],
  ])("%s", (_, { given, want }) => {
    expect(parseMarkdown(given).tree.children).toMatchObject(want);
  });

  it("plain text of a paragraph with both kinds of break", () => {
    const [paragraph] = parseMarkdown("No authorization  \nrequired\there\t\nnow\n").tree.children;
    expect(paragraph && plainText(paragraph)).toBe("No authorizationrequired\there\nnow");
  });
});
