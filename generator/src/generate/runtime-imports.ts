import type { FileTree } from "./file-tree.js";
import { MODEL_IMPORTS_MARKER } from "./model-imports.js";

/**
 * Runtime files whose functions only some operations call: the serializers of query, header and
 * cookie parameters, of non-default parameter styles and of request bodies, and the base URL of
 * operations with servers of their own.
 */
export const OPTIONAL_RUNTIME_MODULES = [
  "body",
  "header-params",
  "parameter-styles",
  "query-params",
  "server",
] as const;

/** Names of the functions a runtime source exports. */
export function exportedFunctions(source: string): string[] {
  return [...source.matchAll(/^export function ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!);
}

/**
 * Adds to each API file an import of the optional runtime functions it calls (see
 * parameter-wire.ts), so files whose operations need none of them import nothing more.
 * `functions` maps a runtime module (without extension) to the functions it exports.
 */
export function addRuntimeImports(tree: FileTree, functions: Readonly<Record<string, readonly string[]>>): FileTree {
  const resolved: FileTree = new Map();
  for (const [file, content] of tree) {
    if (!file.startsWith("apis/")) {
      resolved.set(file, content);
      continue;
    }
    const lines = Object.entries(functions).flatMap(([module, names]) => {
      // A call, or a spread of one (`...queryStyle(`), but not a method of something else.
      const used = names.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name}\\(`).test(content)).sort();
      return used.length > 0 ? [`import { ${used.join(", ")} } from "../runtime/${module}.gen.js";\n`] : [];
    });
    resolved.set(file, content.replace(MODEL_IMPORTS_MARKER, `${lines.join("")}${MODEL_IMPORTS_MARKER}`));
  }
  return resolved;
}
