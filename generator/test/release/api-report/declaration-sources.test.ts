import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readTree } from "../../../src/generate/file-tree.js";
import { declarationSources } from "../../../src/release/api-report/declarations.js";
import { repoRoot } from "../../support/run-cli.js";

const declarationOf = (file: string, text: string): string =>
  ts.transpileDeclaration(text, {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext },
  }).outputText;

describe("declaration sources", () => {
  it.each(["schema", "fetch", "axios"])(
    "%s: every file declares exactly what it declared with its constants' values",
    async (pkg) => {
      const tree = await readTree(path.join(repoRoot, "packages", pkg, "src"));
      const stripped = declarationSources(tree);
      for (const [file, text] of tree)
        expect(declarationOf(file, stripped.get(file)!), file).toBe(declarationOf(file, text));
    },
  );

  it("drops the values of the schema package's data constants, and keeps everything else", async () => {
    const tree = await readTree(path.join(repoRoot, "packages", "schema", "src"));
    const stripped = declarationSources(tree);
    expect(stripped.get("spec.gen.ts")).toContain("export declare const spec: OpenApiDocument;");
    expect(stripped.get("spec.gen.ts")!.length).toBeLessThan(tree.get("spec.gen.ts")!.length / 5);
    expect(stripped.get("operation-schemas.gen.ts")).toContain(
      "export declare const operationSchemas: Readonly<Record<OperationId, OperationSchemas>>;",
    );
    expect(stripped.get("types.gen.ts")).toBe(tree.get("types.gen.ts"));
  });

  it("keeps an untyped constant, whose declaration its value decides", () => {
    const text = "export const limits = {\n  max: 3,\n};\n";
    expect(declarationSources(new Map([["a.ts", text]])).get("a.ts")).toBe(text);
  });
});
