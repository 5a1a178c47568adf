// Generation benchmark. Usage: pnpm --filter @onelogin-mfa/bench generate [runs]
//
// 1. Cold full regeneration: `pnpm generate` (docs → spec → three packages, JVM included)
//    into a scratch folder, with a per-phase breakdown from the generator's own timings.
// 2. Baseline in the same run: the stock way to get the same three outputs, i.e. one
//    `openapi-generator-cli generate` JVM per client with stock templates and default JVM
//    flags, plus the openapi-typescript CLI.
// 3. Turbo-cached no-op of generate + build: `turbo run build` when nothing changed.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatMs, median, timeCommand } from "./measure.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.argv[2] ?? 5);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-bench-"));

const { jar } = await import("../../generator/src/generate/openapi-generator.js").then((m) =>
  m.locateGeneratorJar(root),
);

function repeat(
  label: string,
  once: (index: number) => { ms: number; stderr: string },
): { median: number; samples: number[]; phases: Record<string, number>[] } {
  const samples: number[] = [];
  const phases: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, stderr } = once(i);
    samples.push(ms);
    const line = /timings (\{.*\})/.exec(stderr)?.[1];
    if (line) phases.push(JSON.parse(line) as Record<string, number>);
  }
  process.stdout.write(`${label}: median ${formatMs(median(samples))} (${samples.map(formatMs).join(", ")})\n`);
  return { median: median(samples), samples, phases };
}

try {
  const ours = repeat("ours: pnpm generate (reconstruct + validate + one JVM + openapi-typescript + format)", (i) =>
    timeCommand(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "generator", "src", "cli.ts"),
        "generate",
        "--out",
        path.join(scratch, `ours-${i}`),
      ],
      {
        cwd: root,
        env: { ...process.env, ONELOGIN_MFA_TIMINGS: "1" },
      },
    ),
  );
  const phaseNames = [...new Set(ours.phases.flatMap((p) => Object.keys(p)))];
  for (const phase of phaseNames) {
    process.stdout.write(`  phase ${phase}: median ${formatMs(median(ours.phases.map((p) => p[phase] ?? 0)))}\n`);
  }

  const spec = path.join(root, "spec", "openapi.yaml");
  const baseline = repeat("baseline: stock OpenAPI Generator, one JVM per client, + openapi-typescript CLI", (i) => {
    let ms = 0;
    for (const generator of ["typescript-fetch", "typescript-axios"]) {
      ms += timeCommand(
        "java",
        ["-jar", jar, "generate", "-g", generator, "-i", spec, "-o", path.join(scratch, `stock-${i}-${generator}`)],
        { cwd: root },
      ).ms;
    }
    ms += timeCommand(
      path.join(root, "generator", "node_modules", ".bin", "openapi-typescript"),
      [spec, "-o", path.join(scratch, `stock-${i}.d.ts`)],
      { cwd: path.join(root, "generator") },
    ).ms;
    return { ms, stderr: "" };
  });
  process.stdout.write(`ratio ours / baseline: ${(ours.median / baseline.median).toFixed(2)}\n`);

  // Prime the cache, then measure hits.
  timeCommand(bin("turbo"), ["run", "build", "--output-logs=none"], { cwd: root });
  repeat("turbo run build, fully cached (generate + build no-op)", () =>
    timeCommand(bin("turbo"), ["run", "build", "--output-logs=none"], { cwd: root }),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
