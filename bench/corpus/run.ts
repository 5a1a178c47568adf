// The real-world corpus table. Usage: pnpm --filter @onelogin-mfa/bench corpus
//
// Each corpus spec (corpus/src/specs.ts: published descriptions from pinned npm packages) is
// generated cold with the CLI (a fresh process, the JVM included, no API reports), its three
// packages are built with their own build scripts (tsup: ESM, CJS and declarations), and its
// sources are checked by one strict tsc program of its own (the repo's tsconfig.base.json plus
// exactOptionalPropertyTypes, noUnusedLocals, noUnusedParameters). One run per spec; the table
// goes to stdout and into README.md between the bench:corpus markers.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildSpec,
  CORPUS,
  describeSpec,
  generateSpec,
  linkAxios,
  packageVersion,
  repoRoot,
  type StepResult,
  strictTsc,
} from "@onelogin-mfa/corpus";
import { formatMs } from "../generate/measure.js";
import { writeReadmeSection } from "../readme-section.js";

const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-bench-corpus-"));
const cell = (result: { ok: boolean; ms: number }): string => `${result.ok ? "✓" : "✗"} ${formatMs(result.ms)}`;
const lines = [
  "| spec (npm package) | OpenAPI | operations | generate | build | strict tsc | time |",
  "| --- | --- | --- | --- | --- | --- | --- |",
];
const failures: string[] = [];

try {
  // The axios packages' declarations need axios, as a workspace install would give them.
  await linkAxios(scratch);
  for (const spec of CORPUS) {
    const facts = describeSpec(spec);
    const generated = await generateSpec(spec, scratch);
    const built: StepResult = generated.ok
      ? await buildSpec(scratch, spec.id)
      : { ok: false, ms: 0, output: "not generated" };
    const checked = generated.ok ? await strictTsc(scratch, [spec.id]) : { ms: 0, errors: new Map([["", ["—"]]]) };
    const errors = [...checked.errors.values()].flat();
    const tsc = { ok: generated.ok && errors.length === 0, ms: checked.ms };
    for (const [step, result] of [
      ["generate", generated],
      ["build", built],
    ] as const)
      if (!result.ok) failures.push(`${spec.id} ${step}:\n${result.output.slice(0, 4000)}`);
    if (generated.ok && errors.length > 0) failures.push(`${spec.id} tsc:\n${errors.slice(0, 40).join("\n")}`);
    const row = `| ${spec.title} (\`${spec.npmPackage}\` ${packageVersion(spec)}) | ${facts.openapi} | ${facts.operations.toLocaleString("en-US")} | ${cell(generated)} | ${cell(built)} | ${cell(tsc)}${errors.length > 0 ? ` (${errors.length} errors)` : ""} | ${formatMs(generated.ms + built.ms + tsc.ms)} |`;
    lines.push(row);
    process.stdout.write(`${row}\n`);
    rmSync(path.join(scratch, spec.id), { recursive: true, force: true });
  }
  const table = lines.join("\n");
  process.stdout.write(`\n${table}\n`);
  for (const failure of failures) process.stderr.write(`${failure}\n`);
  if (writeReadmeSection(repoRoot, "corpus", table)) process.stdout.write("README.md updated\n");
  if (failures.length > 0) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
