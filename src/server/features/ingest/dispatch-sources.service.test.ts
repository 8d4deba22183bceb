import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startReplayServer, type TReplayServer } from "../../connectors/test-kit.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { createBrandRow } from "../../test/monitoring-fixtures.ts";
import { insertSource } from "../sources/queries.ts";
import { dispatchDueSources, dispatchSourcesJob } from "./dispatch-sources.job.ts";
import { brandMentions, sourceForSync } from "./queries.ts";
import { syncSourceJob } from "./sync-source.job.ts";

const FEED = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../../connectors/rss/fixtures/northwind-news.rss.xml"));

let server: TReplayServer;
beforeAll(async () => {
  server = await startReplayServer((req) => (req.path === "/rss" ? { headers: { "content-type": "application/rss+xml" }, body: FEED } : { status: 404, body: "" }));
});
afterAll(() => server.close());

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeOnDatabases(
  "source dispatch through the job queue",
  (h) => {
    it("queues due active sources once, and the worker stores a real feed's matching items", async () => {
      const { brandId } = await createBrandRow(h().app.db, "Нортвинд");
      const feed = await insertSource(h().app.db, { brandId, connector: "rss", name: "News", config: { url: `${server.baseUrl}/rss` }, ownPlace: false, intervalMinutes: 30 });
      await insertSource(h().app.db, { brandId, connector: "rss", name: "Paused", config: { url: `${server.baseUrl}/rss` }, ownPlace: false, intervalMinutes: 30, status: "paused" });
      expect(await dispatchDueSources(h().app)).toBe(1);
      const synced = await until(async () => {
        const row = await sourceForSync(h().app.db, feed.id, false);
        return row?.lastSuccessAt ? row : undefined;
      });
      expect(synced.consecutiveFailures).toBe(0);
      expect(synced.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
      const rows = await brandMentions(h().app.db, brandId);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.sourceKind === "rss" && r.matched && r.sourceId === feed.id)).toBe(true);
      expect(rows.map((r) => r.title)).toContain("Нортвинд Банк снизил ставки по ипотеке");
      // Nothing is due any more: the next tick queues nothing.
      expect(await dispatchDueSources(h().app)).toBe(0);
    });
  },
  { startQueue: true, definitions: [dispatchSourcesJob, syncSourceJob], env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
