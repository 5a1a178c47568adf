import { describe, expect, it } from "vitest";
import { decodeUtf8, firstInvalidUtf8Offset } from "../../src/reconstruct/read-page.js";
import { PageAbort } from "../../src/reconstruct/reporter.js";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : Buffer.from(part))));

describe("decodeUtf8", () => {
  it("decodes valid UTF-8 and drops a BOM", () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], "# Tïtle ✓\n"))).toBe("# Tïtle ✓\n");
  });

  it("turns CRLF line ends into LF", () => {
    expect(decodeUtf8(bytes("a\r\nb\r\n"))).toBe("a\nb\n");
  });

  it.each<[string, { given: Buffer; want: { line: number; offset: number } }]>([
    ["a lone continuation byte on line 3", { given: bytes("a\nb\nc", [0x80], "d\n"), want: { line: 3, offset: 5 } }],
    ["a Latin-1 byte on line 1", { given: bytes("caf", [0xe9], "\n"), want: { line: 1, offset: 3 } }],
    ["an overlong encoding", { given: bytes("x\n", [0xc0, 0xaf]), want: { line: 2, offset: 2 } }],
    ["an encoded surrogate", { given: bytes([0xed, 0xa0, 0x80]), want: { line: 1, offset: 0 } }],
    ["a truncated sequence at the end", { given: bytes("ok\n\n", [0xe2, 0x9c]), want: { line: 3, offset: 4 } }],
  ])("rejects %s, naming the line", (_name, { given, want }) => {
    expect(firstInvalidUtf8Offset(given)).toBe(want.offset);
    let caught: unknown;
    try {
      decodeUtf8(given);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PageAbort);
    expect((caught as PageAbort).line).toBe(want.line);
    expect((caught as PageAbort).message).toMatch(new RegExp(`^invalid UTF-8 at byte ${want.offset}`));
  });
});
