import { isNode, LineCounter, parseDocument } from "yaml";
import { type Diagnostic, InputError } from "../diagnostics.js";

type Locate = (pointer: string) => { line: number; column: number } | undefined;

/** The tokens of a JSON pointer without its `#` (`/paths/~1a/get` → `paths`, `/a`, `get`), unescaped (RFC 6901). */
export function pointerTokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Parses a YAML or JSON text once and returns a lookup of 1-based positions by JSON pointer (RFC 6901). */
export function pointerPositions(text: string): Locate {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return (pointer) => {
    const node = doc.getIn(pointerTokens(pointer), true);
    if (!isNode(node) || !node.range) return undefined;
    const { line, col } = lineCounter.linePos(node.range[0]);
    return { line, column: col };
  };
}

/** Adds line and column to diagnostics that only knew their JSON pointer (the text is parsed once). */
export function withLines(error: unknown, text: string): unknown {
  if (!(error instanceof InputError)) return error;
  let locate: Locate | undefined;
  const located: Diagnostic[] = error.diagnostics.map((d) => {
    if (d.line !== undefined || d.pointer === undefined) return d;
    locate ??= pointerPositions(text);
    const position = locate(d.pointer);
    return position ? { ...d, ...position } : d;
  });
  return new InputError(located);
}
