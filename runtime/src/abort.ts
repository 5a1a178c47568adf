/**
 * Cancellation for one call: a single signal that aborts when the caller's signal does or when
 * the call's deadline passes, covering token acquisition, every attempt and the sleeps between
 * them. One controller per call, and the listener on the caller's signal is removed when the call
 * ends, so calls sharing a long-lived signal neither pile up listeners nor stay reachable.
 */

/** Timers and time, injectable so tests never wait. */
export interface Clock {
  /** Milliseconds since the epoch (`Date.now`). */
  now(): number;
  /** Schedules `callback` after `ms` milliseconds; returns a handle for {@link Clock.clearTimeout}. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a scheduled callback. */
  clearTimeout(handle: unknown): void;
}

/** The platform's timers. */
export const systemClock: Clock = {
  now: Date.now,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The cancellation state of one call. */
export interface CallSignal {
  /** Aborts on the caller's cancellation or at the deadline. */
  readonly signal: AbortSignal;
  /** Whether the deadline (rather than the caller) aborted {@link signal}. */
  timedOut(): boolean;
  /** Milliseconds left before the deadline; `Infinity` without one. */
  remainingMs(): number;
  /**
   * Settles like `promise`, except that it rejects with the abort reason as soon as {@link signal}
   * aborts. This keeps cancellation and timeouts reliable even with a transport or token provider
   * that ignores its signal; the abandoned promise's eventual rejection is swallowed.
   */
  race<T>(promise: T | Promise<T>): Promise<T>;
  /** Waits `ms` milliseconds on the clock, rejecting with the abort reason when {@link signal} aborts first. */
  sleep(ms: number): Promise<void>;
  /** Stops the timer and detaches from the caller's signal; call once the call has settled. */
  dispose(): void;
}

/**
 * `setTimeout` cannot wait longer than 2^31 − 1 ms; larger delays fire immediately. Timeouts
 * above this (about 24.8 days) are treated as "no timeout".
 */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/**
 * Starts a call's cancellation: `timeoutMs` of `undefined` (or beyond what a timer can wait)
 * means no deadline.
 */
export function startCall(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  clock: Clock,
): CallSignal {
  const controller = new AbortController();
  const deadline = timeoutMs === undefined || timeoutMs > MAX_TIMER_DELAY_MS ? undefined : clock.now() + timeoutMs;
  let timedOut = false;
  let rejectAborted!: (reason: unknown) => void;
  // One promise per call that rejects on abort: racing against it costs no listener per await.
  const aborted = new Promise<never>((_resolve, reject) => {
    rejectAborted = reject;
  });
  aborted.catch(() => {});
  const abort = (reason: unknown): void => {
    controller.abort(reason);
    rejectAborted(reason);
  };
  const onAbort = (): void => abort(callerSignal?.reason);
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener("abort", onAbort);
  const timer =
    deadline &&
    clock.setTimeout(() => {
      timedOut = true;
      abort(new DOMException(`The operation timed out after ${timeoutMs} ms.`, "TimeoutError"));
    }, timeoutMs as number);
  const race = <T>(promise: T | Promise<T>): Promise<T> => Promise.race([promise, aborted]);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    remainingMs: () => (deadline ? deadline - clock.now() : Number.POSITIVE_INFINITY),
    race,
    async sleep(ms) {
      let handle: unknown;
      try {
        await race(
          new Promise<void>((resolve) => {
            handle = clock.setTimeout(resolve, ms);
          }),
        );
      } finally {
        clock.clearTimeout(handle);
      }
    },
    dispose() {
      if (deadline) clock.clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    },
  };
}
