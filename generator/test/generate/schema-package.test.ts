import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/generate/load-spec.js";
import { collectSchemaTree } from "../../src/generate/schema-package.js";

const specOf = (paths: Record<string, unknown>): OpenApiDocument =>
  ({ openapi: "3.0.3", info: { title: "t", version: "1" }, paths }) as OpenApiDocument;

describe("operation-schemas.gen.ts", () => {
  // Inferred from the literal, a large API's schemas (Rebilly's, 10 MB) exceed what tsc can write
  // into declarations (TS7056); the keys carry all a caller can use.
  it("types operationSchemas by its operationIds, not by the literal", async () => {
    const tree = await collectSchemaTree(
      specOf({
        "/a": { get: { operationId: "listA", responses: { "204": { description: "none" } } } },
        "/b": { post: { operationId: "createB", responses: { "204": { description: "none" } } } },
      }),
      "// header\n",
    );
    const source = tree.get("operation-schemas.gen.ts");
    // The keys are an alias of their own: a new operation widens it without changing the constant.
    expect(source).toContain('export type OperationId = "listA" | "createB";');
    expect(source).toContain("export const operationSchemas: Readonly<Record<OperationId, OperationSchemas>> = {");
    expect(tree.get("index.gen.ts")).toContain("type OperationId");
  });

  it("has no keys for an API without operations", async () => {
    const tree = await collectSchemaTree(specOf({}), "// header\n");
    const source = tree.get("operation-schemas.gen.ts");
    expect(source).toContain("export type OperationId = never;");
    expect(source).toContain("export const operationSchemas: Readonly<Record<OperationId, OperationSchemas>> = {}");
  });
});
