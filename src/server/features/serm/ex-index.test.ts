import { describe, expect, it } from "vitest";
import { CTR_TABLES, ENGINE_WEIGHT_PROFILES } from "./default-tables.ts";
import { ExInputError, type TQuerySerp, computeEx } from "./ex-index.ts";
import { WORKED_EXAMPLE_ENGINE_WEIGHTS, WORKED_EXAMPLE_SERPS } from "./serm-test-fixtures.ts";

const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
const exOf = (result: ReturnType<typeof computeEx>, engine: string, query: string) =>
  result.queries.find((q) => q.engine === engine && q.query === query);

describe("computeEx: the worked example of SERM.md §2.1", () => {
  for (const mode of ["flat", "nested"] as const) {
    it(`gives +68.40 overall (${mode})`, () => {
      const result = computeEx(WORKED_EXAMPLE_SERPS, { engineWeights: WORKED_EXAMPLE_ENGINE_WEIGHTS, mode });
      expect(round2(result.overall)).toBe(68.4);
      expect(result.engines.map((e) => [e.engine, round2(e.ex), Math.round(e.weight * 1000) / 1000])).toEqual([
        ["yandex", 67.47, 0.626],
        ["google", 69.96, 0.374],
      ]);
      expect(result.queries.map((q) => round2(q.ex))).toEqual([39.07, 73.15, 31.6, 77.63]);
      expect(result.expectedClicks).toBeCloseTo(16636.8, 6);
    });
  }

  it("q1 on Yandex: Σ P·T = 2708.3 over Σ P = 69.32, and each result's part of it", () => {
    const q1 = exOf(computeEx(WORKED_EXAMPLE_SERPS, { engineWeights: WORKED_EXAMPLE_ENGINE_WEIGHTS }), "yandex", "бренд отзывы");
    expect(q1?.ctrSum).toBeCloseTo(69.32, 10);
    expect(q1?.results.map((r) => Math.round(r.ctr * r.t * 10) / 10)).toEqual([3377, -465.8, -347, 305.5, 57.6, -227, 0, 131, -123, 0]);
    expect(q1?.results.reduce((s, r) => s + r.queryContribution, 0)).toBeCloseTo(q1?.ex ?? Number.NaN, 10);
    expect(round2(q1?.ex ?? null)).toBe(39.07);
  });

  it("computes the §2.2 indices: NegShare, NegVisibility, top-10 control, GFD", () => {
    const result = computeEx(WORKED_EXAMPLE_SERPS, { engineWeights: WORKED_EXAMPLE_ENGINE_WEIGHTS });
    const q1 = exOf(result, "yandex", "бренд отзывы")?.indices;
    const q2 = exOf(result, "yandex", "бренд")?.indices;
    expect(q1?.negShare).toBe(40);
    expect(Math.round((q1?.negVisibility ?? 0) * 10) / 10).toBe(33.7);
    expect(q1?.ownShare).toBe(20);
    expect(q1?.gfdScore).toBe(8);
    expect(q1?.eisenegger).toBe(-10);
    expect(Math.round((q2?.negVisibility ?? 0) * 10) / 10).toBe(6.3);
    expect(q2?.gfdScore).toBe(61);
  });

  it("the results' overall contributions add up to the overall Ex, in both modes", () => {
    for (const mode of ["flat", "nested"] as const) {
      const result = computeEx(WORKED_EXAMPLE_SERPS, { engineWeights: WORKED_EXAMPLE_ENGINE_WEIGHTS, mode });
      const total = result.queries.flatMap((q) => q.results).reduce((s, r) => s + r.overallContribution, 0);
      expect(total).toBeCloseTo(result.overall ?? Number.NaN, 9);
    }
  });

  it("the RU profile of §3.2 is the example's 62.6 / 37.4", () => {
    const result = computeEx(WORKED_EXAMPLE_SERPS, { engineWeights: ENGINE_WEIGHT_PROFILES.ru.weights });
    expect(round2(result.overall)).toBe(68.4);
  });
});

const serp = (engine: TQuerySerp["engine"], query: string, ts: (number | null)[], frequency = 100): TQuerySerp => ({
  engine,
  query,
  frequency,
  results: ts.flatMap((t, i) => (t === null ? [] : [{ position: i + 1, url: `https://e.example/${i}`, t }])),
});

describe("computeEx: missing slots, depth, weights", () => {
  it("skips empty slots: Σ P runs over the filled ones only", () => {
    const result = computeEx([serp("yandex", "q", [100, null, -100])], { engineWeights: { yandex: 1 } });
    const p = CTR_TABLES["awr-2020-desktop"].values;
    expect(result.queries[0]?.ex).toBeCloseTo(((p[0] ?? 0) * 100 - (p[2] ?? 0) * 100) / ((p[0] ?? 0) + (p[2] ?? 0)), 10);
  });

  it("flat and nested differ when a query has missing slots, flat weighting by expected clicks", () => {
    const serps = [serp("yandex", "full", Array<number>(10).fill(100)), serp("yandex", "one", [null, null, null, null, null, null, null, null, null, -100])];
    const nested = computeEx(serps, { engineWeights: { yandex: 1 }, mode: "nested" });
    const flat = computeEx(serps, { engineWeights: { yandex: 1 }, mode: "flat" });
    expect(nested.overall).toBeCloseTo(0, 10);
    expect(flat.overall).toBeCloseTo(((69.32 - 1.17) / (69.32 + 1.17)) * 100, 10);
  });

  it("counts only the top N, and 20 with the 20-position table", () => {
    const ts = [...Array<number>(10).fill(100), ...Array<number>(10).fill(-100)];
    expect(computeEx([serp("google", "q", ts)], { engineWeights: { google: 1 } }).overall).toBe(100);
    const deep = computeEx([serp("google", "q", ts)], { engineWeights: { google: 1 }, depth: 20 });
    expect(deep.overall).toBeLessThan(100);
    expect(deep.queries[0]?.indices.negShare).toBe(50);
    expect(() => computeEx([serp("google", "q", ts)], { engineWeights: { google: 1 }, depth: 20, ctr: CTR_TABLES["sistrix-2020"].values })).toThrow(
      "the CTR table has 10 positions, fewer than the depth 20",
    );
  });

  it("weights queries by frequency, by probable CTR or equally", () => {
    const serps = [serp("yandex", "a", [100], 3000), serp("yandex", "b", [-100, -100], 1000)];
    const p1 = CTR_TABLES["awr-2020-desktop"].values[0] ?? 0;
    const p2 = CTR_TABLES["awr-2020-desktop"].values[1] ?? 0;
    const run = (queryWeights: "frequency" | "ctr" | "equal") => computeEx(serps, { engineWeights: { yandex: 1 }, queryWeights, mode: "nested" }).overall;
    expect(run("frequency")).toBeCloseTo(50, 10);
    expect(run("equal")).toBeCloseTo(0, 10);
    expect(run("ctr")).toBeCloseTo((p1 * 100 - (p1 + p2) * 100) / (p1 + p1 + p2), 10);
  });

  it("engines without a weight are shown but do not count overall", () => {
    const result = computeEx([serp("yandex", "q", [100]), serp("bing", "q", [-100])], { engineWeights: { yandex: 0.626, google: 0.374 } });
    expect(result.overall).toBe(100);
    expect(result.engines.map((e) => [e.engine, e.weight, e.ex])).toEqual([
      ["yandex", 1, 100],
      ["bing", 0, -100],
    ]);
  });

  it("refuses what it cannot compute, naming the query", () => {
    expect(() => computeEx([serp("bing", "q", [100])], { engineWeights: { yandex: 1 } })).toThrow("none of the engines in the audit (bing) has an engine weight");
    expect(() => computeEx([{ engine: "yandex", query: "q", results: [] }], { engineWeights: { yandex: 1 } })).toThrow(
      'query "q" on yandex has no frequency',
    );
    expect(() => computeEx([serp("yandex", "q", [100]), serp("yandex", "q", [0])], { engineWeights: { yandex: 1 } })).toThrow(ExInputError);
    const twice = { engine: "yandex" as const, query: "q", frequency: 1, results: [{ position: 1, url: "a", t: 0 }, { position: 1, url: "b", t: 0 }] };
    expect(() => computeEx([twice], { engineWeights: { yandex: 1 } })).toThrow('query "q" on yandex: position 1 is given twice');
  });

  it("an audit with no results has no Ex", () => {
    const result = computeEx([serp("yandex", "q", [null])], { engineWeights: { yandex: 1 } });
    expect(result.overall).toBeNull();
    expect(result.queries[0]?.ex).toBeNull();
  });
});
