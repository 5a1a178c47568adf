// Client benchmark. Usage: pnpm --filter @onelogin-mfa/bench client
//
// In one run: bundle sizes (both clients, all seven operations and one, and the per-operation
// cost measured on a 120-operation spec), per-call overhead against raw fetch and raw axios on a
// loopback server in its own process, CPU time per call against an in-memory fetch, and strict
// tsc time against a hand-written floor; openapi-fetch beside ours. Writes the table into the
// README between the bench:client markers.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeReadmeSection } from "../readme-section.js";
import { measureCpu } from "./cpu.js";
import { measureOverhead, median } from "./overhead.js";
import { clientSizes, openapiFetchSizes } from "./sizes.js";
import { measureTsc } from "./tsc.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const COMMAND = "pnpm --filter @onelogin-mfa/bench client";
const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-client-bench-"));

try {
  // A public 120-operation spec, generated the same way as ours, for the per-operation cost.
  const bigSpec = path.join(
    root,
    "generator",
    "node_modules",
    "@readme",
    "oas-examples",
    "3.0",
    "yaml",
    "star-trek.yaml",
  );
  execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "generator", "src", "cli.ts"), "generate", "--spec", bigSpec, "--out", scratch],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
  const fetchSizes = await clientSizes(root, "fetch", scratch);
  const axiosSizes = await clientSizes(root, "axios", scratch);
  const peerSizes = await openapiFetchSizes(root);
  const overhead = await measureOverhead();
  const cpu = await measureCpu();
  const tsc = measureTsc(root);

  const ratio = (values: number[]): string =>
    `${median(values).toFixed(2)}× (runs: ${values.map((v) => v.toFixed(2)).join(", ")})`;
  const kb = (n: number): string => n.toLocaleString("en-US");
  const lines = [
    `Client benchmark (\`${COMMAND}\`; esbuild, minified ESM, \`--platform=neutral\`, axios external, gzip -9; bytes are deterministic, times are medians, baselines measured in the same run):`,
    "",
    "| what | ours, fetch | ours, axios | openapi-fetch | target |",
    "| --- | --- | --- | --- | --- |",
    `| all 7 operations + createClient, min / gzip B | ${kb(fetchSizes.all.min)} / ${kb(fetchSizes.all.gzip)} | ${kb(axiosSizes.all.min)} / ${kb(axiosSizes.all.gzip)} | ${kb(peerSizes.all.min)} / ${kb(peerSizes.all.gzip)} | ≤ 2,500 gzip |`,
    `| one operation (\`getEnrolledFactors\`), min / gzip B | ${kb(fetchSizes.one.min)} / ${kb(fetchSizes.one.gzip)} | ${kb(axiosSizes.one.min)} / ${kb(axiosSizes.one.gzip)} | ${kb(peerSizes.one.min)} / ${kb(peerSizes.one.gzip)} | ≤ 1,500 gzip |`,
    `| each further operation, gzip B (${fetchSizes.bigSpecOperations}-operation spec vs ours) | ${fetchSizes.perOperation.toFixed(1)} | ${axiosSizes.perOperation.toFixed(1)} | | ≤ 40 |`,
    `| per call on loopback, vs raw fetch / raw axios (3 runs × 7 interleaved rounds × 300 calls) | ${ratio(overhead.ratios.fetch)} | ${ratio(overhead.ratios.axios)} | ${ratio(overhead.ratios.openapiFetch)} vs raw fetch | ≤ 1.05× |`,
    `| per call on loopback, ms (raw fetch ${overhead.perCallMs["raw fetch"]?.toFixed(3)}, raw axios ${overhead.perCallMs["raw axios"]?.toFixed(3)}) | ${overhead.perCallMs["ours, fetch"]?.toFixed(3)} | ${overhead.perCallMs["ours, axios"]?.toFixed(3)} | ${overhead.perCallMs["openapi-fetch"]?.toFixed(3)} | |`,
    `| CPU per call on an in-memory fetch, µs (hand-written call: ${cpu["hand-written"]?.toFixed(1)}) | ${cpu["ours, fetch"]?.toFixed(1)} (${((cpu["ours, fetch"] ?? 0) / (cpu["hand-written"] ?? 1)).toFixed(2)}×) | | ${cpu["openapi-fetch"]?.toFixed(1)} (${((cpu["openapi-fetch"] ?? 0) / (cpu["hand-written"] ?? 1)).toFixed(2)}×) | |`,
    `| strict tsc, generated client's sources + usage vs hand-written floor (${tsc.floorMs.toFixed(0)} ms) | ${tsc.oursMs.toFixed(0)} ms (${(tsc.oursMs / tsc.floorMs).toFixed(2)}×) | | | ≤ 1.2× |`,
    `| strict tsc, the same usage against the built package's declarations (what an installing application compiles) vs the floor | ${tsc.consumerMs.toFixed(0)} ms (${(tsc.consumerMs / tsc.floorMs).toFixed(2)}×) | | | ≤ 1.2× |`,
  ];
  const table = lines.join("\n");
  process.stdout.write(`${table}\n`);
  if (writeReadmeSection(root, "client", table)) process.stdout.write("README.md updated\n");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
