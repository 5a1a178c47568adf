import { describe, expect, it } from "vitest";
import { raceWithSignal, sleep, startCall } from "../src/abort.js";
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
    await sleep(300, call.signal, clock);
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
    await sleep(500, new AbortController().signal, clock);
    expect(call.signal.aborted).toBe(false);
  });
});

describe("raceWithSignal", () => {
  it("rejects with the reason when the signal aborts first", async () => {
    const controller = new AbortController();
    const raced = raceWithSignal(new Promise<never>(() => {}), controller.signal);
    controller.abort("stop");
    await expect(raced).rejects.toBe("stop");
  });

  it("settles like the promise otherwise, and detaches its listener", async () => {
    const counted = countingSignal();
    await expect(raceWithSignal(Promise.resolve(1), counted.signal)).resolves.toBe(1);
    await expect(raceWithSignal(Promise.reject(new Error("x")), counted.signal)).rejects.toThrow("x");
    expect(counted.listeners()).toBe(0);
  });

  it("rejects immediately for an already aborted signal", async () => {
    await expect(raceWithSignal(Promise.resolve(1), AbortSignal.abort("gone"))).rejects.toBe("gone");
  });
});

describe("sleep", () => {
  it("waits on the clock", async () => {
    const clock = new VirtualClock();
    await sleep(1_500, new AbortController().signal, clock);
    expect(clock.delays).toStrictEqual([1_500]);
    expect(clock.now() - 1_000_000).toBe(1_500);
  });

  it("rejects with the signal's reason when aborted while waiting", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal, new VirtualClock());
    controller.abort("stop");
    await expect(waiting).rejects.toBe("stop");
  });
});
