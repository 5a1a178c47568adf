import { describe, expect, it } from "vitest";
import { createManualClock, createOffsetClock } from "../../src/clock.js";

describe("fake clocks", () => {
  it("a manual clock stands still until advanced or set", () => {
    const clock = createManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
    clock.set(5_000);
    expect(clock.now()).toBe(5_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it("an offset clock follows its source and adds what advance adds", () => {
    let source = 10_000;
    const clock = createOffsetClock(() => source);
    source += 5;
    expect(clock.now()).toBe(10_005);
    clock.advance(1_000);
    expect(clock.now()).toBe(11_005);
    clock.set(0);
    source += 1;
    expect(clock.now()).toBe(1);
  });
});
