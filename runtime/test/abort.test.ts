import { afterEach, describe, expect, it, vi } from "vitest";
import type { CombinedSignal } from "../src/abort.js";
import { combineSignals, combineSignalsManually, raceWithSignal, startDeadline } from "../src/abort.js";

const combiners: [string, (signals: readonly AbortSignal[]) => CombinedSignal][] = [
  ["combineSignals", combineSignals],
  ["combineSignalsManually", combineSignalsManually],
];

describe.each(combiners)("%s", (_name, combine) => {
  it("aborts with the reason of the first input to abort", () => {
    const first = new AbortController();
    const second = new AbortController();
    const { signal } = combine([first.signal, second.signal]);
    expect(signal.aborted).toBe(false);
    second.abort("second");
    first.abort("first");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("second");
  });

  it("starts aborted when an input already is", () => {
    const { signal } = combine([new AbortController().signal, AbortSignal.abort("early")]);
    expect(signal.reason).toBe("early");
  });
});

describe("combineSignalsManually", () => {
  it("stops following its inputs once disposed", () => {
    const input = new AbortController();
    const combined = combineSignalsManually([input.signal]);
    combined.dispose();
    input.abort();
    expect(combined.signal.aborted).toBe(false);
  });
});

describe("combineSignals without AbortSignal.any", () => {
  const original = AbortSignal.any;
  afterEach(() => {
    AbortSignal.any = original;
  });

  it("falls back to the manual combination", () => {
    AbortSignal.any = undefined as unknown as typeof AbortSignal.any;
    const input = new AbortController();
    const combined = combineSignals([input.signal]);
    // Only the manual combination can be detached.
    combined.dispose();
    input.abort();
    expect(combined.signal.aborted).toBe(false);
  });
});

describe("startDeadline", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("aborts with a TimeoutError DOMException when time is up", () => {
    vi.useFakeTimers();
    const deadline = startDeadline(50);
    if (deadline === undefined) throw new Error("expected a deadline");
    vi.advanceTimersByTime(49);
    expect(deadline.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(deadline.signal.reason).toBeInstanceOf(DOMException);
    expect((deadline.signal.reason as DOMException).name).toBe("TimeoutError");
  });

  it("clear() cancels the timer", () => {
    vi.useFakeTimers();
    const deadline = startDeadline(50);
    deadline?.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(100);
    expect(deadline?.signal.aborted).toBe(false);
  });

  it.each([
    ["undefined", undefined],
    ["beyond the timer range", 2 ** 31],
  ])("returns no deadline for %s", (_name, timeoutMs) => {
    expect(startDeadline(timeoutMs)).toBeUndefined();
  });
});

describe("raceWithSignal", () => {
  it("rejects with the reason when the signal aborts first", async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => {});
    const raced = raceWithSignal(never, controller.signal);
    controller.abort("stop");
    await expect(raced).rejects.toBe("stop");
  });

  it("settles like the promise otherwise", async () => {
    await expect(raceWithSignal(Promise.resolve(1), new AbortController().signal)).resolves.toBe(1);
    await expect(raceWithSignal(Promise.reject(new Error("x")), undefined)).rejects.toThrow("x");
  });

  it("rejects immediately for an already aborted signal", async () => {
    await expect(raceWithSignal(Promise.resolve(1), AbortSignal.abort("gone"))).rejects.toBe("gone");
  });
});
