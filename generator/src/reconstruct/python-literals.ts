/** A literal read from text, and where reading stopped. */
export interface LiteralRead {
  value: unknown;
  end: number;
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const KEYWORDS: ReadonlyArray<[string, unknown]> = [
  ["True", true],
  ["False", false],
  ["None", null],
];

/**
 * Reads one Python literal (the docs print enum values and defaults with `repr`):
 * strings in either quote, numbers, `True`/`False`/`None`, and lists of those
 * (a trailing comma allowed). Returns undefined when `text` at `start` is none of these.
 */
export function readPythonLiteral(text: string, start: number): LiteralRead | undefined {
  const at = skipSpaces(text, start);
  const char = text[at];
  if (char === '"' || char === "'") return readString(text, at, char);
  if (char === "[") return readList(text, at);
  // No word-boundary check: the generator glues the next sentence on ("default value of Falsevalue must …").
  for (const [word, value] of KEYWORDS) {
    if (text.startsWith(word, at)) return { value, end: at + word.length };
  }
  const number = NUMBER.exec(text.slice(at));
  if (number) return { value: Number(number[0]), end: at + number[0].length };
  return undefined;
}

/**
 * Reads what {@link readPythonLiteral} reads, or a dict `{"key": value, }`: the generator
 * prints a map property's default that way (`… the default value of {}`).
 */
export function readPythonValue(text: string, start: number): LiteralRead | undefined {
  const at = skipSpaces(text, start);
  return text[at] === "{" ? readDict(text, at) : readPythonLiteral(text, at);
}

/** Reads `{key: value, }` starting at the `{`; keys are strings or numbers (JSON keeps them as strings). */
function readDict(text: string, start: number): LiteralRead | undefined {
  const value: Record<string, unknown> = {};
  let at = skipSpaces(text, start + 1);
  while (text[at] !== "}") {
    const key = readPythonLiteral(text, at);
    if (!key || (typeof key.value !== "string" && typeof key.value !== "number")) return undefined;
    at = skipSpaces(text, key.end);
    if (text[at] !== ":") return undefined;
    const entry = readPythonValue(text, at + 1);
    if (!entry) return undefined;
    value[String(key.value)] = entry.value;
    at = skipSpaces(text, entry.end);
    if (text[at] === ",") at = skipSpaces(text, at + 1);
    else if (text[at] !== "}") return undefined;
  }
  return { value, end: at + 1 };
}

/** Reads `[a, b, ]` starting at the `[`; items must be literals. */
export function readList(text: string, start: number): LiteralRead | undefined {
  const values: unknown[] = [];
  let at = skipSpaces(text, start + 1);
  while (text[at] !== "]") {
    const item = readPythonLiteral(text, at);
    if (!item) return undefined;
    values.push(item.value);
    at = skipSpaces(text, item.end);
    if (text[at] === ",") at = skipSpaces(text, at + 1);
    else if (text[at] !== "]") return undefined;
  }
  return { value: values, end: at + 1 };
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "0": "\0",
};

function readString(text: string, start: number, quote: string): LiteralRead | undefined {
  let value = "";
  let at = start + 1;
  while (at < text.length) {
    const char = text[at] as string;
    if (char === quote) return { value, end: at + 1 };
    if (char === "\\") {
      const escaped = text[at + 1];
      if (escaped === "u" || escaped === "x") {
        const width = escaped === "u" ? 4 : 2;
        const hex = text.slice(at + 2, at + 2 + width);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
        value += String.fromCharCode(Number.parseInt(hex, 16));
        at += 2 + width;
        continue;
      }
      if (escaped === undefined) return undefined;
      value += ESCAPES[escaped] ?? `\\${escaped}`;
      at += 2;
      continue;
    }
    value += char;
    at++;
  }
  return undefined;
}

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}
