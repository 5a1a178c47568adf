import { describe, expect, it } from "vitest";
import { compareTrees, formatTreeDifferences } from "../../src/check/compare-trees.js";

describe("compareTrees", () => {
  it.each([
    ["identical", { committed: { a: "1" }, fresh: { a: "1" }, want: [] }],
    ["changed byte", { committed: { a: "1" }, fresh: { a: "2" }, want: ["changed: src/a"] }],
    ["missing file", { committed: {}, fresh: { a: "1" }, want: ["missing: src/a"] }],
    ["stale file", { committed: { a: "1", b: "1" }, fresh: { a: "1" }, want: ["extra: src/b"] }],
    ["trailing newline counts", { committed: { a: "1\n" }, fresh: { a: "1" }, want: ["changed: src/a"] }],
  ] as const)("%s", (_name, { committed, fresh, want }) => {
    const differences = compareTrees(new Map(Object.entries(committed)), new Map(Object.entries(fresh)));
    expect(formatTreeDifferences(differences, "src")).toEqual(want);
  });
});
