/**
 * An API Extractor report (`*.api.md`) split into its exported declarations, by name. Overloads
 * and a class's companion declarations share one entry. Each entry keeps its release-tag comment
 * lines (`// @public`, `// @deprecated`), which are part of the API's promise.
 */
export function reportEntries(report: string): Map<string, string> {
  const body = /```ts\n([\s\S]*?)```/.exec(report.replace(/\r\n/g, "\n"))?.[1] ?? "";
  const entries = new Map<string, string>();
  for (const block of body.split(/\n{2,}/)) {
    const text = block.trim();
    if (text === "" || /^\/\/ \(No @packageDocumentation comment/.test(text)) continue;
    const name =
      /^export (?:declare )?(?:abstract )?(?:class|interface|type|function|const|let|var|enum|namespace) ([\w$]+)/m.exec(
        text,
      )?.[1];
    if (name === undefined) continue;
    entries.set(name, entries.has(name) ? `${entries.get(name)}\n\n${text}` : text);
  }
  return entries;
}

/** One member of an interface or class body: `name?: type` or a method signature. */
export interface Member {
  key: string;
  optional: boolean;
  /** The member's type (or whole signature for methods), whitespace folded. */
  type: string;
  /** Comment lines before it, such as `// @deprecated`. */
  notes: string;
}

/**
 * The members of a declaration's `{ … }` body, split at top-level semicolons. Returns undefined for
 * declarations without a body (type aliases, functions).
 */
export function membersOf(declaration: string): Map<string, Member> | undefined {
  const code = declaration
    .split("\n")
    .filter((line) => !/^\/\/ /.test(line.trim()) || /^\s{4}\/\/ /.test(line))
    .join("\n");
  const open = code.search(/^export [^\n]*\{\s*$/m);
  if (open === -1) return undefined;
  const start = code.indexOf("{", open) + 1;
  const end = code.lastIndexOf("}");
  const inner = code.slice(start, end);
  const members = new Map<string, Member>();
  let depth = 0;
  let current = "";
  const flush = (): void => {
    const lines = current.split("\n");
    const notes = lines
      .filter((line) => line.trim().startsWith("//"))
      .map((line) => line.trim())
      .join("\n");
    const text = lines
      .filter((line) => !line.trim().startsWith("//"))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    current = "";
    if (text === "") return;
    const match =
      /^((?:(?:readonly|static|protected|abstract|get|set|async) )*)(\[[^\]]*\]|"[^"]*"|[\w$#]+)(\?)?(.*)$/.exec(text);
    if (!match) return;
    const [, modifiers = "", key = "", optional, rest = ""] = match;
    const isIndex = key.startsWith("[");
    const name = isIndex
      ? "[index]"
      : `${/\b(get|set)\b/.test(modifiers) ? `${modifiers.trim()} ` : ""}${key.replace(/^"|"$/g, "")}`;
    const type = `${modifiers.replace(/\b(get|set)\b/g, "").trim()} ${isIndex ? key : ""}${rest}`
      .replace(/\s+/g, " ")
      .trim();
    const existing = members.get(name);
    members.set(name, {
      key: name,
      optional: optional === "?",
      type: existing ? `${existing.type} & ${type}` : type,
      notes,
    });
  };
  let previous = "";
  for (const char of inner) {
    depth += nesting(char, previous);
    previous = char;
    if (char === ";" && depth === 0) flush();
    else current += char;
  }
  flush();
  return members;
}

/** The alternatives of a top-level union type (`"a" | "b"` → ["\"a\"", "\"b\""]); one alternative otherwise. */
export function unionAlternatives(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  let previous = "";
  for (const char of type.replace(/^[:=]\s*/, "").replace(/;$/, "")) {
    depth += nesting(char, previous);
    previous = char;
    if (char === "|" && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  return parts.filter((part) => part !== "").sort();
}

/** How a character changes bracket depth; the `>` of an arrow (`=>`) closes nothing. */
function nesting(char: string, previous: string): number {
  if ("{(<[".includes(char)) return 1;
  if (char === ">" && previous === "=") return 0;
  return "})>]".includes(char) ? -1 : 0;
}
