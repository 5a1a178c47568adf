import { describe, expect, it } from "vitest";
import { startCall } from "../src/abort.js";
import { VirtualClock } from "./support/virtual-clock.js";

/** Resolves once the signal aborts. */
const aborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

/** The listeners an EventTarget holds for "abort", counted through add/removeEventListener. */
function countingSignal(controller = new AbortController()) {
  const signal = controller.signal;
  let listeners = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => {
    listeners++;
    add(...args);
  }) as typeof add;
  signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
    listeners--;
    remove(...args);
  }) as typeof remove;
  return { controller, signal, listeners: () => listeners };
}

describe("startCall", () => {
  it("aborts at the deadline with a TimeoutError DOMException and says it timed out", async () => {
    const clock = new VirtualClock();
    const call = startCall(undefined, 250, clock);
    await aborted(call.signal);
    expect(call.timedOut()).toBe(true);
    expect(call.signal.reason).toMatchObject({ name: "TimeoutError" });
    expect(clock.now() - 1_000_000).toBe(250);
    call.dispose();
  });

  it("aborts with the caller's reason when the caller cancels, and does not call that a timeout", () => {
    const caller = new AbortController();
    const call = startCall(caller.signal, 1_000, new VirtualClock());
    caller.abort("stop");
    expect(call.signal.aborted).toBe(true);
    expect(call.signal.reason).toBe("stop");
    expect(call.timedOut()).toBe(false);
    call.dispose();
  });

  it("starts aborted when the caller's signal already is", () => {
    const call = startCall(AbortSignal.abort("gone"), undefined, new VirtualClock());
    expect(call.signal.reason).toBe("gone");
    call.dispose();
  });

  it.each([
    ["no timeout", undefined],
    ["a timeout beyond what a timer can wait", 2 ** 31],
  ])("has no deadline for %s", (_name, timeoutMs) => {
    const clock = new VirtualClock();
    const call = startCall(undefined, timeoutMs, clock);
    expect(call.remainingMs()).toBe(Number.POSITIVE_INFINITY);
    expect(clock.delays).toStrictEqual([]);
    call.dispose();
  });

  it("counts the remaining time down on the clock", async () => {
    const clock = new VirtualClock();
    const call = startCall(undefined, 1_000, clock);
    expect(call.remainingMs()).toBe(1_000);
    await call.sleep(300);
    expect(call.remainingMs()).toBe(700);
    call.dispose();
  });

  it("adds one listener to the caller's signal and removes it on dispose, so shared signals do not pile up", () => {
    const shared = countingSignal();
    const calls = Array.from({ length: 20 }, () => startCall(shared.signal, 1_000, new VirtualClock()));
    expect(shared.listeners()).toBe(20);
    for (const call of calls) call.dispose();
    expect(shared.listeners()).toBe(0);
  });

  it("clears its timer on dispose", async () => {
    const clock = new VirtualClock();
    const call = startCall(undefined, 100, clock);
    call.dispose();
    await startCall(undefined, undefined, clock).sleep(500);
    expect(call.signal.aborted).toBe(false);
  });
});

describe("race", () => {
  it("rejects with the reason when the call aborts first", async () => {
    const controller = new AbortController();
    const call = startCall(controller.signal, undefined, new VirtualClock());
    const raced = call.race(new Promise<never>(() => {}));
    controller.abort("stop");
    await expect(raced).rejects.toBe("stop");
    call.dispose();
  });

  it("settles like the promise otherwise, adding no listener per race", async () => {
    const counted = countingSignal();
    const call = startCall(counted.signal, 1_000, new VirtualClock());
    await expect(call.race(Promise.resolve(1))).resolves.toBe(1);
    await expect(call.race(Promise.reject(new Error("x")))).rejects.toThrow("x");
    expect(counted.listeners()).toBe(1);
    call.dispose();
    expect(counted.listeners()).toBe(0);
  });

  it("rejects for a call whose caller's signal is already aborted", async () => {
    const call = startCall(AbortSignal.abort("gone"), undefined, new VirtualClock());
    await expect(call.race(new Promise(() => {}))).rejects.toBe("gone");
    call.dispose();
  });
});

describe("sleep", () => {
  it("waits on the clock", async () => {
    const clock = new VirtualClock();
    await startCall(undefined, undefined, clock).sleep(1_500);
    expect(clock.delays).toStrictEqual([1_500]);
    expect(clock.now() - 1_000_000).toBe(1_500);
  });

  it("rejects with the abort reason when aborted while waiting, and clears its timer", async () => {
    const controller = new AbortController();
    const clock = new VirtualClock();
    const waiting = startCall(controller.signal, undefined, clock).sleep(10_000);
    controller.abort("stop");
    await expect(waiting).rejects.toBe("stop");
    expect(clock.pending()).toBe(0);
  });
});
