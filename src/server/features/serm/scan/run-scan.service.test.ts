import { gunzipSync } from "node:zlib";
import { afterEach, expect, it } from "vitest";
import { createClientAndBrand, signUpWorkspace } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { getBlob } from "../../blobs/queries.ts";
import { ENGINE_WEIGHT_PROFILES } from "../default-tables.ts";
import { type TQuerySerp, computeEx } from "../ex-index.ts";
import { exDays, findScan, itemsOfScan, resultsOfScan, updateScan } from "./queries.ts";
import { STALE_AFTER_MS, runScan } from "./run-scan.ts";
import { SERPAPI_KEY, SERP_HTML, type TSerpApiServer, fakeBrowser, startSerpApiServer, testScanDeps } from "./serm-test-kit.ts";
import { createScan } from "./start-scan.ts";

type TQuery = { query: { id: string } };

let server: TSerpApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const NOW = new Date("2026-11-20T09:00:00Z");

describeOnDatabases(
  "a SERM scan end to end, against a local server speaking SerpApi",
  (h) => {
    /** A brand with SerpApi for Google and Yandex, three queries; searches for «обман» fail upstream. */
    async function setup() {
      server = await startSerpApiServer((q) => (q.get("text") ?? "").includes("обман"));
      const { admin } = await signUpWorkspace(h());
      const { brandId } = await createClientAndBrand(admin, undefined, `Northwind Bank ${Math.random().toString(36).slice(2, 6)}`);
      const base = `/api/brands/${brandId}/serm`;
      const settings = await admin.request("PUT", `${base}/settings`, {
        engineProviders: { google: "serpapi", yandex: "serpapi" },
        providerConfigs: { serpapi: { apiKey: SERPAPI_KEY, baseUrl: server.baseUrl, keepHtml: true } },
        providerRateLimits: { serpapi: 6000 },
      });
      expect(settings.status, JSON.stringify(settings.body)).toBe(200);
      const ids: Record<string, string> = {};
      for (const [key, body] of Object.entries({
        google: { text: "northwind bank reviews", engines: ["google"], depth: 20, region: { country: "us", lang: "en" } },
        yandex: { text: "нортвинд банк отзывы", engines: ["yandex"], depth: 20 },
        scam: { text: "нортвинд банк обман", engines: ["yandex"] },
      })) {
        const res = await admin.post<TQuery>(`${base}/queries`, body);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        ids[key] = res.body.query.id;
      }
      expect((await admin.request("PUT", `${base}/site-defaults`, { pattern: "northwind-bank.ru", siteClass: "own" })).status).toBe(200);
      return { admin, brandId, base, ids };
    }

    it("searches every query × engine, keeps a failing one as a failed item (a gap), screenshots, tonality and the day's Ex", async () => {
      const { brandId, ids } = await setup();
      const scan = await createScan(h().app.db, brandId, { trigger: "manual", now: NOW });
      if (!scan) throw new Error("no scan");
      expect(scan.day).toBe("2026-11-20");
      const deps = testScanDeps({ now: () => NOW });
      const browser = fakeBrowser({ "pikabu.ru": 1.5 });
      const outcome = await runScan(h().app, scan.id, { ...deps, openBrowser: browser.open });

      expect(outcome).toMatchObject({ status: "partial", stats: { searched: 2, failed: 1, partial: 0 } });
      expect((outcome.status !== "skipped" && outcome.error) || "").toContain("1 of 3 searches");
      const items = await itemsOfScan(h().app.db, scan.id);
      const byQuery = (id: string | undefined) => items.find((i) => i.queryId === id);
      expect(byQuery(ids.google)).toMatchObject({ status: "complete", provider: "serpapi", coverage: "complete", requests: 2, serpShotDone: true });
      expect(byQuery(ids.yandex)).toMatchObject({ status: "complete", coverage: "exhausted" });
      // 503 three times: retried with backoff, then stored as failed — no results, no position 0.
      expect(byQuery(ids.scam)).toMatchObject({ status: "failed", errorKind: "upstream", attempts: 3, serpShotNote: expect.stringContaining("failed") });
      expect(server?.searches("yandex").filter((r) => (r.query.get("text") ?? "").includes("обман"))).toHaveLength(3);

      // The raw answers are kept, gzipped; the key never is in any message.
      const raw = JSON.parse(gunzipSync(byQuery(ids.google)?.rawGz ?? Buffer.alloc(0)).toString()) as string[];
      expect(raw).toHaveLength(2);
      expect(JSON.stringify(items.map((i) => i.error))).not.toContain(SERPAPI_KEY);

      const results = await resultsOfScan(h().app.db, scan.id);
      const google = results.filter((r) => r.queryId === ids.google);
      expect(google.map((r) => r.position)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      expect(results.filter((r) => r.queryId === ids.scam)).toHaveLength(0);
      expect(results.every((r) => r.position >= 1)).toBe(true);
      // Tonality with its source: the snippet's 2.1★ → −45 (rating); the brand's own site (site); a
      // review site without rating: 0 and to review (site); a page's AggregateRating 1.5★ (rating).
      expect(google[0]).toMatchObject({ url: "https://www.trustpilot.com/review/northwindbank.com", domain: "trustpilot.com", tonalitySource: "rating", tonalityClass: "negative" });
      expect(google[0]?.t).toBeCloseTo(-45, 4);
      const yandex = results.filter((r) => r.queryId === ids.yandex);
      expect(yandex.find((r) => r.domain === "northwind-bank.ru")).toMatchObject({ t: 100, own: true, tonalityClass: "own", tonalitySource: "site" });
      expect(yandex.find((r) => r.domain === "otzovik.com")).toMatchObject({ t: 0, tonalitySource: "site", needsReview: true });
      expect(yandex.find((r) => r.domain === "pikabu.ru")).toMatchObject({ t: -75, tonalitySource: "rating" });
      expect(results.filter((r) => r.tonalitySource === null)).toHaveLength(0);

      // Screenshots: the Google result page from SerpApi's archived HTML; Yandex answers carry
      // none here, and say so; every distinct result URL captured once.
      const googleItem = byQuery(ids.google);
      expect(browser.htmlShots).toEqual([SERP_HTML]);
      expect(await getBlob(h().app.db, brandId, googleItem?.serpShotHash ?? "")).toMatchObject({ mime: "image/png" });
      expect(byQuery(ids.yandex)?.serpShotNote).toContain("returned no result page HTML");
      expect(browser.urlShots).toHaveLength(new Set(results.map((r) => r.urlKey)).size);
      expect(browser.closed).toBe(1);

      // The stored Ex of the day is ex-index.ts on the same inputs (RU weights, AWR desktop, top 10, equal weights: no frequencies).
      const serps: TQuerySerp[] = [ids.google, ids.yandex].map((id) => {
        const rows = results.filter((r) => r.queryId === id);
        return { engine: rows[0]?.engine ?? "google", query: id ?? "", results: rows.map((r) => ({ position: r.position, url: r.url, t: r.t ?? 0, own: r.own })) };
      });
      const expected = computeEx(serps, { engineWeights: ENGINE_WEIGHT_PROFILES.ru.weights, queryWeights: "equal" });
      const stored = await exDays(h().app.db, brandId, "2026-11-20", "2026-11-20", ["overall", "engine", "query"]);
      expect(stored.find((r) => r.level === "overall")?.ex).toBeCloseTo(expected.overall ?? Number.NaN, 3);
      expect(stored.find((r) => r.key === "engine:google")?.ex).toBeCloseTo(expected.engines.find((e) => e.engine === "google")?.ex ?? Number.NaN, 3);
      expect(stored.find((r) => r.key === `query:${ids.scam}:yandex`)).toMatchObject({ status: "failed", ex: null });

      // A finished scan is not run again.
      expect(await runScan(h().app, scan.id, { ...deps, openBrowser: browser.open })).toEqual({ status: "skipped", reason: "scan already partial" });
    });

    it("is resumable: killed after its first item, taken up again it searches only what is left", async () => {
      const { brandId, ids } = await setup();
      const scan = await createScan(h().app.db, brandId, { trigger: "manual", now: NOW });
      if (!scan) throw new Error("no scan");
      let calls = 0;
      const crashing = testScanDeps({
        searchConcurrency: 1,
        classifier: {
          async classifyBatch(inputs) {
            if (++calls > 1) throw new Error("worker killed");
            return inputs.map(() => ({ label: "neutral" as const, confidence: 0.5 }));
          },
        },
      });
      await expect(runScan(h().app, scan.id, crashing)).rejects.toThrow("worker killed");
      const afterCrash = await itemsOfScan(h().app.db, scan.id);
      const left = afterCrash.filter((i) => i.status === "pending");
      expect(left.length).toBeGreaterThan(0);
      expect(left.length).toBeLessThan(3);
      expect((await findScan(h().app.db, scan.id))?.status).toBe("running");
      // While its worker may still be alive, another run keeps off it…
      expect(await runScan(h().app, scan.id, testScanDeps())).toEqual({ status: "skipped", reason: "another run is working on the scan" });
      // …once it has not been heard of for STALE_AFTER, the next run takes it up.
      await updateScan(h().app.db, scan.id, { heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 1000) });
      const requestsBefore = server?.requests.length ?? 0;

      const outcome = await runScan(h().app, scan.id, testScanDeps({ searchConcurrency: 1 }));
      expect(outcome).toMatchObject({ status: "partial", stats: { searched: 2, failed: 1 } });
      expect((await findScan(h().app.db, scan.id))?.attempts).toBe(2);
      // Only the items left were searched: two pages each for the top-20s, three tries of the failing one.
      const cost = (queryId: string) => (queryId === ids.scam ? 3 : 2);
      const searchedAgain = (server?.requests.slice(requestsBefore) ?? []).filter((r) => r.path === "/search.json");
      expect(searchedAgain).toHaveLength(left.reduce((n, i) => n + cost(i.queryId), 0));
    });

    it("without a browser, stores results and says why there are no screenshots", async () => {
      const { brandId } = await setup();
      const scan = await createScan(h().app.db, brandId, { trigger: "manual", now: NOW });
      if (!scan) throw new Error("no scan");
      const outcome = await runScan(h().app, scan.id, testScanDeps({ openBrowser: async () => ({ unavailable: "no browser for screenshots (Chromium is not installed)" }) }));
      expect(outcome).toMatchObject({ status: "partial", stats: { serpShots: 0, pageShots: 0, screenshotsNote: expect.stringContaining("Chromium") } });
      const google = (await itemsOfScan(h().app.db, scan.id)).find((i) => i.engine === "google");
      expect(google?.serpShotNote).toContain("Chromium is not installed");
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
