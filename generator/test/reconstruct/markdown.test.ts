import { describe, expect, it } from "vitest";
import { BlockCursor } from "../../src/reconstruct/block-cursor.js";
import { cellMarkdown, parseMarkdown, viewTable } from "../../src/reconstruct/markdown.js";

describe("parseMarkdown", () => {
  it("parses GFM tables with positions", () => {
    const { tree } = parseMarkdown("# T\n\nA | B\n--- | ---\n1 | [x](#x)\n");
    const table = tree.children[1];
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    const view = viewTable(table);
    expect(view.header).toEqual(["A", "B"]);
    expect(view.rows[0]?.line).toBe(5);
    expect(view.rows[0]?.cells[1]?.children[0]).toMatchObject({ type: "link", url: "#x" });
  });

  it("keeps links whose target is the unfilled {{complexTypePrefix}} placeholder", () => {
    const { tree } = parseMarkdown("A | B\n--- | ---\n[**Error**]({{complexTypePrefix}}Error.md) | x\n");
    const table = tree.children[0];
    if (table?.type !== "table") throw new Error("no table");
    expect(viewTable(table).rows[0]?.cells[0]?.children[0]).toMatchObject({
      type: "link",
      url: "{{complexTypePrefix}}Error.md",
    });
  });

  it("does not turn bare URLs or ~~ into GFM autolinks/strikethrough (tables only)", () => {
    const { tree } = parseMarkdown("see www.example.test and ~~old~~\n");
    expect(JSON.stringify(tree)).not.toMatch(/"type":"(link|delete)"/);
  });

  it("cellMarkdown keeps Markdown, decodes entities and unescapes table pipes", () => {
    const source = "A | B\n--- | ---\nx | **Set** &#x60;a&#x60; \\| b [l](u)\n";
    const { tree } = parseMarkdown(source);
    const table = tree.children[0];
    if (table?.type !== "table") throw new Error("no table");
    expect(cellMarkdown(viewTable(table).rows[0]?.cells[1])).toBe("**Set** `a` | b [l](u)");
  });
});

describe("BlockCursor", () => {
  it("skips HTML anchors and reads headings by depth and text", () => {
    const { tree } = parseMarkdown('<a id="top"></a>\n# Title\n<a id="x"></a>\n## Sub\n\ntext\n');
    const cursor = new BlockCursor(tree.children);
    expect(cursor.takeHeading(2)).toBeUndefined();
    expect(cursor.takeHeading(1, "Title")).toBeDefined();
    expect(cursor.peekHeading(2, "Sub")).toBeDefined();
    cursor.next();
    expect(cursor.takeUntilHeading().map((block) => block.type)).toEqual(["paragraph"]);
    expect(cursor.done).toBe(true);
  });
});
