// Generation time against operation count. Usage: pnpm --filter @onelogin-mfa/bench generate:sizes [runs]
//
// Slices of GitHub's REST API description (`@octokit/openapi`, pinned): the first N operations
// with the components they reach, and the whole spec. Each is generated cold (a fresh process,
// the JVM included, no turbo cache) into a scratch folder, `runs` times for the slices and once
// for the whole spec (a run hogs a core for most of a minute). Baseline in the same run, on the
// slices: stock OpenAPI Generator, `typescript-fetch` alone, default JVM flags.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { githubSlice } from "./github-slice.js";
import { formatMs, median, timeCommand } from "./measure.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.argv[2] ?? 3);
const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-bench-sizes-"));
const { jar } = await import("../../generator/src/generate/openapi-generator.js").then((m) =>
  m.locateGeneratorJar(root),
);
const SLICES = [100, 400, Number.POSITIVE_INFINITY];

try {
  process.stdout.write(
    "| operations | models | ours: three packages (median) | stock typescript-fetch alone | ratio |\n",
  );
  process.stdout.write("| --- | --- | --- | --- | --- |\n");
  for (const size of SLICES) {
    const { document, operations } = githubSlice(size);
    const models = Object.keys((document.components as { schemas?: object }).schemas ?? {}).length;
    const spec = path.join(scratch, `github-${operations}.json`);
    writeFileSync(spec, JSON.stringify(document));
    const times = Number.isFinite(size) ? runs : 1;
    const ours: number[] = [];
    const phases: string[] = [];
    for (let i = 0; i < times; i++) {
      const out = path.join(scratch, `ours-${operations}-${i}`);
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
        ],
        { cwd: root, env: { ...process.env, ONELOGIN_MFA_TIMINGS: "1" } },
      );
      ours.push(ms);
      phases.push(/timings (\{.*\})/.exec(stderr)?.[1] ?? "");
      rmSync(out, { recursive: true, force: true });
    }
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
      `| ${operations} | ${models} | ${formatMs(median(ours))} (${ours.map(formatMs).join(", ")}) | ${stock} | ${ratio} |\n`,
    );
    for (const line of phases) process.stdout.write(`    phases: ${line}\n`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
