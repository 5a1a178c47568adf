import type { FileTree } from "./file-tree.js";
import { MODEL_IMPORTS_MARKER } from "./model-imports.js";

/** The runtime file with the serializers of non-default parameter styles, as its copy is named. */
const STYLES_MODULE = "../runtime/parameter-styles.gen.js";

/** Names of the functions a runtime source exports. */
export function exportedFunctions(source: string): string[] {
  return [...source.matchAll(/^export function ([A-Za-z_$][\w$]*)/gm)].map((match) => match[1]!);
}

/**
 * Adds to each API file an import of the parameter-style functions it calls (see
 * parameter-wire.ts), so files whose operations all use default styles import nothing more.
 */
export function addStyleImports(tree: FileTree, functions: readonly string[]): FileTree {
  const resolved: FileTree = new Map();
  for (const [file, content] of tree) {
    // A call, or a spread of one (`...queryStyle(`), but not a method of something else.
    const used = file.startsWith("apis/")
      ? functions.filter((name) => new RegExp(`(?<![\\w$])(?<![^.]\\.)${name}\\(`).test(content)).sort()
      : [];
    resolved.set(
      file,
      used.length === 0
        ? content
        : content.replace(
            MODEL_IMPORTS_MARKER,
            `import { ${used.join(", ")} } from "${STYLES_MODULE}";\n${MODEL_IMPORTS_MARKER}`,
          ),
    );
  }
  return resolved;
}
