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
  now: () => Date.now(),
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
  const onAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onAbort();
  else callerSignal?.addEventListener("abort", onAbort);
  const timer =
    deadline === undefined
      ? undefined
      : clock.setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException(`The operation timed out after ${timeoutMs} ms.`, "TimeoutError"));
        }, timeoutMs as number);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    remainingMs: () => (deadline === undefined ? Number.POSITIVE_INFINITY : deadline - clock.now()),
    dispose: () => {
      if (timer !== undefined) clock.clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    },
  };
}

/**
 * Settles like `promise`, except that it rejects with `signal.reason` as soon as `signal` aborts.
 * This keeps cancellation and timeouts reliable even with a transport or token provider that
 * ignores its signal; the abandoned promise's eventual rejection is swallowed.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  promise.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Waits `ms` milliseconds on `clock`, rejecting with `signal.reason` when `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal, clock: Clock): Promise<void> {
  let handle: unknown;
  return raceWithSignal(
    new Promise<void>((resolve) => {
      handle = clock.setTimeout(resolve, ms);
    }),
    signal,
  ).finally(() => clock.clearTimeout(handle));
}
