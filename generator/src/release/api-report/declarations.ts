import { symlink } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { type FileTree, writeTree } from "../../generate/file-tree.js";

/**
 * Compiler options for the declarations API Extractor reads: the packages' own strictness, with
 * module resolution by file extension, as the published builds resolve.
 */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  declaration: true,
  emitDeclarationOnly: true,
  types: [],
};

/**
 * Writes a package's generated `src/` tree into `dir` and compiles its declarations into
 * `dir/dist`. The package's own `node_modules` is linked in, so peer types (axios) resolve as they
 * do in the workspace. Throws with the compiler's messages when the tree does not type-check.
 */
export async function emitDeclarations(options: {
  tree: FileTree;
  dir: string;
  packageDir: string;
  entries: readonly string[];
  /** Named in the report's title. */
  packageName: string;
}): Promise<void> {
  const { tree, dir, packageDir, entries } = options;
  await writeTree(path.join(dir, "src"), tree);
  await writeTree(dir, new Map([["package.json", JSON.stringify({ name: options.packageName, type: "module" })]]));
  await symlink(path.join(packageDir, "node_modules"), path.join(dir, "node_modules"), "dir").catch(() => undefined);
  const program = ts.createProgram({
    rootNames: entries.map((entry) => path.join(dir, "src", entry)),
    options: { ...OPTIONS, rootDir: path.join(dir, "src"), outDir: path.join(dir, "dist") },
  });
  const result = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  if (problems.length > 0) {
    const text = ts.formatDiagnostics(problems.slice(0, 20), {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => dir,
      getNewLine: () => "\n",
    });
    throw new Error(`the generated package does not type-check, so its public API cannot be recorded:\n${text}`);
  }
}
