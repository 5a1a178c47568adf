import { describe, expect, it } from "vitest";
import { classifyApiChanges, type Role } from "../../../src/release/api-report/classify-api.js";
import type { Bump } from "../../../src/release/bump.js";

/** An API Extractor report holding the given declarations. */
const report = (...declarations: string[]): string =>
  `## API Report File for "x"\n\n\`\`\`ts\n\n${declarations.map((d) => `// @public\n${d}`).join("\n\n")}\n\n\`\`\`\n`;

const bumpOf = (before: string[], after: string[], role: Role = "both"): Bump[] =>
  classifyApiChanges({ entryPoint: "pkg", before: report(...before), after: report(...after), roleOf: () => role }).map(
    (c) => c.bump,
  );

describe("classifyApiChanges", () => {
  it.each<[string, { before: string[]; after: string[]; role?: Role; want: Bump[] }]>([
    ["nothing changed", { before: ["export type A = string;"], after: ["export type A = string;"], want: [] }],
    ["export removed", { before: ["export type A = string;"], after: [], want: ["major"] }],
    ["export added", { before: [], after: ["export type A = string;"], want: ["minor"] }],
    [
      "export renamed",
      { before: ["export type A = string;"], after: ["export type B = string;"], want: ["major", "minor"] },
    ],
    [
      "optional member added to an input",
      {
        before: ["export interface P {\n    a: string;\n}"],
        after: ["export interface P {\n    a: string;\n    b?: number;\n}"],
        role: "input",
        want: ["minor"],
      },
    ],
    [
      "required member added to an input",
      {
        before: ["export interface P {\n    a: string;\n}"],
        after: ["export interface P {\n    a: string;\n    b: number;\n}"],
        role: "input",
        want: ["major"],
      },
    ],
    [
      "required member added to an output",
      {
        before: ["export interface R {\n    a: string;\n}"],
        after: ["export interface R {\n    a: string;\n    b: number;\n}"],
        role: "output",
        want: ["minor"],
      },
    ],
    [
      "member removed",
      {
        before: ["export interface R {\n    a: string;\n    b?: number;\n}"],
        after: ["export interface R {\n    a: string;\n}"],
        role: "output",
        want: ["major"],
      },
    ],
    [
      "output member made optional",
      {
        before: ["export interface R {\n    a: string;\n}"],
        after: ["export interface R {\n    a?: string;\n}"],
        role: "output",
        want: ["major"],
      },
    ],
    [
      "input member made optional",
      {
        before: ["export interface P {\n    a: string;\n}"],
        after: ["export interface P {\n    a?: string;\n}"],
        role: "input",
        want: ["minor"],
      },
    ],
    [
      "enum value added to a member",
      {
        before: ['export interface R {\n    s?: "a" | "b";\n}'],
        after: ['export interface R {\n    s?: "a" | "b" | "c";\n}'],
        role: "output",
        want: ["minor"],
      },
    ],
    [
      "enum value removed from a member",
      {
        before: ['export interface R {\n    s?: "a" | "b";\n}'],
        after: ['export interface R {\n    s?: "a";\n}'],
        role: "output",
        want: ["major"],
      },
    ],
    [
      "documented error status added",
      {
        before: ["export type E = ApiError<400, M>;"],
        after: ["export type E = ApiError<400, M> | ApiError<404, M>;"],
        role: "output",
        want: ["minor"],
      },
    ],
    [
      "member type changed",
      {
        before: ["export interface R {\n    a: string;\n}"],
        after: ["export interface R {\n    a: number;\n}"],
        want: ["major"],
      },
    ],
    [
      "deprecated tag added",
      {
        before: ["export interface R {\n    a: string;\n}"],
        after: ["// @deprecated\nexport interface R {\n    a: string;\n}"],
        want: ["patch"],
      },
    ],
    [
      "member deprecated",
      {
        before: ["export interface R {\n    a: string;\n}"],
        after: ["export interface R {\n    // @deprecated\n    a: string;\n}"],
        want: ["patch"],
      },
    ],
    [
      "method added to a class",
      {
        before: ["export class C {\n    a(x: number): Promise<void>;\n}"],
        after: ["export class C {\n    a(x: number): Promise<void>;\n    b(): Promise<void>;\n}"],
        want: ["minor"],
      },
    ],
    [
      "method signature changed",
      {
        before: ["export class C {\n    a(x: number): Promise<void>;\n}"],
        after: ["export class C {\n    a(x: string): Promise<void>;\n}"],
        want: ["major"],
      },
    ],
    [
      "a constant's type gains a member",
      {
        before: ["export const c: {\n    a: string;\n};"],
        after: ["export const c: {\n    a: string;\n    b: string;\n};"],
        role: "input",
        want: ["minor"],
      },
    ],
    [
      "heritage changed",
      {
        before: ["export interface R extends A {\n    a: string;\n}"],
        after: ["export interface R extends B {\n    a: string;\n}"],
        want: ["major"],
      },
    ],
  ])("%s", (_name, { before, after, role, want }) => {
    expect(bumpOf(before, after, role)).toEqual(want);
  });

  it("names the export and member in each change", () => {
    const [change] = classifyApiChanges({
      entryPoint: "@x/fetch",
      before: report("export interface R {\n    a: string;\n    b?: number;\n}"),
      after: report("export interface R {\n    a: string;\n}"),
      roleOf: () => "output",
    });
    expect(change).toEqual(expect.objectContaining({ kind: "member-removed", where: "@x/fetch: R.b" }));
    expect(change?.message).toContain("`R.b`");
  });
});
