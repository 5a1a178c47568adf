/** A member name that an object of a JSON text gives twice. */
export interface DuplicateJsonKey {
  /** The name, escapes decoded. */
  key: string;
  /** Offset of the second occurrence's opening quote. */
  offset: number;
  /** Path to the object holding it: member names and array indexes. */
  tokens: (string | number)[];
}

/** An open object (the names it has, the name whose value is being read) or array (the index). */
type Frame = { names: Set<string>; current: string } | { index: number };

/**
 * The first member name given twice in one object of `text`, which must already parse as JSON.
 * `JSON.parse` keeps the last value and drops the others without a word; RFC 8259 §4 leaves such
 * text's meaning to the reader, and YAML (which our `.yaml` specs are read as) refuses it.
 * One pass over the characters, so that a 10 MB spec costs milliseconds.
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        if (text[i] === '"') break;
        if (text[i] === "\\") {
          escaped = true;
          i++;
        }
      }
      const top = stack[stack.length - 1];
      if (!top || !("names" in top)) continue;
      let next = i + 1;
      while (/\s/.test(text[next] ?? "")) next++;
      if (text[next] !== ":") continue;
      const raw = text.slice(start, i + 1);
      const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      if (top.names.has(key)) return { key, offset: start, tokens: pathOf(stack.slice(0, -1)) };
      top.names.add(key);
      top.current = key;
    } else if (char === "{") stack.push({ names: new Set(), current: "" });
    else if (char === "[") stack.push({ index: 0 });
    else if (char === "}" || char === "]") stack.pop();
    else if (char === ",") {
      const top = stack[stack.length - 1];
      if (top && "index" in top) top.index++;
    }
  }
  return undefined;
}

/** The path to the innermost of `frames`' values: each object's current name, each array's index. */
function pathOf(frames: readonly Frame[]): (string | number)[] {
  return frames.map((frame) => ("names" in frame ? frame.current : frame.index));
}
