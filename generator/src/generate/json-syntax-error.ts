/** Where a text stops being JSON, and why. */
export interface JsonSyntaxError {
  /** Offset of the first character that cannot continue the JSON text (its length when it ends too soon). */
  offset: number;
  problem: string;
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * The first place where `text` breaks RFC 8259's grammar, or `undefined` for valid JSON. Engines
 * word (and on Node 20 often do not place) JSON.parse's errors differently; this places every one
 * at a character, the same on every Node. One pass, with an explicit stack instead of recursion,
 * so that a deeply nested text cannot overflow it.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = text.startsWith("\uFEFF") ? 1 : 0;
  const open: ("{" | "[")[] = [];
  const skip = () => {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
  };
  const found = () => (i >= n ? "the end of the text" : JSON.stringify(text[i]));
  const fail = (problem: string): JsonSyntaxError => ({ offset: Math.min(i, n), problem });

  /** Reads a string at `i`; returns a problem, or advances past the closing quote. */
  const readString = (): JsonSyntaxError | undefined => {
    i++;
    for (;;) {
      if (i >= n) return fail("a string is not closed before the end of the text");
      const char = text[i]!;
      if (char === '"') {
        i++;
        return undefined;
      }
      if (char === "\\") {
        const next = text[i + 1];
        if (next === "u") {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail("\\u must be followed by four hexadecimal digits");
          i += 6;
        } else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else return fail(`${JSON.stringify(`\\${next ?? ""}`)} is not a JSON escape`);
      } else if (char.charCodeAt(0) < 0x20) return fail("a control character inside a string must be escaped");
      else i++;
    }
  };

  /** Reads `"name":` at `i` (after whitespace); returns a problem, or leaves `i` at the value. */
  const readName = (): JsonSyntaxError | undefined => {
    skip();
    if (text[i] !== '"') return fail(`expected a double-quoted member name, found ${found()}`);
    const problem = readString();
    if (problem) return problem;
    skip();
    if (text[i] !== ":") return fail(`expected ":" after a member name, found ${found()}`);
    i++;
    return undefined;
  };

  for (;;) {
    // A value is expected here.
    skip();
    const char = text[i];
    let nested = false;
    if (char === "{" || char === "[") {
      i++;
      skip();
      if (text[i] === (char === "{" ? "}" : "]")) i++;
      else {
        open.push(char);
        nested = true;
        if (char === "{") {
          const problem = readName();
          if (problem) return problem;
        }
      }
    } else if (char === '"') {
      const problem = readString();
      if (problem) return problem;
    } else if (char !== undefined && (char === "-" || (char >= "0" && char <= "9"))) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      // A number is placed at its first character, whichever of its characters is wrong.
      if (match === null || /[0-9.eE+-]/.test(text[i + match[0].length] ?? "")) return fail("invalid number");
      i += match[0].length;
    } else {
      const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
      if (literal === undefined) return fail(`expected a value, found ${found()}`);
      i += literal.length;
    }
    if (nested) continue;
    // After a value: a separator, the end of what holds it, or the end of the text.
    let separated = false;
    while (!separated) {
      skip();
      const holder = open[open.length - 1];
      if (holder === undefined) return i < n ? fail(`unexpected ${found()} after the JSON value`) : undefined;
      const close = holder === "{" ? "}" : "]";
      if (text[i] === ",") {
        i++;
        separated = true;
        if (holder === "{") {
          const problem = readName();
          if (problem) return problem;
        }
      } else if (text[i] === close) {
        i++;
        open.pop();
      } else return fail(`expected "," or ${JSON.stringify(close)}, found ${found()}`);
    }
  }
}
