import { describe, expect, it } from "vitest";
import { type Bump, maxBump } from "../../src/release/bump.js";

describe("maxBump", () => {
  it.each<[string, { given: Bump[]; want: Bump }]>([
    ["no input", { given: [], want: "none" }],
    ["only none", { given: ["none", "none"], want: "none" }],
    ["patch over none", { given: ["none", "patch"], want: "patch" }],
    ["minor over patch", { given: ["patch", "minor", "patch"], want: "minor" }],
    ["major wins wherever it stands", { given: ["major", "minor", "patch"], want: "major" }],
  ])("%s", (_name, { given, want }) => {
    expect(maxBump(...given)).toBe(want);
  });
});
