import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../cli/args.ts";
import { sermExReport, sermRoiReport } from "./serm-cli.ts";
import { WORKED_EXAMPLE_CSV, WORKED_EXAMPLE_ROWS, auditCsv } from "./serm-test-fixtures.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "repute-serm-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function audit(name: string, text: string): Promise<string> {
  await writeFile(path.join(dir, name), text);
  return name;
}

describe("repute serm ex", () => {
  it("computes the worked example of SERM.md §2.1 from a CSV: +68.40", async () => {
    const file = await audit("worked-example.csv", WORKED_EXAMPLE_CSV);
    const report = await sermExReport([file, "--engine-weights", "yandex=62.6,google=37.4", "--json"], dir);
    expect(report.code).toBe(0);
    expect(report.err).toEqual([]);
    const json = JSON.parse(report.out[0] ?? "");
    expect(json.overall).toBe(68.4);
    expect(json.band).toBe("strong");
    expect(json.expectedClicks).toBe(16636.8);
    expect(json.engines).toMatchObject({ yandex: { weight: 0.626, ex: 67.47 }, google: { weight: 0.374, ex: 69.96 } });
    expect(json.queries.map((q: { engine: string; query: string; ex: number }) => [q.engine, q.query, q.ex])).toEqual([
      ["yandex", "бренд отзывы", 39.07],
      ["yandex", "бренд", 73.15],
      ["google", "бренд отзывы", 31.6],
      ["google", "бренд", 77.63],
    ]);
    expect(json.queries[0]).toMatchObject({ negShare: 40, negVisibility: 33.73, ownShare: 20, gfdScore: 8 });
    expect(json.queries[0].results[1]).toEqual({
      position: 2,
      url: "https://otzovik.com/reviews/brand/",
      t: -36,
      own: false,
      ctr: 12.94,
      queryContribution: -6.7201,
      overallContribution: -0.7011,
    });
  });

  it("gives the same with the default RU profile and in nested mode; prints a table without --json", async () => {
    const file = await audit("worked-example.csv", WORKED_EXAMPLE_CSV);
    const nested = await sermExReport([file, "--mode", "nested", "--json"], dir);
    expect(JSON.parse(nested.out[0] ?? "").overall).toBe(68.4);
    const text = await sermExReport([file, "--explain"], dir);
    expect(text.code).toBe(0);
    expect(text.out[0]).toBe("Ex +68.40 (strong) · flat · queries weighted by frequency · engines ru (2023-Q3) · CTR AWR 2020 desktop · top 10");
    expect(text.out[1]).toBe("Expected clicks a month on these results: 16,637");
    expect(text.out).toContain("yandex  62.6%   +67.47  23.3%        10.8%      20%     +52  +15");
    expect(text.out).toContain("yandex  бренд отзывы  4000    +39.07  40.0%        33.7%      20%     +8   -10");
    expect(text.out).toContain("     2  T  -36.00  P 12.94  → Ex(query)   -6.72  Ex   -0.701  https://otzovik.com/reviews/brand/");
  });

  it("weights queries equally or by probable CTR on request (no frequency needed)", async () => {
    const rows = WORKED_EXAMPLE_ROWS.map(([engine = "", query = "", , ...rest]) => [engine, query, "", ...rest]);
    const file = await audit("no-frequency.csv", auditCsv(rows));
    const equal = JSON.parse((await sermExReport([file, "--query-weights", "equal", "--json"], dir)).out[0] ?? "");
    // Ex(Y) = (39.07 + 73.15)/2, Ex(G) = (31.60 + 77.63)/2.
    expect(equal.engines.yandex.ex).toBe(56.11);
    expect(equal.engines.google.ex).toBe(54.61);
    expect(equal.expectedClicks).toBeNull();
    const needsFrequency = await sermExReport([file], dir);
    expect(needsFrequency.code).toBe(2);
    expect(needsFrequency.err[1]).toBe("  row 2, column frequency: is empty (needed to weight queries by frequency; or choose --query-weights equal|ctr)");
  });

  it("warns about an engine without a weight, and counts it out", async () => {
    const file = await audit("bing.csv", auditCsv([...WORKED_EXAMPLE_ROWS, ["bing", "бренд", "500", "1", "https://www.ripoffreport.com/reports/brand", "negative"]]));
    const report = await sermExReport([file, "--json"], dir);
    expect(report.err).toEqual(["warning: bing has no weight in --engine-weights ru (2023-Q3): shown, but not counted in the overall Ex"]);
    expect(JSON.parse(report.out[0] ?? "").overall).toBe(68.4);
    expect(JSON.parse(report.out[0] ?? "").engines.bing).toMatchObject({ weight: 0, ex: -100 });
  });

  it("exits 2 naming the row and column: unknown engine, bad tonality", async () => {
    const rows = [...WORKED_EXAMPLE_ROWS];
    rows[3] = ["yahoo", "бренд отзывы", "4000", "4", "https://yandex.ru/maps/org/brand/1234567/", "160/20/220"];
    rows[6] = ["yandex", "бренд отзывы", "4000", "7", "https://pravda-sotrudnikov.ru/company/brand", "10/10"];
    const file = await audit("bad.csv", auditCsv(rows));
    expect(await sermExReport([file], dir)).toEqual({
      code: 2,
      out: [],
      err: [
        "bad.csv:",
        '  row 5, column engine: unknown engine "yahoo" (known: yandex, google, bing, mailru, rambler, duckduckgo, brave)',
        '  row 8, column tonality: "10/10" is not a tonality: write a number from -100 to 100, r+/r-/r review counts (12/30/50) or one of positive, neutral, negative, own',
      ],
    });
  });

  it("exits 2 on a missing column, and on a file that is not there", async () => {
    const file = await audit("no-tonality.csv", "engine,query,frequency,position,url\nyandex,q,1,1,https://a.example/\n");
    expect(await sermExReport([file], dir)).toEqual({
      code: 2,
      out: [],
      err: ["no-tonality.csv:", "  row 1 (header): missing column tonality; the header must name engine,query,frequency,position,url,tonality"],
    });
    const missing = await sermExReport(["nope.csv"], dir);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/^cannot read .*nope\.csv: ENOENT/);
  });

  it("refuses wrong flags as usage errors naming the flag", async () => {
    const file = await audit("worked-example.csv", WORKED_EXAMPLE_CSV);
    await expect(sermExReport([file, "--engine-weights", "yandex=62.6,gogle=37.4"], dir)).rejects.toThrow(
      new UsageError('--engine-weights: unknown engine "gogle" (known: yandex, google, bing, mailru, rambler, duckduckgo, brave; or a profile: ru, world, ru-2014)'),
    );
    await expect(sermExReport([file, "--engine-weights", "yandex=-1"], dir)).rejects.toThrow('"yandex=-1" must be engine=weight with a weight ≥ 0');
    await expect(sermExReport([file, "--query-weights", "clicks"], dir)).rejects.toThrow('--query-weights must be one of frequency, ctr, equal, got "clicks"');
    await expect(sermExReport([file, "--ctr", "fast"], dir)).rejects.toThrow("--ctr must be one of awr-2020-desktop");
    await expect(sermExReport([file, "--depth", "0"], dir)).rejects.toThrow("--depth must be a whole number ≥ 1");
    await expect(sermExReport([], dir)).rejects.toThrow("the audit CSV file is required");
    expect((await sermExReport([file, "--depth", "20", "--ctr", "sistrix-2020"], dir)).err).toEqual([
      "worked-example.csv: the CTR table has 10 positions, fewer than the depth 20",
    ]);
  });

  it("takes another CTR table or one of its own", async () => {
    const file = await audit("worked-example.csv", WORKED_EXAMPLE_CSV);
    const custom = JSON.parse((await sermExReport([file, "--ctr", "10,10,10,10,10,10,10,10,10,10", "--query-weights", "equal", "--json"], dir)).out[0] ?? "");
    // Equal P: Ex(q1,Y) is the plain mean of its ten T.
    expect(custom.queries[0].ex).toBe(-0.42);
    expect(custom.settings.ctrLabel).toBe("custom");
  });
});

describe("repute serm roi", () => {
  const SEED = ["--avg-check", "1000", "--orders-per-year", "2", "--years", "4", "--monthly-traffic", "1500", "--conversion", "3", "--cost", "50000"];

  it("reproduces the seed article: LTV 8,000; 45 customers; income 360,000; ROI 720 %", () => {
    expect(sermRoiReport(SEED)).toEqual({
      code: 0,
      out: [
        "Seed method (1PS article), as published:",
        "  lifetime value  1,000 × 2 orders a year × 4 years = 8,000",
        "  customers       1,500 visits a month × 3% = 45 (the article's yearly figure, not × 12)",
        "  income          45 × 8,000 = 360,000",
        "  ROI             360,000 / 50,000 × 100 = 720%",
      ],
      err: [],
    });
    expect(JSON.parse(sermRoiReport([...SEED, "--json"]).out[0] ?? "")).toEqual({
      seed: {
        label: "seed method (1PS article)",
        inputs: { avgCheck: 1000, ordersPerYear: 2, years: 4, monthlyTraffic: 1500, conversion: 3, cost: 50000 },
        ltv: 8000,
        customers: 45,
        income: 360000,
        roi: 720,
      },
      moz: null,
    });
  });

  it("adds the MOZ model beside it: SERM.md §4, 2 → 0 negatives", () => {
    const flags = ["--avg-check", "2 500", "--orders-per-year", "3", "--years", "2", "--monthly-traffic", "3000", "--conversion", "2%", "--cost", "600000"];
    const report = sermRoiReport([...flags, "--negatives-now", "2", "--negatives-target", "0"]);
    expect(report.out.slice(5)).toEqual([
      "MOZ-table model, 2 → 0 negatives in the top 10 (stated intent, Moz 2015 survey):",
      "  customers lost  44.1% → 0%; uplift f(0)/f(2) − 1 = 0.789",
      "  customers       3,000 × 12 × 2% = 720 a year; 568.01 more",
      "  income          568.01 × 15,000 = 8,520,214.67",
      "  ROI             1,420.04% (income / cost); net 1,320.04% ((income − cost) / cost)",
    ]);
    const json = JSON.parse(sermRoiReport([...flags, "--negatives-now", "2", "--negatives-target", "1", "--margin", "50", "--json"]).out[0] ?? "");
    expect(json.moz).toMatchObject({ label: "MOZ-table model", uplift: 0.3971, extraCustomers: 285.94, income: 2144543.83, roi: 357.42, roiNet: 257.42 });
  });

  it("names the flag of a wrong input", () => {
    expect(() => sermRoiReport(SEED.map((v) => (v === "3" ? "300" : v)))).toThrow(new UsageError("--conversion must be a number 0 or more and at most 100, got 300"));
    expect(() => sermRoiReport(SEED.map((v) => (v === "50000" ? "0" : v)))).toThrow("--cost must be a number more than 0, got 0");
    expect(() => sermRoiReport(SEED.map((v) => (v === "1000" ? "much" : v)))).toThrow('--avg-check must be a number, got "much"');
    expect(() => sermRoiReport(SEED.slice(2))).toThrow("--avg-check is required");
    expect(() => sermRoiReport([...SEED, "--negatives-now", "1.5"])).toThrow("--negatives-now must be a whole number 0 or more, got 1.5");
    expect(() => sermRoiReport([...SEED, "--negatives-target", "1"])).toThrow("give --negatives-now too");
  });
});
