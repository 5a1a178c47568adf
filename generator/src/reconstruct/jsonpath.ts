/** One step of a supported JSONPath: a member name or an array index. */
export type PathSegment = { kind: "name"; name: string } | { kind: "index"; index: number };

/** A JSONPath outside the supported subset, or malformed. */
export class JsonPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonPathError";
  }
}

/**
 * Parses the JSONPath subset overlays here need: singular paths made of `$`, `.name`,
 * `['name']` / `["name"]` (for keys like `/api/1/users/{id}`) and `[0]`. Wildcards,
 * descendants (`..`), filters, slices and unions select many nodes and are rejected
 * rather than approximated.
 */
export function parseJsonPath(text: string): PathSegment[] {
  if (!text.startsWith("$")) throw new JsonPathError(`JSONPath "${text}" must start with "$"`);
  const segments: PathSegment[] = [];
  let at = 1;
  while (at < text.length) {
    const char = text[at];
    if (text.startsWith("..", at)) throw unsupported(text, "descendant segments (..)");
    if (char === ".") {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at + 1))?.[0];
      if (!name)
        throw text[at + 1] === "*"
          ? unsupported(text, "wildcards (*)")
          : new JsonPathError(`JSONPath "${text}": expected a member name after "." at ${at}`);
      segments.push({ kind: "name", name });
      at += 1 + name.length;
    } else if (char === "[") {
      const read = readBracket(text, at);
      segments.push(read.segment);
      at = read.end;
    } else {
      throw new JsonPathError(`JSONPath "${text}": unexpected "${char}" at ${at}`);
    }
  }
  return segments;
}

function readBracket(text: string, start: number): { segment: PathSegment; end: number } {
  const quote = text[start + 1];
  if (quote === "'" || quote === '"') {
    let name = "";
    let at = start + 2;
    while (at < text.length && text[at] !== quote) {
      if (text[at] === "\\") {
        const escaped = text[at + 1];
        if (escaped === undefined) break;
        name += escaped;
        at += 2;
      } else {
        name += text[at];
        at++;
      }
    }
    if (text[at] !== quote || text[at + 1] !== "]")
      throw new JsonPathError(`JSONPath "${text}": unterminated ${quote}…${quote}] at ${start}`);
    return { segment: { kind: "name", name }, end: at + 2 };
  }
  const index = /^\[(\d+)\]/.exec(text.slice(start));
  if (index) return { segment: { kind: "index", index: Number(index[1]) }, end: start + index[0].length };
  const inner = text.slice(start + 1, start + 3);
  if (inner.startsWith("*")) throw unsupported(text, "wildcards ([*])");
  if (inner.startsWith("?")) throw unsupported(text, "filter selectors ([?…])");
  if (text.slice(start).match(/^\[[^\]]*[:,]/)) throw unsupported(text, "slices and unions");
  throw new JsonPathError(`JSONPath "${text}": unsupported selector at ${start}`);
}

function unsupported(text: string, feature: string): JsonPathError {
  return new JsonPathError(
    `JSONPath "${text}" uses ${feature}, which is not supported (only $.name, ['name'] and [index])`,
  );
}

/** Where a path points: the node's container and key, so it can be replaced or removed. */
export interface PathMatch {
  parent: Record<string, unknown> | unknown[] | undefined;
  key: string | number | undefined;
  value: unknown;
}

/** Follows `segments` from `root`; undefined when any step is missing. */
export function resolvePath(root: unknown, segments: readonly PathSegment[]): PathMatch | undefined {
  let match: PathMatch = { parent: undefined, key: undefined, value: root };
  for (const segment of segments) {
    const current = match.value;
    if (segment.kind === "index") {
      if (!Array.isArray(current) || segment.index >= current.length) return undefined;
      match = { parent: current, key: segment.index, value: current[segment.index] };
    } else {
      if (
        typeof current !== "object" ||
        current === null ||
        Array.isArray(current) ||
        !Object.hasOwn(current, segment.name)
      )
        return undefined;
      const record = current as Record<string, unknown>;
      match = { parent: record, key: segment.name, value: record[segment.name] };
    }
  }
  return match;
}
