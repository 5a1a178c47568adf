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
 * A package with at least this many bytes of generated source is reported on its own; smaller
 * ones share one TypeScript program, so the libs are parsed once for all of them. Each program
 * costs about a second of lib parsing, which only a large package earns back by running in
 * parallel: GitHub's three packages (72 MB) took 49 s in one program and 40 s in two threads,
 * a 161-operation slice of it (8 MB) 8.8 s in one and 12.3 s in two.
 */
const ALONE_FROM_BYTES = 12 << 20;

/** Loads TypeScript and API Extractor (about 1.5 s); a worker does it as soon as it starts. */
export function loadReportTools() {
  return Promise.all([import("./declarations.js"), import("./extract.js")]);
}

/** Several packages in one TypeScript program and one API Extractor compiler state. */
export async function reportTogether(jobs: readonly PackageReportJob[]): Promise<string[][]> {
  const [{ emitDeclarations }, { extractApiReports }] = await loadReportTools();
  await emitDeclarations(jobs.map((job) => job.declarations));
  const texts = await extractApiReports(jobs.flatMap((job) => job.reports));
  const perJob: string[][] = [];
  for (const job of jobs) perJob.push(texts.splice(0, job.reports.length));
  return perJob;
}

/**
 * Report workers alive in this process, across every pool: `generate --batch` runs many
 * generations at once, each with its own pool, and a worker holds TypeScript and API Extractor
 * (about 200 MB). At most one per core; a pool without a worker waits for one to be freed.
 */
const workerBudget = {
  free: Math.max(1, os.availableParallelism()),
  waiting: new Set<() => void>(),
  take(): boolean {
    if (this.free === 0) return false;
    this.free--;
    return true;
  },
  give(): void {
    this.free++;
    for (const wake of [...this.waiting]) wake();
  },
};

/** Some jobs reported together by one worker, and how to settle each job. */
interface Unit {
  jobs: PackageReportJob[];
  settle: { resolve: (texts: string[]) => void; reject: (error: unknown) => void }[];
}

interface Lane {
  worker: Worker;
  busy: boolean;
  /** Set once its worker is stopped, so its place is given back once (close and a failure may both stop it). */
  retired?: boolean;
}

/**
 * Reports packages in worker threads, at most one per core (API Extractor is single-threaded).
 * The first worker starts with the pool and loads TypeScript and API Extractor while the
 * generator is still making the packages, so a small spec's reports no longer wait for that.
 * Large packages are reported each on its own as soon as they arrive, largest first; small ones
 * together at `flush`, once every package has arrived.
 */
export class ReportPool {
  readonly #held: Unit = { jobs: [], settle: [] };
  readonly #queued: Unit[] = [];
  readonly #lanes: Lane[] = [];
  readonly #maxLanes = Math.max(1, os.availableParallelism());
  readonly #aloneFromBytes: number;
  readonly #wake = (): void => this.#dispatch();
  #closed = false;

  /** `aloneFromBytes` moves the line between the two ways (tests run both on small packages). */
  constructor({ aloneFromBytes = ALONE_FROM_BYTES } = {}) {
    this.#aloneFromBytes = aloneFromBytes;
    if (workerBudget.take()) this.#lanes.push({ worker: startWorker(), busy: false });
    workerBudget.waiting.add(this.#wake);
  }

  /** Worker threads still running. */
  get activeWorkers(): number {
    return this.#lanes.length;
  }

  run(job: PackageReportJob): Promise<string[]> {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new Error("API reports cancelled"));
        return;
      }
      if (treeBytes(job.declarations) < this.#aloneFromBytes) {
        this.#held.jobs.push(job);
        this.#held.settle.push({ resolve, reject });
        return;
      }
      this.#queued.push({ jobs: [job], settle: [{ resolve, reject }] });
      this.#queued.sort((a, b) => unitBytes(b) - unitBytes(a));
      this.#dispatch();
    });
  }

  /** Queues the held small jobs as one unit, now that every job has arrived. */
  flush(): void {
    if (this.#held.jobs.length === 0) return;
    this.#queued.push({ jobs: this.#held.jobs.splice(0), settle: this.#held.settle.splice(0) });
    this.#dispatch();
  }

  /** Stops every worker, rejecting what has not finished, and waits until each has exited. */
  async close(): Promise<void> {
    this.#closed = true;
    const stopped = new Error("API reports cancelled");
    this.#held.jobs.length = 0;
    for (const unit of [...this.#queued.splice(0), this.#held])
      for (const s of unit.settle.splice(0)) s.reject(stopped);
    workerBudget.waiting.delete(this.#wake);
    await Promise.all(this.#lanes.splice(0).map((lane) => this.#retire(lane)));
  }

  /** Stops a lane's worker and gives its place back to every pool. */
  async #retire(lane: Lane): Promise<void> {
    if (lane.retired) return;
    lane.retired = true;
    await lane.worker.terminate();
    workerBudget.give();
  }

  #dispatch(): void {
    while (!this.#closed && this.#queued.length > 0) {
      let lane = this.#lanes.find((candidate) => !candidate.busy);
      if (lane === undefined && this.#lanes.length < this.#maxLanes && workerBudget.take()) {
        lane = { worker: startWorker(), busy: false };
        this.#lanes.push(lane);
      }
      if (lane === undefined) return;
      this.#runOn(lane, this.#queued.shift()!);
    }
  }

  #runOn(lane: Lane, unit: Unit): void {
    lane.busy = true;
    const { worker } = lane;
    const cleanup = (): void => {
      worker.off("message", onMessage);
      worker.off("error", onFailure);
      worker.off("exit", onExit);
    };
    const done = (outcome: () => void): void => {
      cleanup();
      outcome();
      lane.busy = false;
      this.#dispatch();
    };
    const fail = (error: unknown): void => {
      cleanup();
      for (const s of unit.settle) s.reject(error);
      // A worker that failed is not trusted with more work.
      const at = this.#lanes.indexOf(lane);
      if (at !== -1) this.#lanes.splice(at, 1);
      void this.#retire(lane);
      this.#dispatch();
    };
    const onMessage = (message: { texts?: string[][]; error?: string }): void => {
      if (message.texts === undefined) fail(new Error(message.error));
      else done(() => unit.settle.forEach((s, index) => void s.resolve(message.texts![index]!)));
    };
    const onFailure = (error: Error): void => fail(error);
    const onExit = (code: number): void =>
      fail(new Error(`the API report worker for ${names(unit)} exited with code ${code}`));
    worker.on("message", onMessage);
    worker.on("error", onFailure);
    worker.on("exit", onExit);
    worker.postMessage(unit.jobs);
  }
}

function names(unit: Unit): string {
  return unit.jobs.map((job) => job.declarations.packageName).join(", ");
}

function unitBytes(unit: Unit): number {
  return unit.jobs.reduce((sum, job) => sum + treeBytes(job.declarations), 0);
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
function startWorker(): Worker {
  if (extension !== ".ts") return new Worker(WORKER);
  const tsx = import.meta.resolve("tsx/esm/api");
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
  return new Worker(bootstrap, { eval: true });
}
