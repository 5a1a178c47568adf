import type { ClassifiedChange } from "../bump.js";
import { type Member, membersOf, reportEntries, unionAlternatives } from "./report-entries.js";

/** Whether values of a type flow from the caller to the API (`input`), back (`output`), or both. */
export type Role = "input" | "output" | "both";

/**
 * Classifies the differences between two API reports of one entry point by what a consumer's code
 * can observe, the same rule the spec layer follows: a removed or renamed export, a narrowed input
 * or a changed output type is major; a new export, a widened input or a widened output (a new union
 * alternative, such as an enum value or a documented error status) is minor; a change of doc tags
 * alone (`@deprecated`) is patch.
 */
export function classifyApiChanges(options: {
  /** `@onelogin-mfa/fetch`, or `@onelogin-mfa/fetch/oauth2` for a subpath entry. */
  entryPoint: string;
  before: string;
  after: string;
  roleOf: (exportName: string) => Role;
}): ClassifiedChange[] {
  const { entryPoint, roleOf } = options;
  const before = reportEntries(options.before);
  const after = reportEntries(options.after);
  const changes: ClassifiedChange[] = [];
  const where = (name: string, member?: string): string => `${entryPoint}: ${name}${member ? `.${member}` : ""}`;
  for (const name of sortedUnion(before.keys(), after.keys())) {
    const old = before.get(name);
    const now = after.get(name);
    if (now === undefined) {
      changes.push({
        bump: "major",
        kind: "export-removed",
        where: where(name),
        message: `Removed the export \`${name}\`.`,
      });
    } else if (old === undefined) {
      changes.push({
        bump: "minor",
        kind: "export-added",
        where: where(name),
        message: `Added the export \`${name}\`.`,
      });
    } else if (old !== now) {
      // A constant is a value the package hands out: what it gains, its users merely may read.
      const role = /^export (?:declare )?const /m.test(now) ? "output" : roleOf(name);
      changes.push(...classifyChangedDeclaration(name, old, now, role, where));
    }
  }
  return changes;
}

function classifyChangedDeclaration(
  name: string,
  old: string,
  now: string,
  role: Role,
  where: (name: string, member?: string) => string,
): ClassifiedChange[] {
  if (codeOf(old) === codeOf(now)) {
    return [
      {
        bump: "patch",
        kind: "export-doc-changed",
        where: where(name),
        message: `Changed the documentation tags of \`${name}\` (such as \`@deprecated\`).`,
      },
    ];
  }
  const oldMembers = membersOf(old);
  const newMembers = membersOf(now);
  if (oldMembers && newMembers && headerOf(old) === headerOf(now)) {
    const changes: ClassifiedChange[] = [];
    for (const key of sortedUnion(oldMembers.keys(), newMembers.keys())) {
      const change = classifyMember(name, key, oldMembers.get(key), newMembers.get(key), role);
      if (change) changes.push({ ...change, where: where(name, key) });
    }
    return changes;
  }
  if (!oldMembers && !newMembers && headerOf(old) === headerOf(now)) {
    const widened = classifyAlternatives(aliasBody(old), aliasBody(now));
    if (widened)
      return [
        { bump: "minor", kind: "type-widened", where: where(name), message: `Widened \`${name}\` with ${widened}.` },
      ];
  }
  return [
    {
      bump: "major",
      kind: "export-changed",
      where: where(name),
      message: `Changed the declaration of \`${name}\` incompatibly.`,
    },
  ];
}

function classifyMember(
  owner: string,
  key: string,
  old: Member | undefined,
  now: Member | undefined,
  role: Role,
): Omit<ClassifiedChange, "where"> | undefined {
  const input = role !== "output";
  const output = role !== "input";
  const label = `\`${owner}.${key}\``;
  if (!now) return { bump: "major", kind: "member-removed", message: `Removed ${label}.` };
  if (!old) {
    const breaks = !now.optional && input && !isMethod(now);
    return {
      bump: breaks ? "major" : "minor",
      kind: breaks ? "required-member-added" : "member-added",
      message: `Added ${now.optional ? "the optional" : "the required"} ${label}.`,
    };
  }
  if (old.optional !== now.optional) {
    const nowRequired = !now.optional;
    const breaks = nowRequired ? input : output;
    return {
      bump: breaks ? "major" : "minor",
      kind: nowRequired ? "member-made-required" : "member-made-optional",
      message: `Made ${label} ${nowRequired ? "required" : "optional"}.`,
    };
  }
  if (old.type !== now.type) {
    const widened = classifyAlternatives(old.type, now.type);
    if (widened) return { bump: "minor", kind: "member-type-widened", message: `Widened ${label} with ${widened}.` };
    return {
      bump: "major",
      kind: "member-type-changed",
      message: `Changed the type of ${label} from \`${old.type}\` to \`${now.type}\`.`,
    };
  }
  if (old.notes !== now.notes)
    return { bump: "patch", kind: "member-doc-changed", message: `Changed the documentation tags of ${label}.` };
  return undefined;
}

/** When `now` keeps every union alternative of `old` and adds some: the added ones, in words. */
function classifyAlternatives(old: string, now: string): string | undefined {
  const before = unionAlternatives(old);
  const after = unionAlternatives(now);
  if (!before.every((alternative) => after.includes(alternative))) return undefined;
  const added = after.filter((alternative) => !before.includes(alternative));
  return added.length > 0 ? added.map((a) => `\`${a}\``).join(", ") : undefined;
}

const isMethod = (member: Member): boolean => member.type.startsWith("(") || member.type.startsWith("<");

/** A declaration without its comment lines, whitespace folded. */
function codeOf(declaration: string): string {
  return declaration
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .replace(/\s+/g, " ")
    .trim();
}

/** The `export …` line that opens a declaration, e.g. `export interface A extends B {`. */
function headerOf(declaration: string): string {
  const line = /^export [^\n]*/m.exec(declaration)?.[0] ?? "";
  return line.replace(/=.*$/, "=").trim();
}

/** The right-hand side of `export type X = …;`. */
function aliasBody(declaration: string): string {
  const code = codeOf(declaration);
  return code
    .slice(code.indexOf("=") + 1)
    .replace(/;$/, "")
    .trim();
}

function sortedUnion(a: Iterable<string>, b: Iterable<string>): string[] {
  return [...new Set([...a, ...b])].sort();
}
