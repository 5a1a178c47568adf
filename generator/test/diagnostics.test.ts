import { describe, expect, it } from "vitest";
import { type Diagnostic, formatDiagnostics, InputError } from "../src/diagnostics.js";

const error = (n: number): Diagnostic => ({ severity: "error", file: "a.yaml", line: n, message: `problem ${n}` });
const warning = (n: number): Diagnostic => ({ ...error(n), severity: "warning" });

describe("formatDiagnostics", () => {
  it.each([
    [
      "under the limit",
      { given: [error(1), error(2)], limit: 3, want: ["a.yaml:1: error: problem 1", "a.yaml:2: error: problem 2"] },
    ],
    ["one over", { given: [error(1), error(2)], limit: 1, want: ["a.yaml:1: error: problem 1", "… and 1 more error"] }],
    [
      "warnings over",
      {
        given: [warning(1), warning(2), warning(3)],
        limit: 1,
        want: ["a.yaml:1: warning: problem 1", "… and 2 more warnings"],
      },
    ],
  ])("%s", (_name, { given, limit, want }) => {
    expect(formatDiagnostics(given, limit).split("\n")).toEqual(want);
  });

  it("InputError's message shows 50 and keeps every diagnostic", () => {
    const all = Array.from({ length: 206_909 }, (_, i) => error(i + 1));
    const thrown = new InputError(all);
    expect(thrown.diagnostics).toHaveLength(206_909);
    expect(thrown.message.split("\n")).toHaveLength(51);
    expect(thrown.message.endsWith("… and 206859 more errors")).toBe(true);
  });
});
