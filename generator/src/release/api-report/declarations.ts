import { symlink } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { type FileTree, writeTree } from "../../generate/file-tree.js";

/**
 * Compiler options for the declarations API Extractor reads: module resolution by file extension,
 * as the published builds resolve. `noCheck` skips type checking, which the packages' own build
 * and typecheck tasks do; declaration emit needs none of it.
 */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  declaration: true,
  emitDeclarationOnly: true,
  noCheck: true,
  types: [],
};

/** One package to compile: its fresh `src/` tree goes to `dir/src`, declarations to `dir/dist`. */
export interface DeclarationJob {
  tree: FileTree;
  dir: string;
  /** Its `node_modules` is linked in, so peer types (axios) resolve as in the workspace. */
  packageDir: string;
  entries: readonly string[];
  /** Named in the report's title. */
  packageName: string;
}

/**
 * Writes every job's declarations into its `dist/`, where API Extractor reads them. The sources
 * come from the trees in memory (for a large spec, tens of megabytes not written to disk and
 * read back). When every file allows it (`isolatedDeclarations`: every export's type written out,
 * as the templates and the runtime do), each file's declaration is made from its own text, in a
 * program without libs or module resolution: half the time of the full program, which is used
 * otherwise, or with `isolated: false`. Both emit the same declarations (tested).
 */
export async function emitDeclarations(
  jobs: readonly DeclarationJob[],
  { isolated = true }: { isolated?: boolean } = {},
): Promise<"isolated" | "program"> {
  const sources = new Map<string, string>();
  const folders = new Set<string>();
  for (const job of jobs) {
    const src = path.resolve(job.dir, "src");
    for (const [file, text] of declarationSources(job.tree)) {
      const full = path.join(src, file);
      sources.set(full, text);
      for (let dir = path.dirname(full); dir.startsWith(src) && !folders.has(dir); dir = path.dirname(dir))
        folders.add(dir);
    }
    await writeTree(job.dir, new Map([["package.json", JSON.stringify({ name: job.packageName, type: "module" })]]));
    await symlink(path.join(job.packageDir, "node_modules"), path.join(job.dir, "node_modules"), "dir").catch(
      () => undefined,
    );
  }
  const sourceFiles = [...sources.keys()].filter((file) => /\.[mc]?ts$/.test(file) && !/\.d\.[mc]?ts$/.test(file));
  const fast =
    isolated && !sourceFiles.some((file) => COMPUTED_MEMBER.test(sources.get(file)!))
      ? compile(ISOLATED_OPTIONS, sourceFiles, sources, folders)
      : undefined;
  const chosen =
    fast && fast.problems.length === 0
      ? fast
      : compile(
          OPTIONS,
          jobs.flatMap((job) => job.entries.map((entry) => path.resolve(job.dir, "src", entry))),
          sources,
          folders,
        );
  if (chosen.problems.length > 0) {
    const text = ts.formatDiagnostics(chosen.problems.slice(0, 20), {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => process.cwd(),
      getNewLine: () => "\n",
    });
    throw new Error(
      `the generated packages' declarations could not be emitted, so their API cannot be recorded:\n${text}`,
    );
  }
  // Each package's declarations land in its own dist, beside its src.
  const host = ts.createCompilerHost(OPTIONS);
  for (const [file, text] of chosen.declarations) host.writeFile(distPathOf(jobs, file), text, false);
  return chosen === fast ? "isolated" : "program";
}

/**
 * A member with a computed name, such as `static [Symbol.hasInstance](value) {` or
 * `readonly [brand]: 1`, on a line of its own (as Biome lays members out); index signatures
 * (`[key: string]: T`) are not. Without the checker, TypeScript 5.9 declares such a member as an
 * index signature too, without an error, so a tree that has one goes through the full program.
 */
const COMPUTED_MEMBER =
  /^\s*(?:(?:static|override|public|protected|private|readonly|async|get|set)\s+)*\[(?![\w$]+\s*:)[^\]\n]+\]\s*\??\s*[(<:]/m;

/**
 * File by file: no libs, no module resolution, no inference. Any declaration that would need the
 * checker (an export without a written type, a computed member name) is an error here, and the
 * caller then uses the full program instead.
 */
const { lib: _libs, ...WITHOUT_LIBS } = OPTIONS;
const ISOLATED_OPTIONS: ts.CompilerOptions = {
  ...WITHOUT_LIBS,
  noLib: true,
  noResolve: true,
  isolatedDeclarations: true,
};

/** One program's declarations by output file, and its errors (nothing is written here). */
function compile(
  options: ts.CompilerOptions,
  rootNames: readonly string[],
  sources: ReadonlyMap<string, string>,
  folders: ReadonlySet<string>,
): { declarations: Map<string, string>; problems: readonly ts.Diagnostic[] } {
  const host = ts.createCompilerHost(options);
  const declarations = new Map<string, string>();
  const program = ts.createProgram({
    rootNames,
    options,
    host: {
      ...host,
      fileExists: (file) => sources.has(path.resolve(file)) || host.fileExists(file),
      readFile: (file) => sources.get(path.resolve(file)) ?? host.readFile(file),
      directoryExists: (dir) => folders.has(path.resolve(dir)) || (host.directoryExists?.(dir) ?? false),
      getSourceFile: (file, language, onError, shouldCreate) => {
        const text = sources.get(path.resolve(file));
        return text === undefined
          ? host.getSourceFile(file, language, onError, shouldCreate)
          : ts.createSourceFile(file, text, language);
      },
      writeFile: (file, text) => declarations.set(file, text),
    },
  });
  const problems = program.emit().diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  return { declarations, problems };
}

/** `<dir>/src/a/b.d.ts` → `<dir>/dist/a/b.d.ts` for the job that owns the file. */
function distPathOf(jobs: readonly DeclarationJob[], file: string): string {
  const normalized = path.resolve(file);
  for (const job of jobs) {
    const src = path.join(path.resolve(job.dir), "src") + path.sep;
    if (normalized.startsWith(src)) return path.join(path.resolve(job.dir), "dist", normalized.slice(src.length));
  }
  return normalized;
}

/**
 * A typed constant's value is no part of its declaration: `export const spec: OpenApiDocument =
 * { … };` declares `export declare const spec: OpenApiDocument;` whatever the value. The schema
 * package's data files (the spec and its JSON Schemas) are such constants and tens of megabytes
 * for a large spec, so the value is left out before the compiler parses it. Only a value that
 * starts on the declaration's line and ends at the first `};` in column 0 is dropped (how Biome
 * lays out every top-level object literal); anything else is compiled as it is.
 */
export function declarationSources(tree: FileTree): FileTree {
  const result: FileTree = new Map();
  for (const [file, text] of tree) result.set(file, withoutConstantValues(text));
  return result;
}

const TYPED_CONSTANT = /^export const ([\p{L}_$][\p{L}\p{N}_$]*): ([^=\n]+) = \{$/gmu;

function withoutConstantValues(text: string): string {
  let result = "";
  let from = 0;
  for (const match of text.matchAll(TYPED_CONSTANT)) {
    if (match.index < from) continue;
    const end = text.indexOf("\n};\n", match.index);
    if (end === -1) break;
    result += `${text.slice(from, match.index)}export declare const ${match[1]}: ${match[2]};`;
    from = end + 3;
  }
  return result + text.slice(from);
}
