import { describe, expect, it } from "vitest";
import { type TDayItem, type TExSettings, computeDayEx, engineWeightsOf } from "./day-ex.ts";
import { computeEx } from "./ex-index.ts";
import { WORKED_EXAMPLE_SERPS } from "./serm-test-fixtures.ts";

const settings: TExSettings = { ctrTable: "awr-2020-desktop", monotoneCtr: false, engineWeightProfile: "ru", engineWeights: {}, queryWeighting: "frequency", exDepth: 10 };

const items: TDayItem[] = WORKED_EXAMPLE_SERPS.map((serp) => ({
  queryId: serp.query,
  engine: serp.engine === "yandex" ? "yandex" : "google",
  status: "complete",
  frequency: serp.frequency ?? null,
  results: serp.results.map((r) => ({ position: r.position, url: r.url, t: r.t, own: r.own === true })),
}));

describe("computeDayEx", () => {
  it("gives the worked example's +68.40 with the RU profile", () => {
    expect(Math.round((computeDayEx(items, settings).result?.overall ?? 0) * 100) / 100).toBe(68.4);
  });

  it("leaves a failed item out (a gap), exactly as if the query had not been asked on that engine", () => {
    const withGap = items.map((item, i) => (i === 1 ? { ...item, status: "failed" as const, results: [] } : item));
    const expected = computeEx(WORKED_EXAMPLE_SERPS.filter((_, i) => i !== 1), { engineWeights: engineWeightsOf(settings) });
    expect(computeDayEx(withGap, settings).result?.overall).toBeCloseTo(expected.overall ?? Number.NaN, 10);
  });

  it("weighs queries equally when one has no frequency, and says so; skips unlabeled results", () => {
    const noFrequency = items.map((item, i) => (i === 0 ? { ...item, frequency: null } : item));
    const day = computeDayEx(noFrequency, settings);
    expect(day.weighting).toEqual({ requested: "frequency", used: "equal", note: expect.stringContaining("no frequency") });
    const unlabeled = items.map((item) => ({ ...item, results: item.results.map((r, i) => (i === 0 ? { ...r, t: null } : r)) }));
    expect(computeDayEx(unlabeled, settings).result?.queries[0]?.results).toHaveLength(9);
  });

  it("nothing searched is no Ex, with the reason", () => {
    const day = computeDayEx(items.map((i) => ({ ...i, status: "failed" as const })), settings);
    expect(day).toMatchObject({ result: null, error: expect.stringContaining("no query") });
  });

  it("engine overrides replace the profile's figure", () => {
    expect(engineWeightsOf({ engineWeightProfile: "world", engineWeights: { yandex: 0.5 } })).toEqual({ google: 0.899, bing: 0.039, yandex: 0.5 });
  });
});
