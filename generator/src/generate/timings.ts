import type { Progress } from "./progress.js";

/**
 * Phase timings for the benchmark (`bench/generate`): set ONELOGIN_MFA_TIMINGS=1 and the
 * generate command prints one JSON line of milliseconds per phase to stderr at the end.
 */
export class PhaseTimings {
  readonly #enabled = process.env.ONELOGIN_MFA_TIMINGS === "1";
  readonly #phases: Record<string, number> = {};
  /** When set, each phase is also shown as it starts and ends (progress.ts). */
  progress: Progress | undefined;

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    this.progress?.start(phase);
    let failed = true;
    try {
      const result = await work();
      failed = false;
      return result;
    } finally {
      this.progress?.end(phase, failed);
      this.#phases[phase] = (this.#phases[phase] ?? 0) + Math.round(performance.now() - start);
    }
  }

  report(write: (text: string) => void = (text) => process.stderr.write(text)): void {
    if (this.#enabled) write(`timings ${JSON.stringify(this.#phases)}\n`);
  }
}
