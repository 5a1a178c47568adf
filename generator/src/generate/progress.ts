/**
 * Progress of a long generation on stderr. On a terminal it is one line, rewritten as phases
 * start and end ("openapi-generator (JVM), openapi-typescript… 12 s"); elsewhere (CI, a pipe,
 * a log file) it is one plain line per start and per end, so nothing is overwritten.
 */
export class Progress {
  readonly #write: (text: string) => void;
  readonly #tty: boolean;
  readonly #running = new Map<string, number>();
  readonly #started = performance.now();
  #lineShown = false;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(options: { write?: (text: string) => void; tty?: boolean } = {}) {
    this.#write = options.write ?? ((text) => process.stderr.write(text));
    this.#tty = options.tty ?? (process.stderr.isTTY === true && process.env.CI === undefined);
  }

  /** Says what the run is about to do, e.g. the spec's counts. */
  note(message: string): void {
    this.#clear();
    this.#write(`generate: ${message}\n`);
    this.#render();
  }

  start(phase: string): void {
    this.#running.set(phase, performance.now());
    // A phase can run for a minute; the elapsed seconds keep moving so the run looks alive.
    if (this.#tty && this.#ticker === undefined) this.#ticker = setInterval(() => this.#render(), 1000).unref();
    if (this.#tty) this.#render();
    else this.#write(`generate: ${phase} …\n`);
  }

  end(phase: string, failed = false): void {
    const began = this.#running.get(phase) ?? performance.now();
    this.#running.delete(phase);
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    if (this.#tty) {
      this.#clear();
      this.#write(`generate: ${phase} ${failed ? "failed" : "done"} in ${seconds} s\n`);
      this.#render();
    } else this.#write(`generate: ${phase} ${failed ? "failed" : "done"} in ${seconds} s\n`);
  }

  /** Leaves the terminal line clean (before the final summary or an error). */
  finish(): void {
    if (this.#ticker !== undefined) clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#clear();
  }

  #render(): void {
    if (!this.#tty || this.#running.size === 0) return;
    const elapsed = Math.round((performance.now() - this.#started) / 1000);
    this.#write(`\r\x1b[Kgenerate: ${[...this.#running.keys()].join(", ")} … ${elapsed} s`);
    this.#lineShown = true;
  }

  #clear(): void {
    if (this.#tty && this.#lineShown) this.#write("\r\x1b[K");
    this.#lineShown = false;
  }
}
