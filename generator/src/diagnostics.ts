/**
 * A located problem in an input file. Every stage reports bad input through this
 * so the CLI can print one consistent `file:line: message (at pointer)` line.
 */
export interface SourceLocation {
  /** Path of the input file, relative to the working directory where possible. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** RFC 6901 JSON pointer into the parsed document, when the problem has one. */
  pointer?: string;
}

export interface Diagnostic extends SourceLocation {
  severity: "error" | "warning";
  message: string;
}

/** Formats a diagnostic as `file:line:col: severity: message (at #/pointer)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((part) => part !== undefined)
    .join(":");
  const at = d.pointer !== undefined ? ` (at #${d.pointer})` : "";
  return `${where}: ${d.severity}: ${d.message}${at}`;
}

/** How many diagnostics a message shows; a file of garbage can yield hundreds of thousands. */
export const SHOWN_DIAGNOSTICS = 50;

/**
 * The first `limit` diagnostics, one a line, then `… and N more errors` (or warnings) so a
 * terminal is never flooded and the reader still learns how much is wrong.
 */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], limit = SHOWN_DIAGNOSTICS): string {
  const lines = diagnostics.slice(0, limit).map(formatDiagnostic);
  const hidden = diagnostics.length - lines.length;
  if (hidden > 0) {
    const kind = diagnostics.slice(limit).every((d) => d.severity === "warning") ? "warning" : "error";
    lines.push(`… and ${hidden} more ${kind}${hidden === 1 ? "" : "s"}`);
  }
  return lines.join("\n");
}

/** Thrown when input is invalid; carries every error found, not just the first. */
export class InputError extends Error {
  /** Every diagnostic found; the message shows the first SHOWN_DIAGNOSTICS of them. */
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/** Escapes one JSON pointer token per RFC 6901 §3. */
export function escapePointerToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Builds a JSON pointer from path tokens. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join("");
}

/**
 * A problem with the environment or the invocation (missing Java, unknown flag) that the
 * user fixes without reading a stack trace; the CLI prints its message alone.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}

/**
 * A failed command's message: what is wrong with the input or the tools, as it says; anything
 * else is a bug of ours and keeps its stack.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof InputError || error instanceof ToolError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
