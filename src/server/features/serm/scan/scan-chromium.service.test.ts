import { afterEach, expect, it } from "vitest";
import { chromiumForTests, startTestServer, type TTestServer } from "../../../lib/browser/browser-test-kit.ts";
import { createClientAndBrand, signUpWorkspace } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { getBlob } from "../../blobs/queries.ts";
import { openScanBrowser } from "./browser.ts";
import { itemsOfScan, resultsOfScan } from "./queries.ts";
import { runScan } from "./run-scan.ts";
import { SERPAPI_KEY, type TSerpApiServer, startSerpApiServer, testScanDeps } from "./serm-test-kit.ts";
import { createScan } from "./start-scan.ts";

/**
 * The scan with the real browser pool: the archived result page rendered in Chromium, every
 * result page captured from a local server (the fixture's links rewritten to it), a page's
 * AggregateRating read from what Chromium loaded. Skipped, saying why, without Chromium.
 */
const chromium = chromiumForTests();
let serp: TSerpApiServer | undefined;
let pages: TTestServer | undefined;
afterEach(async () => {
  await serp?.close();
  await pages?.close();
});

describeOnDatabases(
  "a SERM scan with Chromium",
  (h) => {
    it.skipIf(!chromium)("screenshots the result page and each result page, and reads a page's rating", async () => {
      pages = await startTestServer("127.0.0.1", (req, res) => {
        const rating = req.url === "/p/3" ? `<script type="application/ld+json">{"@type":"AggregateRating","ratingValue":"4.5","reviewCount":"80"}</script>` : "";
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(`<!doctype html><title>Page ${req.url}</title>${rating}<h1>Страница ${req.url}</h1><p>Отзывы о Нортвинд Банке.</p>`);
      });
      const origin = pages.origin;
      serp = await startSerpApiServer(undefined, (page) => ({
        ...page,
        organic_results: ((page.organic_results as Record<string, unknown>[] | undefined) ?? []).map((r, i) => ({ ...r, link: `${origin}/p/${i}`, rich_snippet: undefined })),
      }));
      const { admin } = await signUpWorkspace(h());
      const { brandId } = await createClientAndBrand(admin);
      const base = `/api/brands/${brandId}/serm`;
      await admin.request("PUT", `${base}/settings`, {
        engineProviders: { google: "serpapi" },
        providerConfigs: { serpapi: { apiKey: SERPAPI_KEY, baseUrl: serp.baseUrl, keepHtml: true } },
        providerRateLimits: { serpapi: 6000 },
      });
      await admin.post(`${base}/queries`, { text: "northwind bank reviews", engines: ["google"], region: { country: "us", lang: "en" } });
      const scan = await createScan(h().app.db, brandId, { trigger: "manual", now: new Date() });
      if (!scan) throw new Error("no scan");

      const outcome = await runScan(h().app, scan.id, testScanDeps({ openBrowser: () => openScanBrowser(h().app, 2) }));
      expect(outcome).toMatchObject({ status: "complete", stats: { serpShots: 1, pageShots: 9, pageShotFailures: 0, screenshotsNote: null } });
      const [item] = await itemsOfScan(h().app.db, scan.id);
      expect(await getBlob(h().app.db, brandId, item?.serpShotHash ?? "")).toMatchObject({ mime: "image/jpeg" });
      expect(pages.hits.filter((p) => p.startsWith("/p/"))).toHaveLength(9);
      const results = await resultsOfScan(h().app.db, scan.id);
      expect(results.find((r) => r.url.endsWith("/p/3"))).toMatchObject({ t: 75, tonalitySource: "rating" });
    }, 240_000);
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true", ...(chromium ? { CHROMIUM_PATH: chromium } : {}) } },
);
