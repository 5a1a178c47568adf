import { describe, expect, it } from "vitest";
import { findDuplicateJsonKey } from "../../src/generate/json-duplicate-keys.js";

describe("findDuplicateJsonKey", () => {
  it.each([
    ["no object", "[1, 2]"],
    ["distinct names", '{"a": 1, "b": {"a": 2}}'],
    ["the same name in sibling objects", '{"x": [{"a": 1}, {"a": 2}], "y": {"a": 3}}'],
    ["a value that looks like a name", '{"a": "b", "c": ["b", "a:"], "d": "\\"a\\": 1"}'],
  ])("finds none: %s", (_label, text) => {
    expect(findDuplicateJsonKey(text)).toBeUndefined();
  });

  it.each([
    ["at the root", '{"a": 1, "a": 2}', { key: "a", offset: 9, tokens: [] }],
    [
      "in an object inside an array",
      '{"list": [{"n": 1}, {"m": 1, "m": 2}]}',
      { key: "m", offset: 29, tokens: ["list", 1] },
    ],
    ["spelled with an escape", '{"o": {"a": 1, "\\u0061": 2}}', { key: "a", offset: 15, tokens: ["o"] }],
    ["after a name with an escaped quote", '{"q\\"": {"k": [], "k": {}}}', { key: "k", offset: 18, tokens: ['q"'] }],
  ])("finds the second occurrence %s", (_label, text, want) => {
    expect(findDuplicateJsonKey(text)).toEqual(want);
    expect(text.slice(want.offset)).toMatch(/^"/);
  });
});
