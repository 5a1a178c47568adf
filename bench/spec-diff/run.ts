/**
 * Spec-diff speed: `pnpm --filter @onelogin-mfa/bench spec-diff [runs]` (default 7, at least 5).
 * Compares spec/openapi.yaml with a copy missing one response property, and prints medians of:
 * the whole `diffSpecs` (both specs validated, one engine JVM, classification); the engine alone
 * with our JVM flags and class-data-sharing archive; and, as the baseline in the same run, the
 * same engine run on a stock JVM (default flags, no archive).
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { readSpec } from "../../generator/src/generate/load-spec.js";
import { javaExecutable } from "../../generator/src/generate/openapi-generator.js";
import { runEngine } from "../../generator/src/release/spec-diff/engine.js";
import { locateEngine, REPO_ROOT } from "../../generator/src/release/spec-diff/engine-install.js";
import { diffSpecs } from "../../generator/src/release/spec-diff/index.js";
import { formatMs, median } from "../generate/measure.js";

async function time(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const runs = Math.max(5, Number(process.argv[2] ?? 7));
  const folder = await mkdtemp(path.join(tmpdir(), "spec-diff-bench-"));
  try {
    const oldFile = path.join(REPO_ROOT, "spec", "openapi.yaml");
    const spec = (await readSpec(oldFile)).document;
    const route = Object.keys(spec.paths)[0]!;
    // biome-ignore lint/suspicious/noExplicitAny: one known place in the MFA spec.
    const operation = Object.values(spec.paths[route]!)[0] as { responses: Record<string, any> };
    delete operation.responses["200"].content["application/json"].schema.properties.status;
    const newFile = path.join(folder, "new.json");
    await writeFile(newFile, JSON.stringify(spec));

    const { classpath } = locateEngine();
    const whole: number[] = [];
    const engine: number[] = [];
    const stock: number[] = [];
    for (let run = 1; run <= runs; run++) {
      whole.push(await time(() => diffSpecs(oldFile, newFile)));
      engine.push(await time(() => runEngine([{ oldFile, newFile }])));
      stock.push(
        await time(async () => {
          const result = spawnSync(javaExecutable(), ["-cp", classpath, "SpecDiffBatch", oldFile, newFile], {
            encoding: "utf8",
          });
          if (result.status !== 0) throw new Error(result.stderr);
        }),
      );
      console.log(
        `run ${run}: diffSpecs ${formatMs(whole.at(-1)!)}, engine ${formatMs(engine.at(-1)!)}, stock JVM ${formatMs(stock.at(-1)!)}`,
      );
    }
    const [w, e, s] = [median(whole), median(engine), median(stock)];
    console.log(
      `median of ${runs}: diffSpecs ${formatMs(w)}; engine (our flags + CDS) ${formatMs(e)}; stock JVM ${formatMs(s)}; ratio engine / stock ${(e / s).toFixed(2)}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
