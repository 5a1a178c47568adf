// Generation time against operation count. Usage: pnpm --filter @onelogin-mfa/bench generate:sizes [runs]
//
// Slices of GitHub's REST API description (`@octokit/openapi`, pinned): the first N operations
// with the components they reach, and the whole spec. Each is generated cold (a fresh process,
// the JVM included, no turbo cache) into a scratch folder, `runs` times; then the whole spec as
// published, also `runs` times. Baseline in the same run, on the
// slices: stock OpenAPI Generator, `typescript-fetch` alone, default JVM flags; and our own
// 7-operation MFA spec (`spec/openapi.yaml`), so that growth is a ratio measured in one run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { listOperations } from "../../generator/src/generate/spec-walk.js";
import { resolvePointer } from "../../generator/src/refs.js";
import { githubSlice, githubSpecPath } from "./github-slice.js";
import { formatMs, median, timeCommand } from "./measure.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.argv[2] ?? 3);
const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-bench-sizes-"));
const { jar } = await import("../../generator/src/generate/openapi-generator.js").then((m) =>
  m.locateGeneratorJar(root),
);
// 161: the size of the full OneLogin API, which a growing MFA API would approach.
const SLICES = [100, 161, 400];

// The names the corpus gives GitHub's colliding places (corpus/config/github.yaml): a slice gets
// those whose place it contains, since a name for a missing place is an error.
const githubNames = (
  parse(readFileSync(path.join(root, "corpus", "config", "github.yaml"), "utf8")) as {
    names: Record<string, string>;
  }
).names;

function namesConfigFor(document: Record<string, unknown>, label: string): string {
  const file = path.join(scratch, `names-${label}.json`);
  const names = Object.fromEntries(
    Object.entries(githubNames).filter(([pointer]) => resolvePointer(document, pointer) !== undefined),
  );
  writeFileSync(file, JSON.stringify({ names }));
  return file;
}

/** Cold runs of our generator on one spec: wall times and each run's phase timings. */
function generateCold(
  spec: string,
  label: string,
  times: number,
  extraArgs: string[] = [],
): { ours: number[]; phases: string[] } {
  const ours: number[] = [];
  const phases: string[] = [];
  for (let i = 0; i < times; i++) {
    const out = path.join(scratch, `ours-${label}-${i}`);
    const { ms, stderr } = timeCommand(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "generator", "src", "cli.ts"),
        "generate",
        "--spec",
        spec,
        "--out",
        out,
        "--no-progress",
        ...extraArgs,
      ],
      { cwd: root, env: { ...process.env, ONELOGIN_MFA_TIMINGS: "1" } },
    );
    ours.push(ms);
    phases.push(/timings (\{.*\})/.exec(stderr)?.[1] ?? "");
    rmSync(out, { recursive: true, force: true });
  }
  return { ours, phases };
}

try {
  const mfaSpec = path.join(root, "spec", "openapi.yaml");
  const { readSpec } = await import("../../generator/src/generate/load-spec.js");
  const mfaDocument = (await readSpec(mfaSpec)).document;
  const mfaOperations = listOperations(mfaDocument).length;
  const mfaModels = Object.keys(mfaDocument.components?.schemas ?? {}).length;
  const mfa = generateCold(mfaSpec, "mfa", runs);
  const mfaMs = median(mfa.ours);
  process.stdout.write(
    "| operations | models | ours: three packages (median) | vs our 7-operation MFA spec | stock typescript-fetch alone | ratio to stock |\n",
  );
  process.stdout.write("| --- | --- | --- | --- | --- | --- |\n");
  process.stdout.write(
    `| ${mfaOperations} (MFA spec) | ${mfaModels} | ${formatMs(mfaMs)} (${mfa.ours.map(formatMs).join(", ")}) | 1.00 | | |\n`,
  );
  for (const size of SLICES) {
    const { document, operations } = githubSlice(size);
    const models = Object.keys((document.components as { schemas?: object }).schemas ?? {}).length;
    const spec = path.join(scratch, `github-${operations}.json`);
    writeFileSync(spec, JSON.stringify(document));
    const times = Number.isFinite(size) ? runs : 1;
    const config = namesConfigFor(document, String(operations));
    const { ours, phases } = generateCold(spec, String(operations), times, ["--config", config]);
    let stock = "not run (about 5 min)";
    let ratio = "";
    if (Number.isFinite(size)) {
      const samples: number[] = [];
      for (let i = 0; i < times; i++) {
        const out = path.join(scratch, `stock-${operations}-${i}`);
        samples.push(
          timeCommand(
            "java",
            ["-jar", jar, "generate", "-g", "typescript-fetch", "-i", spec, "-o", out, "--skip-validate-spec"],
            { cwd: root },
          ).ms,
        );
        rmSync(out, { recursive: true, force: true });
      }
      stock = formatMs(median(samples));
      ratio = (median(ours) / median(samples)).toFixed(2);
    }
    process.stdout.write(
      `| ${operations} | ${models} | ${formatMs(median(ours))} (${ours.map(formatMs).join(", ")}) | ${(median(ours) / mfaMs).toFixed(2)} | ${stock} | ${ratio} |\n`,
    );
    for (const line of phases) process.stdout.write(`    phases: ${line}\n`);
  }
  // The whole spec as published (webhooks and all the components they reach included), with the
  // corpus's names config: what a user pointing the generator at it would run.
  const published = githubSpecPath();
  const full = JSON.parse(readFileSync(published, "utf8")) as Parameters<typeof listOperations>[0];
  const whole = generateCold(published, "whole", runs, [
    "--config",
    path.join(root, "corpus", "config", "github.yaml"),
  ]);
  process.stdout.write(
    `| ${listOperations(full).length} (the whole spec as published) | ${Object.keys(full.components?.schemas ?? {}).length} | ${formatMs(median(whole.ours))} (${whole.ours.map(formatMs).join(", ")}) | ${(median(whole.ours) / mfaMs).toFixed(2)} | not run (about 5 min) | |\n`,
  );
  for (const line of whole.phases) process.stdout.write(`    phases: ${line}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
