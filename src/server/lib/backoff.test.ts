import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRetryDelay, parseHttpDate, parseRetryAfter } from "./backoff.ts";

const at = (jitter: number, consecutiveFailures: number, extra: { retryAfterSeconds?: number; maxSeconds?: number } = {}) =>
  nextRetryDelay({ consecutiveFailures, baseSeconds: 60, maxSeconds: extra.maxSeconds ?? 3600, jitter: () => jitter, ...extra });

describe("nextRetryDelay", () => {
  it("draws from [0, base·2^n): the mean is the plain exponential delay", () => {
    expect(at(0.5, 1)).toBe(60);
    expect(at(0.5, 2)).toBe(120);
    expect(at(0.5, 3)).toBe(240);
    expect(at(0, 3)).toBe(0);
    expect(at(0.999, 1)).toBeCloseTo(119.88);
  });

  it("caps the ceiling at maxSeconds", () => {
    expect(at(0.5, 10)).toBe(1800); // ceiling 3600, not 61440
    expect(at(0.999999, 10)).toBeLessThanOrEqual(3600);
    expect(at(0.5, 5000)).toBe(1800); // no overflow to Infinity or NaN
    expect(at(0.5, Number.MAX_SAFE_INTEGER)).toBe(1800);
  });

  it("is zero without failures", () => {
    expect(at(0.7, 0)).toBe(0);
    expect(at(0.7, -3)).toBe(0);
  });

  it("honours a server's Retry-After when it is longer, within the cap", () => {
    expect(at(0.5, 1, { retryAfterSeconds: 900 })).toBe(900);
    expect(at(0.5, 3, { retryAfterSeconds: 10 })).toBe(240); // ours is longer
    expect(at(0.5, 1, { retryAfterSeconds: 86_400 * 365 })).toBe(3600);
    expect(at(0.5, 0, { retryAfterSeconds: 30 })).toBe(30);
    expect(at(0.5, 1, { retryAfterSeconds: Number.NaN })).toBe(60);
    expect(at(0.5, 1, { retryAfterSeconds: -5 })).toBe(60);
  });

  it("survives a jitter source that misbehaves", () => {
    expect(at(Number.NaN, 2)).toBe(0);
    expect(at(7, 2)).toBe(240);
    expect(at(-1, 2)).toBe(0);
  });

  it("stays within [0, maxSeconds] and never shrinks as failures grow, for any input", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 200 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: -1e9, max: 1e12 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, base, max, retryAfter, u) => {
          const input = { consecutiveFailures: n, baseSeconds: base, maxSeconds: max, retryAfterSeconds: retryAfter, jitter: () => u };
          const d = nextRetryDelay(input);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(max);
          expect(nextRetryDelay({ ...input, consecutiveFailures: n + 1 })).toBeGreaterThanOrEqual(d);
        },
      ),
    );
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-11-05T12:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads the three HTTP-date forms as GMT", () => {
    expect(parseRetryAfter("Thu, 05 Nov 2026 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Thursday, 05-Nov-26 12:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Thu Nov  5 12:01:30 2026", now)).toBe(90);
    expect(parseRetryAfter("Thu Nov 15 12:00:00 2026", now)).toBe(10 * 86_400);
  });

  it("rounds a fraction of a second up and a past date to zero", () => {
    expect(parseRetryAfter("Thu, 05 Nov 2026 12:00:01 GMT", new Date(now.getTime() + 1))).toBe(1);
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now)).toBe(0);
  });

  it("rejects what is neither", () => {
    for (const bad of [null, undefined, "", "soon", "-5", "1.5", "0x10", "Thu, 31 Feb 2026 12:00:00 GMT", "Thu, 05 Nov 2026 25:00:00 GMT", "Thu, 05 Nov 2026 12:00:00 MSK", "2026-11-05T12:01:00Z"]) {
      expect(parseRetryAfter(bad, now)).toBeUndefined();
    }
  });

  it("puts a two-digit RFC 850 year in the right century", () => {
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT", now)).toBe(Date.UTC(1994, 10, 6, 8, 49, 37));
    expect(parseHttpDate("Monday, 01-Jan-30 00:00:00 GMT", now)).toBe(Date.UTC(2030, 0, 1));
    expect(parseHttpDate("Friday, 01-Jan-76 00:00:00 GMT", now)).toBe(Date.UTC(2076, 0, 1)); // 50 years ahead: still future
    expect(parseHttpDate("Saturday, 01-Jan-77 00:00:00 GMT", now)).toBe(Date.UTC(1977, 0, 1));
  });

  it("agrees with Date for IMF-fixdate", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (d) => {
        const whole = Math.floor(d.getTime() / 1000) * 1000;
        expect(parseHttpDate(new Date(whole).toUTCString())).toBe(whole);
      }),
    );
  });
});
