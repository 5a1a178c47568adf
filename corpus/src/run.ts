import { execFile } from "node:child_process";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
// The generator's own reading of its batch output (the corpus is its test input, not a dependency).
import { parseBatchOutput } from "../../generator/src/generate/batch.js";
import { type CorpusSpec, configFile, specFile } from "./specs.js";

const run = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The generated package folders, in the order the generator writes them. */
export const PACKAGES = ["schema", "fetch", "axios"] as const;

/**
 * The strictness every corpus output must pass: the repo's tsconfig.base.json plus the flags a
 * consumer's project may turn on, which generated code must therefore survive.
 */
export const STRICT_FLAGS = {
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
} as const;

/** What one step did: its exit status, its output, and how long it took. */
export interface StepResult {
  ok: boolean;
  ms: number;
  output: string;
}

async function timed(step: () => Promise<{ stdout: string; stderr: string }>): Promise<StepResult> {
  const start = performance.now();
  try {
    const { stdout, stderr } = await step();
    return { ok: true, ms: performance.now() - start, output: `${stderr}${stdout}` };
  } catch (error) {
    const { stdout = "", stderr = "", message } = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, ms: performance.now() - start, output: `${stderr}${stdout}` || message };
  }
}

/**
 * Generates a spec's three packages into `<outDir>/<id>` with the CLI, as a user would
 * (`pnpm generate --spec … --out …`), without API reports, which only our own packages need.
 */
export function generateSpec(spec: CorpusSpec, outDir: string): Promise<StepResult> {
  const config = configFile(spec);
  return runGenerate([
    "--spec",
    specFile(spec),
    "--out",
    path.join(outDir, spec.id),
    "--no-api-reports",
    "--no-progress",
    ...(config !== undefined ? ["--config", config] : []),
  ]);
}

/** `pnpm generate <args>` from the repo root, as a user runs it. */
function runGenerate(args: readonly string[]): Promise<StepResult> {
  const cli = path.join(repoRoot, "generator", "src", "cli.ts");
  return timed(() =>
    run(process.execPath, ["--import", "tsx", cli, "generate", ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 64 << 20,
    }),
  );
}

/**
 * Generates several specs into `<outDir>/<id>` with one `pnpm generate --batch` run: one
 * process and one JVM for all of them, which is how the test matrix saves most of their time.
 * Each spec's result (by id) is its part of the batch's output; `ms` is the whole batch's.
 */
export async function generateSpecs(specs: readonly CorpusSpec[], outDir: string): Promise<Map<string, StepResult>> {
  const jobs = specs.map((spec) => {
    const config = configFile(spec);
    return { id: spec.id, spec: specFile(spec), ...(config !== undefined && { config }) };
  });
  return generateBatch(jobs, outDir);
}

/** One spec file of a batch: generated into `<outDir>/<id>`, with an optional `--config` file. */
export interface BatchJob {
  id: string;
  spec: string;
  config?: string;
}

/** {@link generateSpecs} for any spec files (the robustness sweep's sample, say). */
export async function generateBatch(jobs: readonly BatchJob[], outDir: string): Promise<Map<string, StepResult>> {
  const file = path.join(outDir, "batch.json");
  await writeFile(
    file,
    JSON.stringify({
      jobs: jobs.map(({ id, spec, config }) => ({ spec, out: id, ...(config !== undefined && { config }) })),
    }),
  );
  const batch = await runGenerate(["--batch", file, "--no-api-reports"]);
  const parts = parseBatchOutput(batch.output);
  const results = new Map<string, StepResult>();
  for (const job of jobs) {
    const part = parts.get(job.spec);
    results.set(job.id, {
      ok: part?.ok === true,
      ms: batch.ms,
      output: part?.text ?? `no output for ${job.id} in the batch:\n${batch.output}`,
    });
  }
  return results;
}

/**
 * Builds one generated package with its own build script (tsup: ESM, CJS and declarations).
 * `declarations: false` leaves out `--dts`, tsup's declaration pass: a tsc program per package,
 * which costs most of a build; the strict tsc program over every output (declaration: true, so
 * it reports what declaration emit would refuse) checks the same code once for all of them.
 */
export async function buildPackage(dir: string, { declarations = true } = {}): Promise<StepResult> {
  const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
    scripts: { build: string };
  };
  const [tool, ...args] = manifest.scripts.build.split(" ");
  if (tool !== "tsup") throw new Error(`${dir}: expected a tsup build script, got ${manifest.scripts.build}`);
  const used = declarations ? args : args.filter((arg) => arg !== "--dts");
  return timed(() => run(path.join(repoRoot, "node_modules", ".bin", "tsup"), used, { cwd: dir, maxBuffer: 64 << 20 }));
}

/** Builds a spec's three packages one after another; the result is the first failure or all. */
export async function buildSpec(outDir: string, id: string, options?: { declarations?: boolean }): Promise<StepResult> {
  let ms = 0;
  const outputs: string[] = [];
  for (const pkg of PACKAGES) {
    const result = await buildPackage(path.join(outDir, id, pkg), options);
    ms += result.ms;
    if (!result.ok) return { ok: false, ms, output: `${pkg}: ${result.output}` };
    outputs.push(result.output);
  }
  return { ok: true, ms, output: outputs.join("") };
}

/** Makes `axios` resolvable from packages generated under `dir`, as a workspace install would. */
export async function linkAxios(dir: string): Promise<void> {
  await mkdir(path.join(dir, "node_modules"), { recursive: true });
  await symlink(
    path.join(repoRoot, "runtime", "node_modules", "axios"),
    path.join(dir, "node_modules", "axios"),
    "dir",
  ).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}

/**
 * One strict `tsc` program over the sources of every spec generated under `outDir` (one program
 * is far cheaper than one per package). Returns tsc's diagnostics per spec id.
 */
export async function strictTsc(
  outDir: string,
  ids: readonly string[],
): Promise<{ ms: number; errors: Map<string, string[]> }> {
  await linkAxios(outDir);
  await writeFile(
    path.join(outDir, "tsconfig.json"),
    JSON.stringify({
      extends: path.join(repoRoot, "tsconfig.base.json"),
      compilerOptions: { noEmit: true, types: [], ...STRICT_FLAGS },
      include: ids.flatMap((id) => PACKAGES.map((pkg) => `${id}/${pkg}/src/**/*.ts`)),
    }),
  );
  const result = await timed(() =>
    run(path.join(repoRoot, "node_modules", ".bin", "tsc"), ["-p", "."], { cwd: outDir, maxBuffer: 64 << 20 }),
  );
  const errors = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const line of result.output.split("\n")) {
    const id = line.split("/")[0] ?? "";
    if (/error TS\d+/.test(line)) (errors.get(id) ?? errors.set(id, []).get(id)!).push(line);
  }
  if (!result.ok && [...errors.values()].every((list) => list.length === 0))
    errors.set("(tsc)", [result.output || "tsc failed without diagnostics"]);
  return { ms: result.ms, errors };
}
