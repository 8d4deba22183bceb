import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.ts";

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
}

describe("rate limiter", () => {
  it("lets a burst through, then spaces requests at the rate (VK: 3 per second)", () => {
    const clock = fakeClock();
    const vk = createRateLimiter({ limit: 3, intervalMs: 1000 }, { now: clock.now });
    expect([vk.take("token-a"), vk.take("token-a"), vk.take("token-a")]).toEqual([0, 0, 0]);
    // Callers racing for the same key get successive slots, not the same one.
    expect([vk.take("token-a"), vk.take("token-a"), vk.take("token-a")]).toEqual([334, 667, 1000]);
  });

  it("keeps keys apart", () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 }, { now: clock.now });
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("b")).toBe(0);
    expect(limiter.take("a")).toBe(1000);
  });

  it("refills with time and never holds more than the burst", () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 3, intervalMs: 1000, burst: 1 }, { now: clock.now });
    expect(limiter.take("k")).toBe(0);
    expect(limiter.take("k")).toBe(334);
    clock.advance(334);
    expect(limiter.take("k")).toBe(333); // the reserved slot was used; the next comes a third of a second later
    clock.advance(60_000);
    expect(limiter.take("k")).toBe(0);
    expect(limiter.take("k")).toBe(334);
  });

  it("handles slow limits (X: 60 per 15 minutes)", () => {
    const clock = fakeClock();
    const x = createRateLimiter({ limit: 60, intervalMs: 15 * 60_000 }, { now: clock.now });
    for (let i = 0; i < 60; i++) expect(x.take("app")).toBe(0);
    expect(x.take("app")).toBe(15_000);
    clock.advance(15_000);
    expect(x.take("app")).toBe(15_000);
  });

  it("does not mint tokens when the clock steps back", () => {
    const clock = fakeClock(50_000);
    const limiter = createRateLimiter({ limit: 1, intervalMs: 1000 }, { now: clock.now });
    expect(limiter.take("k")).toBe(0);
    clock.set(10_000);
    expect(limiter.take("k")).toBe(1000);
    clock.set(51_000);
    expect(limiter.take("k")).toBe(1000);
  });

  it("forgets idle keys once it tracks too many", () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ limit: 2, intervalMs: 1000 }, { now: clock.now, maxKeys: 3 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    limiter.take("c");
    limiter.take("c"); // c is in debt and must be remembered
    clock.advance(600);
    limiter.take("d");
    expect(limiter.size()).toBe(2); // a and b were full again and dropped; c and d remain
    expect(limiter.take("c")).toBeGreaterThan(0);
  });

  it("refuses a meaningless rate", () => {
    expect(() => createRateLimiter({ limit: 0, intervalMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimiter({ limit: 1, intervalMs: Number.NaN })).toThrow(RangeError);
  });
});
