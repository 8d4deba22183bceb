import { expect, it } from "vitest";
import { createBrandRow } from "../../../test/monitoring-fixtures.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { listBrandQueries } from "../config/queries.ts";
import { historyGrid } from "../reports/history.ts";
import { exSeries } from "../reports/ex-series.ts";
import { siteTimeline } from "../reports/site-timeline.ts";
import { countScans } from "../scan/queries.ts";
import { DEMO_DAYS, WORK_START } from "./demo-serm-generator.ts";
import { seedDemoSerm } from "./seed-demo-serm.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const mean = (values: readonly (number | null | undefined)[]) => {
  const known = values.filter((v): v is number => typeof v === "number");
  return known.reduce((s, v) => s + v, 0) / known.length;
};

describeOnDatabases("repute demo: 60 days of scans", (h) => {
  it("stores 60 days with gaps, negatives pushed down after the work started, and is idempotent", async () => {
    const app = h().app;
    const { brandId } = await createBrandRow(app.db, "Northwind Bank");
    const brands = new Map([["Northwind Bank", brandId]]);
    const seeded = await seedDemoSerm(app, brands, { now: NOW, screenshots: false });
    expect(seeded).toMatchObject({ brands: 1, scansAdded: DEMO_DAYS, firstDay: "2026-09-22", workStartedOn: "2026-10-17", screenshots: "skipped: screenshots not asked for" });
    expect(seeded.results).toBeGreaterThan(DEMO_DAYS * 8 * 10);

    const series = await exSeries(app, brandId, { from: "2026-09-22", to: "2026-11-20" });
    const overall = series.days.map((d) => d.overall?.ex);
    expect(overall.every((ex) => typeof ex === "number")).toBe(true);
    expect(mean(overall.slice(-10))).toBeGreaterThan(mean(overall.slice(0, 10)) + 20);
    expect(mean(series.days.slice(-10).map((d) => d.overall?.negShare))).toBeLessThan(mean(series.days.slice(0, 10).map((d) => d.overall?.negShare)));

    // A failed item is a gap in the history; the complaint site sank out of the top.
    const queries = await listBrandQueries(app.db, brandId);
    const reviews = queries.find((q) => q.text === "Нортвинд Банк отзывы");
    const grid = await historyGrid(app, brandId, { queryId: reviews?.id ?? "", engine: "yandex", from: "2026-09-22", to: "2026-11-20" });
    expect(grid.days[11]?.status).toBe("failed");
    expect(grid.rows.every((row) => row.cells[11] === null)).toBe(true);
    const sites = await siteTimeline(app, brandId, { from: "2026-09-22", to: "2026-11-20", engine: "yandex" });
    const complaint = sites.sites.find((s) => s.domain === "zhalobnaya-kniga.example");
    expect(complaint?.cells[0]?.colour.band).toBe("critical");
    const before = mean(complaint?.cells.slice(0, WORK_START).map((c) => c?.bestPosition ?? 21) ?? []);
    expect(before).toBeLessThan(5);
    expect(mean(complaint?.cells.slice(-5).map((c) => c?.bestPosition ?? 21) ?? [])).toBeGreaterThan(before + 5);
    const otzovik = sites.sites.find((s) => s.domain === "otzovik.com");
    expect(otzovik?.cells[0]?.t).toBeLessThan(-20);
    expect(otzovik?.cells.at(-1)?.t).toBeGreaterThan(20);

    const again = await seedDemoSerm(app, brands, { now: new Date("2026-11-21T12:00:00Z"), screenshots: false });
    expect(again).toMatchObject({ brands: 0, scansAdded: 0 });
    expect(await countScans(app.db, brandId, "demo")).toBe(DEMO_DAYS);
    expect(await listBrandQueries(app.db, brandId)).toHaveLength(queries.length);
  }, 240_000);
});
