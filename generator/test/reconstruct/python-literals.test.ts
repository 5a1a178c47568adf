import { describe, expect, it } from "vitest";
import { readPythonLiteral, readPythonValue } from "../../src/reconstruct/python-literals.js";

describe("readPythonLiteral", () => {
  it.each<[string, { given: string; want: { value: unknown; end: number } | undefined }]>([
    ["double-quoted string", { given: '"a b"', want: { value: "a b", end: 5 } }],
    ["single-quoted string with escape", { given: "'it\\'s'", want: { value: "it's", end: 7 } }],
    ["unicode escape", { given: '"\\u00e9"', want: { value: "é", end: 8 } }],
    ["integer", { given: "42rest", want: { value: 42, end: 2 } }],
    ["negative float", { given: "-1.5", want: { value: -1.5, end: 4 } }],
    ["True", { given: "True", want: { value: true, end: 4 } }],
    ["None", { given: "None", want: { value: null, end: 4 } }],
    ["list with trailing comma", { given: "[1, 'a', ]", want: { value: [1, "a"], end: 10 } }],
    ["empty list", { given: "[]", want: { value: [], end: 2 } }],
    ["leading spaces are skipped", { given: "  7", want: { value: 7, end: 3 } }],
    ["unterminated string", { given: '"abc', want: undefined }],
    ["bare word", { given: "available", want: undefined }],
    ["dict is not supported", { given: "{}", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(readPythonLiteral(given, 0)).toEqual(want);
  });
});

describe("readPythonValue", () => {
  it.each<[string, { given: string; want: { value: unknown; end: number } | undefined }]>([
    ["empty dict (a map property's default)", { given: "{}", want: { value: {}, end: 2 } }],
    [
      "dict with trailing comma and nested values",
      { given: "{\"a\": 1, 'b': [True, None], }", want: { value: { a: 1, b: [true, null] }, end: 29 } },
    ],
    ["nested dict", { given: '{"x": {"y": "z"}}rest', want: { value: { x: { y: "z" } }, end: 17 } }],
    ["number key", { given: "{1: 2}", want: { value: { "1": 2 }, end: 6 } }],
    ["other literals as readPythonLiteral", { given: " 'a'", want: { value: "a", end: 4 } }],
    ["unterminated dict", { given: '{"a": 1', want: undefined }],
    ["key without a value", { given: '{"a"}', want: undefined }],
    ["non-literal key", { given: "{a: 1}", want: undefined }],
  ])("%s", (_name, { given, want }) => {
    expect(readPythonValue(given, 0)).toEqual(want);
  });
});
