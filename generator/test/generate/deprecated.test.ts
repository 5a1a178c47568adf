import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { linkAxios, makeTempDir } from "../support/temp-dir.js";

const SPEC = `openapi: 3.0.3
info: { title: Deprecations, version: "1" }
servers: [{ url: "https://api.example.com" }]
paths:
  /pets:
    get:
      operationId: list_pets
      deprecated: true
      parameters:
        - { name: page_size, in: query, deprecated: true, schema: { type: integer } }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
components:
  schemas:
    Pet:
      type: object
      deprecated: true
      properties:
        nickname: { type: string, deprecated: true }
`;

/** `deprecated` in the spec becomes `@deprecated` on the operation, parameter, model and property. */
describe("deprecated flags reach the generated JSDoc", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    temp = await makeTempDir("deprecated");
    await linkAxios(temp.dir);
    await writeFile(path.join(temp.dir, "spec.yaml"), SPEC);
    const result = await runCli([
      "generate",
      "--spec",
      path.join(temp.dir, "spec.yaml"),
      "--out",
      path.join(temp.dir, "out"),
      "--no-api-reports",
    ]);
    expect(result.code).toBe(0);
  });
  afterAll(() => temp.remove());

  it.each(["fetch", "axios"])("%s", async (pkg) => {
    const api = await readFile(path.join(temp.dir, "out", pkg, "src", "apis", "default-api.gen.ts"), "utf8");
    const model = await readFile(path.join(temp.dir, "out", pkg, "src", "models", "pet.gen.ts"), "utf8");
    // The operation's function and method, and the parameter's property.
    expect(api.match(/@deprecated/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(api).toMatch(/@deprecated[\s\S]*?\*\/\s*pageSize\?/);
    // The model and its property.
    expect(model).toMatch(/@deprecated[\s\S]*?\*\/\s*export interface Pet/);
    expect(model).toMatch(/@deprecated[\s\S]*?\*\/\s*nickname\?/);
  });
});
