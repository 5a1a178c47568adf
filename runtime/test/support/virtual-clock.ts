import type { Clock } from "../../src/abort.js";

/**
 * A clock on virtual time that runs itself: whenever the program is idle (a real macrotask has
 * passed), time jumps to the earliest pending timer and fires it. Tests of timeouts and retry
 * waits therefore never wait, yet timers still fire in the order real time would fire them.
 * Only for in-memory transports: real I/O would let virtual time run ahead of the network.
 */
export class VirtualClock implements Clock {
  #now = 1_000_000;
  #next = 0;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();
  #ticking = false;
  /** Every delay passed to setTimeout, in order. */
  readonly delays: number[] = [];
  /** Called with each delay as a timer is scheduled, before it can fire. */
  onSetTimeout: ((ms: number) => void) | undefined;

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = ++this.#next;
    this.delays.push(ms);
    this.#timers.set(handle, { at: this.#now + ms, callback });
    this.onSetTimeout?.(ms);
    this.#tick();
    return handle;
  }

  /** Timers scheduled and neither fired nor cleared. */
  pending(): number {
    return this.#timers.size;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  #tick(): void {
    if (this.#ticking) return;
    this.#ticking = true;
    setImmediate(() => {
      this.#ticking = false;
      const [handle, timer] = [...this.#timers].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (handle === undefined || timer === undefined) return;
      this.#timers.delete(handle);
      this.#now = Math.max(this.#now, timer.at);
      timer.callback();
      if (this.#timers.size > 0) this.#tick();
    });
  }
}
