import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/reconstruct/markdown.js";
import { DiagnosticLog } from "../../src/reconstruct/reporter.js";
import { reportTableOverflow } from "../../src/reconstruct/table-overflow.js";
import { splitTableRow } from "../../src/reconstruct/token-tree.js";

describe("splitTableRow", () => {
  it.each<[string, { given: string; want: string[] }]>([
    ["plain row", { given: "a | b | c", want: ["a ", " b ", " c"] }],
    ["outer pipes", { given: "| a | b |", want: [" a ", " b "] }],
    ["trailing pipe with an empty cell before it", { given: "a | |", want: ["a ", " "] }],
    ["escaped pipe stays in its cell", { given: "a \\| b | c", want: ["a | b ", " c"] }],
    ["surrounding whitespace", { given: "  a | b  ", want: ["a ", " b"] }],
  ])("%s", (_name, { given, want }) => {
    expect(splitTableRow(given)).toEqual(want);
  });
});

describe("reportTableOverflow", () => {
  it.each<[string, { given: string; want: string[] }]>([
    ["row within the header's width", { given: "a | b\n--- | ---\n1 | 2\n3 |\n", want: [] }],
    [
      "a pipe inside a description pushes the notes out",
      {
        given: "Key | Description | Notes\n--- | --- | ---\n**x** | one | two | [optional]\n",
        want: [
          '3: table row has more cells than its header (a "|" inside a cell?); the extra cells "[optional]" are ignored',
        ],
      },
    ],
    ["an escaped pipe is one cell", { given: "a | b\n--- | ---\n1 \\| 2 | 3\n", want: [] }],
    ["a table inside a quote is not checked", { given: "> a | b\n> --- | ---\n> 1 | 2 | 3\n", want: [] }],
  ])("%s", (_name, { given, want }) => {
    const log = new DiagnosticLog();
    reportTableOverflow(parseMarkdown(given).tree, log.forFile("page.md"));
    expect(log.warnings.map((warning) => `${warning.line}: ${warning.message}`)).toEqual(want);
  });
});
