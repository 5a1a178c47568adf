import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DeclarationJob } from "./declarations.js";
import type { ReportJob } from "./extract.js";

/** One package: its declarations to emit and the entry points to report, in that order. */
export interface PackageReportJob {
  declarations: DeclarationJob;
  reports: ReportJob[];
}

/**
 * A package with at least this many bytes of generated source gets a worker thread of its own.
 * Each worker loads TypeScript and API Extractor and parses the libs again (about 2.5 s), which
 * only a large package earns back: GitHub's three packages (72 MB) took 49 s in one thread and
 * 40 s in two, while a 161-operation slice of it (8 MB) took 8.8 s in one and 12.3 s in two.
 */
const WORKER_FROM_BYTES = 12 << 20;

/** Emits one package's declarations and returns its reports, in the order of `job.reports`. */
export async function reportPackage(job: PackageReportJob): Promise<string[]> {
  return (await reportTogether([job]))[0]!;
}

/** Several packages in one TypeScript program and one API Extractor compiler state (libs parsed once). */
async function reportTogether(jobs: readonly PackageReportJob[]): Promise<string[][]> {
  // TypeScript and API Extractor take about 1.5 s to load: only runs that write reports pay for them.
  const [{ emitDeclarations }, { extractApiReports }] = await Promise.all([
    import("./declarations.js"),
    import("./extract.js"),
  ]);
  await emitDeclarations(jobs.map((job) => job.declarations));
  const texts = await extractApiReports(jobs.flatMap((job) => job.reports));
  const perJob: string[][] = [];
  for (const job of jobs) perJob.push(texts.splice(0, job.reports.length));
  return perJob;
}

interface Deferred {
  job: PackageReportJob;
  resolve: (texts: string[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs package report jobs: large ones in worker threads as soon as they arrive, at most one per
 * core, largest first (API Extractor is single-threaded); small ones together in this thread at
 * `flush`, where sharing one program is cheapest.
 */
export class ReportPool {
  readonly #held: Deferred[] = [];
  readonly #queued: Deferred[] = [];
  readonly #workers = new Set<Worker>();
  readonly #lanes = Math.max(1, os.availableParallelism());
  readonly #workerFromBytes: number;
  #cancelled = false;

  /** `workerFromBytes` moves the line between the two ways (tests run both on small packages). */
  constructor({ workerFromBytes = WORKER_FROM_BYTES } = {}) {
    this.#workerFromBytes = workerFromBytes;
  }

  /** Worker threads still running. */
  get activeWorkers(): number {
    return this.#workers.size;
  }

  run(job: PackageReportJob): Promise<string[]> {
    return new Promise((resolve, reject) => {
      if (this.#cancelled) {
        reject(new Error("API reports cancelled"));
        return;
      }
      const entry = { job, resolve, reject };
      if (treeBytes(job.declarations) < this.#workerFromBytes) {
        this.#held.push(entry);
        return;
      }
      this.#queued.push(entry);
      this.#queued.sort((a, b) => treeBytes(b.job.declarations) - treeBytes(a.job.declarations));
      this.#startQueued();
    });
  }

  /** Runs the held small jobs, now that every job has arrived. */
  flush(): void {
    const batch = this.#held.splice(0);
    if (batch.length === 0) return;
    reportTogether(batch.map((entry) => entry.job)).then(
      (texts) => {
        for (const [index, entry] of batch.entries()) entry.resolve(texts[index]!);
      },
      (error: unknown) => {
        for (const entry of batch) entry.reject(error);
      },
    );
  }

  /** Stops every worker and waits until each has exited. */
  async cancel(): Promise<void> {
    this.#cancelled = true;
    const stopped = new Error("API reports cancelled");
    for (const entry of this.#queued.splice(0)) entry.reject(stopped);
    for (const entry of this.#held.splice(0)) entry.reject(stopped);
    await Promise.all([...this.#workers].map((worker) => worker.terminate()));
  }

  #startQueued(): void {
    while (!this.#cancelled && this.#workers.size < this.#lanes && this.#queued.length > 0) {
      const entry = this.#queued.shift()!;
      const worker = startWorker(entry.job);
      this.#workers.add(worker);
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        outcome();
      };
      worker.once("message", (message: { texts?: string[]; error?: string }) =>
        settle(() => (message.texts ? entry.resolve(message.texts) : entry.reject(new Error(message.error)))),
      );
      worker.once("error", (error) => settle(() => entry.reject(error)));
      worker.once("exit", (code) => {
        this.#workers.delete(worker);
        settle(() =>
          entry.reject(
            new Error(`the API report worker for ${entry.job.declarations.packageName} exited with code ${code}`),
          ),
        );
        this.#startQueued();
      });
    }
  }
}

function treeBytes(job: DeclarationJob): number {
  let bytes = 0;
  for (const text of job.tree.values()) bytes += text.length;
  return bytes;
}

// Under tsx the sources run as .ts; a compiled generator would run the .js beside this file.
const extension = path.extname(fileURLToPath(import.meta.url));
const WORKER = new URL(`./report-worker${extension}`, import.meta.url);

/**
 * A worker thread does not inherit tsx's loader (`--import tsx` registers it for the main thread
 * only), so a TypeScript worker registers it first.
 */
function startWorker(job: PackageReportJob): Worker {
  if (extension !== ".ts") return new Worker(WORKER, { workerData: job });
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}
