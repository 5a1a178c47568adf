import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type Diagnostic, describeFailure, InputError } from "../diagnostics.js";
import type { GenerateArgs } from "./args.js";
import { type CommandOutput, generateCommand } from "./command.js";
import { repoRootFrom } from "./layout.js";
import { parseDataText } from "./parse-data-file.js";
import { SharedJvm } from "./shared-jvm.js";

/** One generation of a batch: paths relative to the batch file. */
export interface BatchJob {
  spec: string;
  out: string;
  config?: string;
  scope?: string;
}

const JOB_KEYS = ["spec", "out", "config", "scope"] as const;

/**
 * `pnpm generate --batch <file>`: every job of the file (`{ jobs: [{ spec, out, config?, scope? }] }`,
 * JSON or YAML) generated in this one process, with one JVM for each wave of jobs (WAVE_LIMITS).
 * That is the same work as one `pnpm generate --spec … --out …` per job, less a Node and a JVM
 * start each, which are most of a small spec's time. Each job's messages are printed together under a `==> spec`
 * line that says whether it succeeded; the exit code is 1 when any job failed.
 */
export async function generateBatch(args: GenerateArgs): Promise<number> {
  const file = path.resolve(args.batch!);
  const jobs = await readBatchFile(file);
  const base = path.dirname(file);
  const root = repoRootFrom(import.meta.url);
  // Each job's part is printed once it and every job before it are done: in the file's order,
  // and without waiting for the slowest job to see how the others went.
  const finished: ({ code: number; text: string } | undefined)[] = jobs.map(() => undefined);
  let printed = 0;
  const printReady = (): void => {
    for (; printed < jobs.length && finished[printed] !== undefined; printed++) {
      const { code, text } = finished[printed]!;
      process.stdout.write(`==> ${jobs[printed]!.spec}: ${code === 0 ? "ok" : "failed"}\n${text}`);
    }
  };
  const runJob = async (job: BatchJob, index: number, jvm: SharedJvm): Promise<{ code: number }> => {
    const seat = jvm.seat();
    const chunks: string[] = [];
    const output: CommandOutput = { out: (text) => chunks.push(text), err: (text) => chunks.push(text) };
    let code: number;
    try {
      code = await generateCommand(argvOf(job, base, args), { output, runGenerator: seat.run });
    } catch (error) {
      output.err(`${describeFailure(error)}\n`);
      code = 1;
    } finally {
      seat.release();
    }
    finished[index] = { code, text: chunks.join("") };
    printReady();
    return { code };
  };
  const results: { code: number }[] = [];
  // Jobs run together (and share a JVM) a wave at a time, so memory grows with a wave, not the file.
  for (const wave of planWaves(await Promise.all(jobs.map((job) => specBytes(path.resolve(base, job.spec)))))) {
    const jvm = new SharedJvm(root, wave.length);
    const done = await Promise.all(wave.map((index) => runJob(jobs[index]!, index, jvm)));
    results.push(...done);
  }
  const failed = results.filter((result) => result.code !== 0).length;
  process.stdout.write(
    `batch: ${jobs.length - failed} of ${jobs.length} generated${failed > 0 ? `, ${failed} failed` : ""}\n`,
  );
  return failed > 0 ? 1 : 0;
}

/**
 * A batch's jobs are generated together, with one JVM, in waves of at most this many jobs and
 * this much spec text (a job larger than that is a wave of its own). Every job of a wave holds
 * its spec, its prepared copies and its packages in memory until the wave's JVM has run (GitHub's
 * 13 MB spec alone peaks at 1.5 GB), and when a wave's shared JVM fails, only that wave's jobs
 * are run again one by one to find whose spec it was.
 */
export const WAVE_LIMITS = { jobs: 64, bytes: 24 << 20 } as const;

/** Job indices grouped into waves, in file order, from each job's spec size in bytes. */
export function planWaves(sizes: readonly number[], limits: { jobs: number; bytes: number } = WAVE_LIMITS): number[][] {
  const waves: number[][] = [];
  let wave: number[] = [];
  let bytes = 0;
  for (const [index, size] of sizes.entries()) {
    if (wave.length > 0 && (wave.length >= limits.jobs || bytes + size > limits.bytes)) {
      waves.push(wave);
      wave = [];
      bytes = 0;
    }
    wave.push(index);
    bytes += size;
  }
  if (wave.length > 0) waves.push(wave);
  return waves;
}

/** A spec file's size; 0 when it cannot be read (its job then says why). */
async function specBytes(file: string): Promise<number> {
  return stat(file).then(
    (info) => info.size,
    () => 0,
  );
}

function argvOf(job: BatchJob, base: string, args: GenerateArgs): string[] {
  const at = (relative: string): string => path.resolve(base, relative);
  return [
    "--spec",
    at(job.spec),
    "--out",
    at(job.out),
    ...(job.config !== undefined ? ["--config", at(job.config)] : []),
    ...(job.scope !== undefined ? ["--scope", job.scope] : []),
    ...(args.apiReports ? [] : ["--no-api-reports"]),
    // One job's progress line would overwrite another's.
    "--no-progress",
  ];
}

/** Reads and checks a batch file; every problem is reported with its JSON pointer. */
export async function readBatchFile(file: string): Promise<BatchJob[]> {
  const shown = path.relative(process.cwd(), file) || file;
  const fail = (problems: Omit<Diagnostic, "severity" | "file">[]): never => {
    throw new InputError(problems.map((p) => ({ severity: "error", file: shown, ...p })));
  };
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) =>
    fail([{ message: `cannot read batch file: ${error.code ?? error.message}` }]),
  );
  const value = parseDataText(text, file, shown, "cannot parse batch file");
  const problems = batchProblems(value);
  if (problems.length > 0) fail(problems);
  return (value as { jobs: BatchJob[] }).jobs;
}

/** What is wrong with a parsed batch file, by JSON pointer. Unknown keys are refused, as in a config. */
export function batchProblems(value: unknown): { pointer: string; message: string }[] {
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(value)) return [{ pointer: "", message: "a batch file must be an object with a `jobs` list" }];
  const problems: { pointer: string; message: string }[] = [];
  for (const key of Object.keys(value))
    if (key !== "jobs") problems.push({ pointer: `/${key}`, message: `unknown key ${JSON.stringify(key)}` });
  if (!Array.isArray(value.jobs) || value.jobs.length === 0) {
    problems.push({ pointer: "/jobs", message: "jobs must be a non-empty list" });
    return problems;
  }
  const outs = new Map<string, number>();
  for (const [index, job] of value.jobs.entries()) {
    const at = `/jobs/${index}`;
    if (!isObject(job)) {
      problems.push({ pointer: at, message: "a job must be an object with spec and out" });
      continue;
    }
    for (const key of Object.keys(job))
      if (!(JOB_KEYS as readonly string[]).includes(key))
        problems.push({ pointer: `${at}/${key}`, message: `unknown key ${JSON.stringify(key)}` });
    for (const key of JOB_KEYS) {
      const required = key === "spec" || key === "out";
      if (job[key] === undefined && !required) continue;
      if (typeof job[key] !== "string" || job[key] === "")
        problems.push({ pointer: `${at}/${key}`, message: `${key} must be a non-empty string` });
    }
    // Two jobs writing one folder would overwrite each other's packages.
    if (typeof job.out === "string") {
      const earlier = outs.get(path.normalize(job.out));
      if (earlier !== undefined)
        problems.push({ pointer: `${at}/out`, message: `out is also the output of /jobs/${earlier}` });
      else outs.set(path.normalize(job.out), index);
    }
  }
  return problems;
}

/** One job's part of a batch's output, as `generateBatch` prints it. */
export interface BatchJobOutput {
  ok: boolean;
  /** The job's own messages (warnings, errors, the `generated … files` line). */
  text: string;
}

/** Splits a batch's output into each job's part, by the spec as the batch file names it. */
export function parseBatchOutput(stdout: string): Map<string, BatchJobOutput> {
  const jobs = new Map<string, BatchJobOutput>();
  const body = stdout.replace(/^batch: .*\n?$/m, "");
  for (const part of body.split(/^==> /m).slice(1)) {
    const newline = part.indexOf("\n");
    const header = part.slice(0, newline);
    const status = / (ok|failed)$/.exec(header);
    jobs.set(header.slice(0, header.length - (status?.[0].length ?? 0)).replace(/:$/, ""), {
      ok: status?.[1] === "ok",
      text: part.slice(newline + 1),
    });
  }
  return jobs;
}
