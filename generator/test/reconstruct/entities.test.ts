import { describe, expect, it } from "vitest";
import { decodeCharacterReferences, unescapeGeneratorText } from "../../src/reconstruct/entities.js";

describe("decodeCharacterReferences", () => {
  it.each<[string, { given: string; want: string }]>([
    ["hex reference (backtick)", { given: "set to &#x60;true&#x60;", want: "set to `true`" }],
    ["hex reference (equals)", { given: "259200 seconds &#x3D; 72 hours", want: "259200 seconds = 72 hours" }],
    ["decimal reference", { given: "a&#61;b", want: "a=b" }],
    ["named references", { given: "&lt;b&gt; &amp; &quot;q&quot; &apos;", want: '<b> & "q" \'' }],
    ["unknown name is kept", { given: "&bogus; stays", want: "&bogus; stays" }],
    ["invalid code point is kept", { given: "&#xD800;", want: "&#xD800;" }],
    ["no ampersand, untouched", { given: "plain text", want: "plain text" }],
    ["ampersand without a reference", { given: "R&D", want: "R&D" }],
  ])("%s", (_name, { given, want }) => {
    expect(decodeCharacterReferences(given)).toBe(want);
  });
});

describe("unescapeGeneratorText", () => {
  it.each<[string, { given: string; want: string }]>([
    ["escaped quotes", { given: 'To test \\"client\\" model', want: 'To test "client" model' }],
    ["escaped backslash", { given: "a\\\\b", want: "a\\b" }],
    ["other backslashes stay", { given: "a\\nb \\*", want: "a\\nb \\*" }],
    ["nothing to undo", { given: "Get users", want: "Get users" }],
  ])("%s", (_name, { given, want }) => {
    expect(unescapeGeneratorText(given)).toBe(want);
  });
});
