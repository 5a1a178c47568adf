/**
 * Abort signal plumbing: one signal for the transport that fires on either the caller's
 * cancellation or the timeout, while the core can still tell which of the two fired.
 */

/** A signal combined from others, plus a way to detach it from them once the request is over. */
export interface CombinedSignal {
  /** Aborts as soon as any input signal aborts, with that signal's reason. */
  readonly signal: AbortSignal;
  /** Detaches listeners from the input signals (a no-op when the platform did the combining). */
  dispose(): void;
}

/**
 * Combines signals with `AbortSignal.any` (Node 20.3+, current browsers) and falls back to
 * {@link combineSignalsManually} where it is missing.
 */
export function combineSignals(signals: readonly AbortSignal[]): CombinedSignal {
  if (typeof AbortSignal.any === "function") {
    return { signal: AbortSignal.any([...signals]), dispose: () => {} };
  }
  return combineSignalsManually(signals);
}

/**
 * Combines signals with an AbortController and listeners; `dispose()` removes the listeners so
 * that a long-lived caller signal does not keep every finished request reachable.
 */
export function combineSignalsManually(signals: readonly AbortSignal[]): CombinedSignal {
  const controller = new AbortController();
  const alreadyAborted = signals.find((signal) => signal.aborted);
  if (alreadyAborted !== undefined) {
    controller.abort(alreadyAborted.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const detachers = signals.map((signal) => {
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    return () => signal.removeEventListener("abort", onAbort);
  });
  const dispose = (): void => {
    for (const detach of detachers) detach();
  };
  controller.signal.addEventListener("abort", dispose, { once: true });
  return { signal: controller.signal, dispose };
}

/**
 * `setTimeout` cannot wait longer than 2^31 − 1 ms; larger delays fire immediately. Timeouts
 * above this (about 24.8 days) are treated as "no timeout".
 */
const MAX_TIMER_DELAY_MS = 2_147_483_647;

/** A running timeout whose signal aborts when the time is up. */
export interface Deadline {
  /** Aborts with a `TimeoutError` DOMException when the timeout expires. */
  readonly signal: AbortSignal;
  /** Stops the timer; call once the request has settled. */
  clear(): void;
}

/**
 * Starts a timeout of `timeoutMs` milliseconds, or returns `undefined` when there is none
 * (`undefined`, `Infinity`, or beyond {@link MAX_TIMER_DELAY_MS}). A dedicated timer is used
 * instead of `AbortSignal.timeout` so it can be cleared as soon as the request settles.
 */
export function startDeadline(timeoutMs: number | undefined): Deadline | undefined {
  if (timeoutMs === undefined || timeoutMs > MAX_TIMER_DELAY_MS) return undefined;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`The operation timed out after ${timeoutMs} ms.`, "TimeoutError"));
  }, timeoutMs);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/**
 * Settles like `promise`, except that it rejects with `signal.reason` as soon as `signal` aborts.
 * This keeps cancellation and timeouts reliable even with a transport (say, an injected fetch)
 * that ignores its signal; the abandoned promise's eventual rejection is swallowed.
 */
export function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  promise.catch(() => {});
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
