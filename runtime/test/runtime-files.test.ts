import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The generator copies runtime/src/*.ts into each client package, renaming x.ts → x.gen.ts and
// rewriting "./x.js" → "./x.gen.js". Files named fetch-* / axios-* (transports and flavors) go
// only into their own package; every other file goes into both. These checks keep the source
// compatible with that copying.

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..", "src");
const entries = readdirSync(srcDir);
const files = entries.filter((name) => name.endsWith(".ts")).sort();
const source = (file: string): string => readFileSync(join(srcDir, file), "utf8");

/** Module specifiers of every import and re-export in a file. */
function importsOf(file: string): string[] {
  return [...source(file).matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/g)].map(
    (match) => match[1] ?? "",
  );
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

/** Which package a file is copied into: one flavor, or both ("shared"). */
function flavorOf(file: string): "fetch" | "axios" | "shared" {
  if (file.startsWith("fetch-")) return "fetch";
  if (file.startsWith("axios-")) return "axios";
  return "shared";
}

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

  it.each(files)("%s has no node: or package imports (axios only in axios-* files)", (file) => {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith("./")) continue;
      expect(flavorOf(file) === "axios" && specifier === "axios", `${file} imports ${specifier}`).toBe(true);
    }
    expect(source(file)).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b/);
  });

  it.each(files.filter((file) => flavorOf(file) === "fetch"))("%s and its dependencies never reach axios", (file) => {
    for (const reached of closureOf(file)) {
      expect(flavorOf(reached), `${file} reaches ${reached}`).not.toBe("axios");
      expect(importsOf(reached)).not.toContain("axios");
    }
  });

  it.each(files.filter((file) => flavorOf(file) === "shared"))(
    "shared file %s depends on shared files only",
    (file) => {
      for (const reached of closureOf(file)) expect(flavorOf(reached), `${file} reaches ${reached}`).toBe("shared");
    },
  );

  it.each(files)("%s has JSDoc on every exported declaration", (file) => {
    const lines = source(file).split("\n");
    lines.forEach((line, index) => {
      // Declarations only; re-exports (`export { x } from`, `export type { x } from`) document nothing new.
      if (!/^export (?:async )?(?:function|class|interface|type|const|abstract class) [A-Za-z_$]/.test(line)) return;
      const previous = lines[index - 1] ?? "";
      expect(previous.trim().endsWith("*/"), `${file}:${index + 1} ${line}`).toBe(true);
    });
  });

  it.each(files)("%s contains no absolute machine paths", (file) => {
    expect(source(file)).not.toMatch(/\/(?:work|home|Users|tmp)\/|[A-Z]:\\\\/);
  });
});

describe("runtime portability", () => {
  it("everything the fetch package gets type-checks for a browser, without Node.js types", () => {
    const roots = files.filter((file) => flavorOf(file) !== "axios").map((file) => join(srcDir, file));
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
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    expect(diagnostics).toStrictEqual([]);
    // A whole TypeScript program: seconds on a loaded 2-core machine, so no tight limit.
  }, 120_000);
});
