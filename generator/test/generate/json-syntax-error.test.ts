import { describe, expect, it } from "vitest";
import { jsonSyntaxError } from "../../src/generate/json-syntax-error.js";

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A deterministic pseudo-random sequence (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE = JSON.stringify(
  {
    openapi: "3.0.3",
    info: { title: 'say "hi"\\n\u00e9\u{1F600}', version: "1" },
    paths: { "/a/{id}": { get: { responses: { 200: { description: "ok" } } } } },
    numbers: [0, -1, 1.5, 2e10, -3.25e-7],
    flags: [true, false, null],
    empty: [{}, [], ""],
  },
  null,
  2,
);

describe("jsonSyntaxError", () => {
  it.each([
    ["a trailing comma in an array", '{ "a": [1,\n] }', 11, 'expected a value, found "]"'],
    ["a trailing comma in an object", '{ "a": 1, }', 10, 'expected a double-quoted member name, found "}"'],
    ["a single-quoted name", "{ 'a': 1 }", 2, 'expected a double-quoted member name, found "\'"'],
    ["a comment", '{ "a": 1 // no\n}', 9, 'expected "," or "}", found "/"'],
    ["a missing colon", '{ "a" 1 }', 6, 'expected ":" after a member name, found "1"'],
    ["a leading zero", "[01]", 1, "invalid number"],
    ["a bare dot", "[1.]", 1, "invalid number"],
    ["an unknown escape", '["\\x41"]', 2, '"\\\\x" is not a JSON escape'],
    ["a short \\u escape", '["\\u12"]', 2, "\\u must be followed by four hexadecimal digits"],
    ["a raw line break in a string", '["a\nb"]', 3, "a control character inside a string must be escaped"],
    ["an unclosed string", '["abc', 5, "a string is not closed before the end of the text"],
    ["an unclosed array", "[1, 2", 5, 'expected "," or "]", found the end of the text'],
    ["two values", "{} {}", 3, 'unexpected "{" after the JSON value'],
    ["an empty text", "", 0, "expected a value, found the end of the text"],
    ["NaN", "[NaN]", 1, 'expected a value, found "N"'],
    ["a capitalised literal", "[True]", 1, 'expected a value, found "T"'],
  ])("places %s", (_label, text, offset, problem) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxError(text)).toEqual({ offset, problem });
  });

  it("accepts valid JSON, a byte-order mark before it and whitespace around it", () => {
    expect(jsonSyntaxError(SAMPLE)).toBeUndefined();
    expect(jsonSyntaxError(`\uFEFF \n${SAMPLE}\n\t`)).toBeUndefined();
    expect(jsonSyntaxError('"\\u00e9\\/\\b\\f\\n\\r\\t\\\\\\""')).toBeUndefined();
  });

  it("walks 100,000 levels of nesting without recursion", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(jsonSyntaxError(deep)).toBeUndefined();
    expect(jsonSyntaxError(deep.slice(0, -1))).toEqual({
      offset: 199_999,
      problem: 'expected "," or "]", found the end of the text',
    });
  });

  it("agrees with JSON.parse on 3,000 random edits of a JSON text", () => {
    const next = random(20261203);
    const pieces = ["", ",", "]", "}", "[", "{", '"', "\\", ":", " ", "0", "-", ".", "e", "1", "t", "\n", "\u0001"];
    for (let round = 0; round < 3000; round++) {
      const at = Math.floor(next() * SAMPLE.length);
      const cut = Math.floor(next() * 3);
      const piece = pieces[Math.floor(next() * pieces.length)]!;
      const text = SAMPLE.slice(0, at) + piece + SAMPLE.slice(at + cut);
      const found = jsonSyntaxError(text);
      expect(found === undefined, `edit ${round}: ${JSON.stringify(text.slice(Math.max(0, at - 10), at + 10))}`).toBe(
        parses(text),
      );
      if (found !== undefined) expect(found.offset).toBeLessThanOrEqual(text.length);
    }
  });
});
