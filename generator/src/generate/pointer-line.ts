import { isNode, LineCounter, parseDocument } from "yaml";
import { type Diagnostic, InputError } from "../diagnostics.js";

/** 1-based line of the node at `pointer` (RFC 6901) in a YAML or JSON text, if it exists. */
export function lineOfPointer(text: string, pointer: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  const tokens = pointer
    .split("/")
    .slice(1)
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  const node = doc.getIn(tokens, true);
  if (!isNode(node) || !node.range) return undefined;
  return lineCounter.linePos(node.range[0]).line;
}

/** Adds the line to diagnostics that only knew their JSON pointer. */
export function withLines(error: unknown, text: string): unknown {
  if (!(error instanceof InputError)) return error;
  const located: Diagnostic[] = error.diagnostics.map((d) =>
    d.line === undefined && d.pointer !== undefined ? { ...d, line: lineOfPointer(text, d.pointer) } : d,
  );
  return new InputError(located);
}
