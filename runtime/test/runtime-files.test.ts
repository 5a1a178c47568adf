import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The generator copies runtime/src/*.ts into each client package, renaming x.ts → x.gen.ts and
// rewriting "./x.js" → "./x.gen.js", and copies each transport only into its own package.
// These checks keep the source compatible with that copying.

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..", "src");
const entries = readdirSync(srcDir);
const files = entries.filter((name) => name.endsWith(".ts")).sort();
const source = (file: string): string => readFileSync(join(srcDir, file), "utf8");

/** Module specifiers of every import and re-export in a file. */
function importsOf(file: string): string[] {
  return [...source(file).matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** Every runtime file reachable from `file` through relative imports, itself included. */
function closureOf(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const specifier of importsOf(file)) {
    if (!specifier.startsWith("./")) continue;
    const target = specifier.replace(/^\.\//, "").replace(/\.js$/, ".ts");
    if (!seen.has(target)) closureOf(target, seen);
  }
  return seen;
}

const TRANSPORTS = ["axios-transport.ts", "fetch-transport.ts"];

describe("runtime source layout", () => {
  it("is flat: no folders, only .ts files, no index barrel", () => {
    for (const name of entries) expect(statSync(join(srcDir, name)).isFile(), name).toBe(true);
    expect(files).toStrictEqual(entries.slice().sort());
    expect(files).not.toContain("index.ts");
  });

  it.each(files)("%s imports siblings only in the form ./name.js", (file) => {
    for (const specifier of importsOf(file)) {
      if (specifier === "axios") continue;
      expect(specifier).toMatch(/^\.\/[a-z0-9-]+\.js$/);
      expect(files).toContain(specifier.slice(2).replace(/\.js$/, ".ts"));
    }
  });

  it.each(files)("%s has no node: or package imports (axios only in axios-transport.ts)", (file) => {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith("./")) continue;
      expect(file === "axios-transport.ts" && specifier === "axios", `${file} imports ${specifier}`).toBe(true);
    }
    expect(source(file)).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });

  it("fetch-transport.ts and its dependencies never reach axios", () => {
    const closure = closureOf("fetch-transport.ts");
    expect(closure.has("axios-transport.ts")).toBe(false);
    for (const file of closure) expect(importsOf(file)).not.toContain("axios");
  });

  it.each(files.filter((file) => !TRANSPORTS.includes(file)))("shared file %s does not depend on either transport", (file) => {
    const closure = closureOf(file);
    for (const transport of TRANSPORTS) expect(closure.has(transport), `${file} reaches ${transport}`).toBe(false);
  });

  it.each(files)("%s has JSDoc on every exported declaration", (file) => {
    const lines = source(file).split("\n");
    lines.forEach((line, index) => {
      if (!/^export (?:async )?(?:function|class|interface|type|const|abstract class)\b/.test(line)) return;
      const previous = lines[index - 1] ?? "";
      expect(previous.trim().endsWith("*/"), `${file}:${index + 1} ${line}`).toBe(true);
    });
  });

  it.each(files)("%s contains no absolute machine paths", (file) => {
    expect(source(file)).not.toMatch(/\/(?:work|home|Users|tmp)\/|[A-Z]:\\\\/);
  });
});

describe("runtime portability", () => {
  it("everything but axios-transport.ts type-checks for a browser, without Node.js types", () => {
    const roots = files.filter((file) => file !== "axios-transport.ts").map((file) => join(srcDir, file));
    const program = ts.createProgram(roots, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: [],
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(diagnostics).toStrictEqual([]);
  });
});
