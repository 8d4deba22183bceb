import { describe, expect, it } from "vitest";
import { MOZ_LOSS_PERCENT, mozKeptShare, mozLostPerKept } from "./default-tables.ts";
import { RoiInputError, mozRoi, seedRoi } from "./roi.ts";

const SEED = { avgCheck: 1000, ordersPerYear: 2, years: 4, monthlyTraffic: 1500, conversion: 3, cost: 50_000 };
/** SERM.md §4 example inputs. */
const MODEL = { avgCheck: 2500, ordersPerYear: 3, years: 2, monthlyTraffic: 3000, conversion: 2, cost: 600_000 };

describe("seedRoi: the seed article's method as it is", () => {
  it("LTV 8,000; 45 customers; income 360,000; ROI 720 %", () => {
    expect(seedRoi(SEED)).toEqual({ ltv: 8000, customers: 45, income: 360_000, roi: 720 });
  });

  it("names the wrong field", () => {
    expect(() => seedRoi({ ...SEED, cost: 0 })).toThrow(new RoiInputError("cost", "must be a number more than 0, got 0"));
    expect(() => seedRoi({ ...SEED, conversion: 300 })).toThrow("conversion must be a number 0 or more and at most 100, got 300");
    expect(() => seedRoi({ ...SEED, avgCheck: Number.NaN })).toThrow(/^avgCheck /);
  });
});

describe("the MOZ table (§3.3)", () => {
  it("f(k) = 1 − X/100 and Y(k) = X/(100 − X), k ≥ 4 as 4", () => {
    expect(MOZ_LOSS_PERCENT).toEqual([0, 21.9, 44.1, 59.2, 69.9]);
    expect([0, 1, 2, 3, 4, 7].map((k) => Math.round(mozKeptShare(k) * 1000) / 1000)).toEqual([1, 0.781, 0.559, 0.408, 0.301, 0.301]);
    expect([0, 1, 2, 3, 4].map((k) => Math.round(mozLostPerKept(k) * 1000) / 1000)).toEqual([0, 0.28, 0.789, 1.451, 2.322]);
  });
});

describe("mozRoi: k negatives now → k target", () => {
  it("2 → 0: uplift .789, 568 more customers, 8.52 M, ROI 1420 % (net 1320 %)", () => {
    const result = mozRoi({ ...MODEL, negativesNow: 2, negativesTarget: 0 });
    expect(result.customersPerYear).toBe(720);
    expect(result.ltv).toBe(15_000);
    expect(result.uplift).toBeCloseTo(mozLostPerKept(2), 12);
    expect(Math.round(result.extraCustomers)).toBe(568);
    expect(Math.round(result.income / 10_000) / 100).toBe(8.52);
    expect(Math.round(result.roi)).toBe(1420);
    expect(Math.round(result.roiNet)).toBe(1320);
  });

  it("2 → 1: uplift .397, 286, 4.29 M, ROI 715 % (net 615 %)", () => {
    const result = mozRoi({ ...MODEL, negativesNow: 2, negativesTarget: 1 });
    expect(Math.round(result.uplift * 1000) / 1000).toBe(0.397);
    expect(Math.round(result.extraCustomers)).toBe(286);
    expect(Math.round(result.income / 10_000) / 100).toBe(4.29);
    expect(Math.round(result.roi)).toBe(715);
    expect(Math.round(result.roiNet)).toBe(615);
  });

  it("applies a margin, and shows a loss when the target has more negatives", () => {
    expect(mozRoi({ ...MODEL, negativesNow: 2, negativesTarget: 0, margin: 50 }).income).toBeCloseTo(mozRoi({ ...MODEL, negativesNow: 2, negativesTarget: 0 }).income / 2, 6);
    expect(mozRoi({ ...MODEL, negativesNow: 0, negativesTarget: 1 }).uplift).toBeCloseTo(-0.219, 12);
  });

  it("names the wrong field", () => {
    expect(() => mozRoi({ ...MODEL, negativesNow: 1.5, negativesTarget: 0 })).toThrow("negativesNow must be a whole number 0 or more, got 1.5");
    expect(() => mozRoi({ ...MODEL, negativesNow: 1, negativesTarget: 0, margin: 120 })).toThrow(/^margin /);
  });
});
