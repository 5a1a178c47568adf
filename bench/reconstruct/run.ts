/**
 * Reconstruction speed: `pnpm exec tsx bench/reconstruct/run.ts [runs]`.
 * Builds 50 synthetic API pages of ~50 KB (deterministic content) in a temp folder, runs
 * reconstructSpec on it `runs` times (default 7, at least 5) and prints every time and the
 * median. Target: median under 2 s.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { reconstructSpec } from "../../generator/src/reconstruct/index.js";
import { parseTokens } from "../../generator/src/reconstruct/markdown-parser.js";
import { writeSyntheticDocs } from "./synthetic-docs.js";

const PAGES = 50;
const PAGE_BYTES = 50 * 1024;
const TARGET_MS = 2000;

async function main(): Promise<void> {
  const runs = Math.max(5, Number(process.argv[2] ?? 7));
  const folder = await mkdtemp(path.join(tmpdir(), "reconstruct-bench-"));
  try {
    const bytes = await writeSyntheticDocs(folder, PAGES, PAGE_BYTES);
    console.log(`docs: ${PAGES} API pages + models, ${(bytes / 1024 / 1024).toFixed(2)} MiB in total`);
    const times: number[] = [];
    let summary = "";
    for (let run = 1; run <= runs; run++) {
      const start = performance.now();
      const result = await reconstructSpec({ docsDir: folder });
      const elapsed = performance.now() - start;
      times.push(elapsed);
      summary = `${Object.keys(result.document.paths).length} paths, ${Object.keys(result.document.components.schemas).length} schemas, ${result.warnings.length} warnings, ${(result.yaml.length / 1024).toFixed(0)} KiB of YAML`;
      console.log(`run ${run}: ${elapsed.toFixed(0)} ms`);
    }
    // Baseline in the same run: only reading the files and tokenising them with markdown-it,
    // the floor any Markdown-based reconstruction pays; the ratio shows what mapping adds.
    const baseline: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const start = performance.now();
      for (const dir of ["apis/tags", "models"]) {
        for (const file of await readdir(path.join(folder, dir))) {
          parseTokens(await readFile(path.join(folder, dir, file), "utf8"));
        }
      }
      baseline.push(performance.now() - start);
    }
    const baselineMedian = [...baseline].sort((a, b) => a - b)[Math.floor(baseline.length / 2)] as number;
    console.log(`baseline (read + tokenise only): median ${baselineMedian.toFixed(0)} ms`);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    console.log(`output: ${summary}`);
    console.log(
      `ratio reconstruction / baseline: ${((sorted[Math.floor(sorted.length / 2)] as number) / baselineMedian).toFixed(2)}`,
    );
    console.log(
      `median of ${runs}: ${median.toFixed(0)} ms (min ${(sorted[0] as number).toFixed(0)}, max ${(sorted[sorted.length - 1] as number).toFixed(0)}); target < ${TARGET_MS} ms: ${median < TARGET_MS ? "met" : "NOT met"}`,
    );
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
