import type { getAstNodeByPointer as AstNodeByPointer, Loc, LocationObject } from "@redocly/openapi-core";
import { safeLoad } from "yaml-ast-parser";

/**
 * Places lint findings in their source without Redocly's `getLineColLocation`, which walks the
 * text from its first character for every finding: on a 10 MB spec with a hundred findings that
 * took seconds. Each source's line starts are indexed once and searched by bisection; the
 * positions are the same (a test compares both).
 */
export function lintLocator(getAstNodeByPointer: typeof AstNodeByPointer): (location: LocationObject) => Loc {
  const lineStarts = new Map<string, number[]>();
  return (location) => {
    if (location.pointer === undefined) return location.start;
    const { source, pointer, reportOnKey } = location;
    // Redocly declares the AST with its own copy of yaml-ast-parser's types; it is the same parser.
    const ast = source.getAst(safeLoad) as Parameters<typeof AstNodeByPointer>[0];
    const node = getAstNodeByPointer(ast, pointer, reportOnKey === true);
    const start = node?.startPosition ?? 1;
    const end = node?.endPosition ?? 1;
    // Redocly's convention: a node that is empty or out of range is placed at the very start.
    if (start >= end) return { line: 1, col: 1 };
    let starts = lineStarts.get(source.absoluteRef);
    if (starts === undefined) {
      starts = [0];
      for (let i = source.body.indexOf("\n"); i !== -1; i = source.body.indexOf("\n", i + 1)) starts.push(i + 1);
      lineStarts.set(source.absoluteRef, starts);
    }
    const offset = start - 1;
    const line = lastAtOrBefore(starts, offset);
    if (source.body[offset] === "\n") return { line: line + 2, col: 1 };
    return { line: line + 1, col: offset - starts[line]! + 2 };
  };
}

/** The index of the last element of the ascending `values` that is ≤ `target`. */
function lastAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (values[middle]! <= target) low = middle;
    else high = middle - 1;
  }
  return low;
}
