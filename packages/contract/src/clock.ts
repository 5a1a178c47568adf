/**
 * A clock the fake server reads instead of `Date.now()`, so tests can move time
 * forward (state-token and MFA-token expiry) without waiting.
 */
export interface FakeClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Moves the clock forward by `ms` milliseconds (negative values are rejected). */
  advance(ms: number): void;
  /** Jumps the clock to an absolute epoch-millisecond time. */
  set(epochMs: number): void;
}

/**
 * Creates a clock that starts at `startMs` and only moves when told to.
 *
 * @param startMs initial time in epoch milliseconds.
 */
export function createManualClock(startMs: number): FakeClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      assertForward(ms);
      current += ms;
    },
    set(epochMs) {
      current = epochMs;
    },
  };
}

/**
 * Wraps an external time source (e.g. `Date.now`) and adds an offset that
 * `advance` grows, so even a real-time server can be pushed into the future.
 *
 * @param source time source in epoch milliseconds.
 */
export function createOffsetClock(source: () => number): FakeClock {
  let offset = 0;
  return {
    now: () => source() + offset,
    advance(ms) {
      assertForward(ms);
      offset += ms;
    },
    set(epochMs) {
      offset = epochMs - source();
    },
  };
}

function assertForward(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`clock.advance expects a non-negative number of milliseconds, got ${ms}`);
  }
}
