import { expect, it } from "vitest";
import { z } from "zod";
import { ConnectorError, type TConnector, defineConnector } from "../../connectors/connector.ts";
import { createBrandRow, item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { insertSource } from "../sources/queries.ts";
import { brandMentions, sourceForSync } from "./queries.ts";
import { RETRY_BASE_SECONDS, syncSource } from "./sync-source.ts";

/** Three pages of two items each; the cursor is the next page number. */
const paged = defineConnector({
  id: "test-paged",
  version: "1",
  sourceKind: "other",
  title: { en: "Paged", ru: "Страницы" },
  configSchema: z.object({ pages: z.number().int() }).strict(),
  secretFields: [],
  capabilities: { keywordSearch: true, placeReviews: false, ownPageComments: false, reply: false },
  isOwnPlace: () => false,
  rateLimit: { limit: 1000, intervalMs: 1000 },
  defaultIntervalMinutes: 15,
  async fetch(_ctx, config, cursor) {
    const page = cursor ? Number(cursor) : 0;
    const items = [0, 1].map((i) => item({ externalId: `p${page}-${i}`, text: `Нортвинд страница ${page} пункт ${i}` }));
    const last = page + 1 >= config.pages;
    return { items, nextCursor: last ? `done-${page}` : String(page + 1), hasMore: !last };
  },
});

const broken = defineConnector({
  ...(paged as TConnector<{ pages: number }>),
  id: "test-broken",
  async fetch() {
    throw new ConnectorError("rate_limited", "slow down", 600);
  },
});

const connectors = (id: string) => [paged, broken].find((c) => c.id === id);
const NOW = new Date("2026-11-20T12:00:00Z");
const fixed = { now: () => NOW, jitter: () => 0.5, classifier: keywordTestClassifier, connectors };

describeOnDatabases("source sync", (h) => {
  it("stores every page with its cursor and schedules the next run at the source's interval", async () => {
    const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
    const source = await insertSource(h().app.db, { brandId, connector: "test-paged", name: "p", config: { pages: 3 }, ownPlace: false, intervalMinutes: 15 });
    const outcome = await syncSource(h().app, source.id, fixed);
    expect(outcome).toMatchObject({ status: "ok", pages: 3, more: false, stats: { inserted: 6 } });
    const row = await sourceForSync(h().app.db, source.id, false);
    expect(row).toMatchObject({ cursor: "done-2", itemsCollected: 6, consecutiveFailures: 0, lastError: null });
    expect(row?.nextRunAt.toISOString()).toBe("2026-11-20T12:15:00.000Z");
    expect(row?.lastSuccessAt?.toISOString()).toBe(NOW.toISOString());
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(6);
  });

  it("stops after maxPages and asks to run again at once, resuming from the stored cursor", async () => {
    const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
    const source = await insertSource(h().app.db, { brandId, connector: "test-paged", name: "p", config: { pages: 5 }, ownPlace: false, intervalMinutes: 15 });
    expect(await syncSource(h().app, source.id, { ...fixed, maxPages: 2 })).toMatchObject({ status: "ok", pages: 2, more: true });
    expect((await sourceForSync(h().app.db, source.id, false))?.nextRunAt.toISOString()).toBe(NOW.toISOString());
    expect(await syncSource(h().app, source.id, fixed)).toMatchObject({ status: "ok", pages: 3, more: false });
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows.map((r) => r.externalId).sort()).toEqual(["p0-0", "p0-1", "p1-0", "p1-1", "p2-0", "p2-1", "p3-0", "p3-1", "p4-0", "p4-1"]);
  });

  it("records a failure with backoff honouring the platform's wait, and leaves other sources alone", async () => {
    const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
    const bad = await insertSource(h().app.db, { brandId, connector: "test-broken", name: "b", config: { pages: 1 }, ownPlace: false, intervalMinutes: 15 });
    const good = await insertSource(h().app.db, { brandId, connector: "test-paged", name: "g", config: { pages: 1 }, ownPlace: false, intervalMinutes: 15 });
    const failed = await syncSource(h().app, bad.id, fixed);
    expect(failed).toMatchObject({ status: "failed", kind: "rate_limited", error: "slow down", retryInSeconds: 600 });
    const second = await syncSource(h().app, bad.id, fixed);
    expect(second).toMatchObject({ status: "failed" });
    const row = await sourceForSync(h().app.db, bad.id, false);
    expect(row).toMatchObject({ consecutiveFailures: 2, lastErrorKind: "rate_limited", lastError: "slow down" });
    expect(row?.retryAfter?.toISOString()).toBe(new Date(NOW.getTime() + 600_000).toISOString());
    expect(await syncSource(h().app, good.id, fixed)).toMatchObject({ status: "ok" });
  });

  it("backs off exponentially when the platform names no wait, and reports a bad config without running", async () => {
    const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
    const source = await insertSource(h().app.db, { brandId, connector: "test-paged", name: "x", config: { pages: "many" }, ownPlace: false, intervalMinutes: 15 });
    const outcome = await syncSource(h().app, source.id, fixed);
    expect(outcome).toMatchObject({ status: "failed", kind: "upstream", error: "invalid configuration: pages", retryInSeconds: RETRY_BASE_SECONDS });
    const unknown = await insertSource(h().app.db, { brandId, connector: "nope", name: "n", config: {}, ownPlace: false, intervalMinutes: 15 });
    expect(await syncSource(h().app, unknown.id, fixed)).toMatchObject({ status: "failed", error: 'unknown connector "nope"' });
  });

  it("skips paused sources", async () => {
    const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
    const source = await insertSource(h().app.db, { brandId, connector: "test-paged", name: "p", config: { pages: 1 }, ownPlace: false, intervalMinutes: 15, status: "paused" });
    expect(await syncSource(h().app, source.id, fixed)).toEqual({ status: "skipped", reason: "source paused" });
  });
});
