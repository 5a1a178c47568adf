import type { FileTree } from "./file-tree.js";

/** Where templates ask for the model imports a file needs. */
export const MODEL_IMPORTS_MARKER = "// @sdk-model-imports";

// Identifiers may hold any letter (a schema property `længde` names the model `…Længde`).
const DECLARATION = /^export (?:interface|type|const|enum) ([\p{L}_$][\p{L}\p{N}_$]*)/gmu;

/**
 * Writes each file's model imports from what it actually references. OpenAPI Generator's
 * import lists differ between generators and miss types reached through composed schemas,
 * so the generated code's own identifiers are the reliable source.
 */
export function resolveModelImports(tree: FileTree): FileTree {
  const owners = new Map<string, string>();
  for (const [file, content] of tree) {
    if (!file.startsWith("models/") || file === "models/index.gen.ts") continue;
    for (const match of content.matchAll(DECLARATION)) owners.set(match[1]!, file);
  }
  const resolved: FileTree = new Map();
  for (const [file, content] of tree) {
    if (!content.includes(MODEL_IMPORTS_MARKER)) {
      resolved.set(file, content);
      continue;
    }
    const declaredHere = new Set([...content.matchAll(DECLARATION)].map((m) => m[1]!));
    const used = [...referencedIdentifiers(stripCommentsAndStrings(content))]
      .filter((name) => owners.has(name) && !declaredHere.has(name))
      .sort();
    const from = file.startsWith("models/") ? "./index.gen.js" : "../models/index.gen.js";
    const line = used.length > 0 ? `import type { ${used.join(", ")} } from "${from}";` : "";
    resolved.set(file, content.replace(MODEL_IMPORTS_MARKER, line));
  }
  return resolved;
}

/**
 * An identifier used as a reference: not a member (`.name`), and not an object-literal key
 * (`Name: "NAME"` in an enum's const object). The lookbehind and the greedy match keep it whole.
 */
const REFERENCE = /(?<![\p{L}\p{N}_$.])[\p{L}_$][\p{L}\p{N}_$]*(?![\p{L}\p{N}_$]|\s*\??:)/gu;

/**
 * Every identifier the code references, in one pass: a file is scanned once, however many models
 * the package has (GitHub's spec has 900, and a pattern per model made this quadratic).
 */
function referencedIdentifiers(code: string): Set<string> {
  return new Set(code.match(REFERENCE) ?? []);
}

/** Identifiers inside comments or string literals are not references. */
function stripCommentsAndStrings(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, " ");
}
