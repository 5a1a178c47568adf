import { describe, expect, it } from "vitest";
import { type EntryName, entryName } from "../../src/reconstruct/entry-names.js";
import { parseMarkdown } from "../../src/reconstruct/markdown.js";
import type { TableCell } from "../../src/reconstruct/markdown-tree.js";

/** The first cell of the one body row of a table whose first column holds `cell`. */
function firstCell(cell: string): TableCell {
  const table = parseMarkdown(`Key | Notes\n--- | ---\n${cell} | x\n`).tree.children[0];
  if (table?.type !== "table") throw new Error("no table");
  const first = table.children[1]?.children[0];
  if (!first) throw new Error("no cell");
  return first;
}

describe("entryName", () => {
  it.each<[string, { given: string; want: EntryName }]>([
    ["plain key", { given: "**status**", want: { name: "status" } }],
    ["key with its own section", { given: "**[data](#data)**", want: { name: "data", section: "data" } }],
    // CommonMark allows no space in a link destination, so this stays text.
    [
      "section link with a space",
      { given: "**[line items](#line items)**", want: { name: "line items", section: "line items" } },
    ],
    ["leading double underscore", { given: "**__v**", want: { name: "__v" } }],
    ["underscores Markdown reads as emphasis", { given: "**_meta_**", want: { name: "_meta_" } }],
    ["character reference", { given: "**a&amp;b**", want: { name: "a&b" } }],
    ["items row", { given: "items", want: { name: "items" } }],
    ["items with a section", { given: "[items](#items)", want: { name: "items", section: "items" } }],
    ["composed member", { given: "[all_of_1](#all_of_1)", want: { name: "all_of_1", section: "all_of_1" } }],
    [
      "emphasised link text matches the rendered heading",
      { given: "**[__meta__](#__meta__)**", want: { name: "__meta__", section: "meta" } },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(entryName(firstCell(given))).toEqual(want);
  });
});
