import os from "node:os";
import { type GeneratorRun, runBatchJvm, runGeneratorBatch, writeBatchConfigs } from "./openapi-generator.js";

/** How a generation runs OpenAPI Generator: its own JVM, or a seat in one shared by a batch. */
export type RunGenerator = (run: GeneratorRun) => Promise<void>;

/** A batch job's seat in the shared JVM; `release` when the job is over, whatever happened. */
export interface JvmSeat {
  run: RunGenerator;
  release(): void;
}

interface Entry {
  run: GeneratorRun;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One JVM for the generator jobs of several specs (`generate --batch`): the JVM starts once every
 * seat has either asked for its run or been released without one (a spec that failed before).
 * A start costs a second or more; a small spec's own work in it a few hundred milliseconds.
 *
 * When the shared run fails, nobody can tell whose spec did it, so each seat then runs alone in
 * a JVM of its own and gets its own error. A seat whose run is aborted (its validation failed)
 * waits until the shared JVM has exited, since that JVM writes into the seat's work folder.
 */
export class SharedJvm {
  readonly #seats: number;
  readonly #entries: Entry[] = [];
  readonly #runShared: (runs: readonly GeneratorRun[]) => Promise<void>;
  readonly #runAlone: RunGenerator;
  #settled = 0;
  #launched = false;

  /** The runners are OpenAPI Generator's unless a test gives its own. */
  constructor(
    repoRoot: string,
    seats: number,
    runners: { shared?: (runs: readonly GeneratorRun[]) => Promise<void>; alone?: RunGenerator } = {},
  ) {
    this.#seats = seats;
    this.#runShared = runners.shared ?? ((runs) => runTogether(repoRoot, runs));
    this.#runAlone = runners.alone ?? runGeneratorBatch;
  }

  seat(): JvmSeat {
    let asked = false;
    let released = false;
    return {
      run: (run) => {
        asked = true;
        return new Promise<void>((resolve, reject) => {
          this.#entries.push({ run, resolve, reject });
          this.#arrive();
        });
      },
      release: () => {
        if (released) return;
        released = true;
        if (!asked) this.#arrive();
      },
    };
  }

  #arrive(): void {
    this.#settled++;
    if (this.#settled === this.#seats && !this.#launched) {
      this.#launched = true;
      void this.#launch();
    }
  }

  async #launch(): Promise<void> {
    // Runs aborted while the others were still arriving never join.
    const joined: Entry[] = [];
    for (const entry of this.#entries) {
      if (entry.run.signal?.aborted) entry.reject(entry.run.signal.reason);
      else joined.push(entry);
    }
    if (joined.length === 0) return;
    let outcome: unknown;
    try {
      await this.#runShared(joined.map((entry) => entry.run));
    } catch (error) {
      outcome = error;
    }
    for (const entry of joined) {
      const { signal } = entry.run;
      if (signal?.aborted) entry.reject(signal.reason);
      else if (outcome === undefined) entry.resolve();
      // One after another: each alone names its own failure, or succeeds.
      else await this.#runAlone(entry.run).then(entry.resolve, entry.reject);
    }
  }
}

/** Every run's jobs in one JVM: its flags chosen by their total size, a thread per core. */
async function runTogether(repoRoot: string, runs: readonly GeneratorRun[]): Promise<void> {
  const configFiles: string[] = [];
  for (const run of runs) configFiles.push(...(await writeBatchConfigs(run)));
  await runBatchJvm({
    repoRoot,
    configFiles,
    threads: Math.min(configFiles.length, Math.max(2, os.availableParallelism())),
    size: runs.reduce((sum, run) => sum + (run.size ?? 0), 0),
  });
}
