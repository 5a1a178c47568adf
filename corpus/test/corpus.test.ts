import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSpec, CORPUS, generateSpec, PACKAGES, type StepResult, strictTsc } from "../src/index.js";

const ids = CORPUS.map((spec) => spec.id);

/**
 * Issue 10's corpus: published API descriptions, read from the npm packages pinned in
 * corpus/package.json (never copies), each generated as a user would with `pnpm generate --spec`.
 * Each spec is generated once per run; one strict tsc program then checks every output together.
 */
describe("real-world corpus", () => {
  let outDir: string;
  const generated = new Map<string, StepResult>();

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), "onelogin-mfa-corpus-"));
    for (const spec of CORPUS) generated.set(spec.id, await generateSpec(spec, outDir));
  });
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it.each(ids)("%s generates all three packages", (id) => {
    const result = generated.get(id)!;
    expect(result.ok, result.output).toBe(true);
    expect(result.output).not.toMatch(/: error: /);
    for (const pkg of PACKAGES) expect(existsSync(path.join(outDir, id, pkg, "src", "index.gen.ts")), pkg).toBe(true);
  });

  // ESM and CJS with each package's own build script; its declaration pass is the strict tsc below.
  it.each(ids)("%s packages build", async (id) => {
    const result = await buildSpec(outDir, id, { declarations: false });
    expect(result.ok, result.output).toBe(true);
    for (const pkg of PACKAGES)
      for (const file of ["index.js", "index.cjs"])
        expect(existsSync(path.join(outDir, id, pkg, "dist", file)), `${id}/${pkg}/dist/${file}`).toBe(true);
  });

  it("every output passes strict tsc (tsconfig.base.json + exactOptionalPropertyTypes, noUnusedLocals, noUnusedParameters)", async () => {
    const { errors } = await strictTsc(outDir, ids);
    expect(Object.fromEntries(errors)).toEqual(Object.fromEntries(ids.map((id) => [id, []])));
  });
});
