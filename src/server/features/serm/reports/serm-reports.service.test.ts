import { randomUUID } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import type { TestClient } from "../../../test/client.ts";
import { createClientAndBrand, signUpWorkspace } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { recomputeBrand } from "../scan/recompute-brand.ts";
import { runScan } from "../scan/run-scan.ts";
import { SERPAPI_KEY, type TSerpApiServer, startSerpApiServer, testScanDeps } from "../scan/serm-test-kit.ts";
import { createScan } from "../scan/start-scan.ts";

type TErr = { error: { fields?: { path: string }[] } };
type TColour = { band: string; colour: string; glyph: string };
type TCell = { url: string; domain: string; t: number | null; colour: TColour; previousPosition: number | null; movement: number | null } | null;
type THistory = { days: { day: string; status: string; error: string | null }[]; rows: { position: number; cells: TCell[] }[]; urls: { domain: string; positions: (number | null)[] }[] };
type TPoint = { ex: number | null; band: string | null; negShare: number | null; negVisibility: number | null };
type TSeries = { days: { day: string; overall: TPoint | null; engines: Record<string, TPoint>; queries: (TPoint & { queryId: string; status: string })[] }[]; bands: unknown[] };
type TExplain = { overall: number; queries: { queryId: string; results: { overallContribution: number; tonalitySource: string | null; colour: TColour }[] }[]; gaps: { queryId: string; status: string }[]; weighting: { used: string } };

const paths = (res: { body: unknown }) => ((res.body as TErr).error.fields ?? []).map((f) => f.path).sort();
const DAY1 = "2026-11-19";
const DAY2 = "2026-11-20";

describeOnDatabases(
  "SERM reports over two days of scans",
  (h) => {
    let server: TSerpApiServer | undefined;
    afterAll(async () => {
      await server?.close();
    });
    let admin: TestClient;
    let base = "";
    let brandId = "";
    const ids: Record<string, string> = {};

    /** Day 1 as the fixtures are; day 2 the Yandex page reversed and the «обман» search failing. */
    it("scans two days", async () => {
      let day = 1;
      server = await startSerpApiServer(
        (q) => day === 2 && (q.get("text") ?? "").includes("обман"),
        (page, q) => (day === 2 && q.get("engine") === "yandex" && q.get("p") !== "1" ? { ...page, organic_results: [...(page.organic_results as unknown[])].reverse() } : page),
      );
      ({ admin } = await signUpWorkspace(h()));
      ({ brandId } = await createClientAndBrand(admin, undefined, "Нортвинд Банк"));
      base = `/api/brands/${brandId}/serm`;
      expect(
        (
          await admin.request("PUT", `${base}/settings`, {
            engineProviders: { google: "serpapi", yandex: "serpapi" },
            providerConfigs: { serpapi: { apiKey: SERPAPI_KEY, baseUrl: server.baseUrl, keepHtml: true } },
            providerRateLimits: { serpapi: 6000 },
          })
        ).status,
      ).toBe(200);
      for (const [key, body] of Object.entries({
        google: { text: "northwind bank reviews", engines: ["google"], frequency: 1000, region: { country: "us", lang: "en" } },
        yandex: { text: "нортвинд банк отзывы", engines: ["yandex"], frequency: 4000 },
        scam: { text: "нортвинд банк обман", engines: ["yandex"], frequency: 500 },
      })) {
        ids[key] = (await admin.post<{ query: { id: string } }>(`${base}/queries`, body)).body.query.id;
      }
      for (const [at, n] of [["2026-11-19T09:00:00Z", 1], ["2026-11-20T09:00:00Z", 2]] as const) {
        day = n;
        const scan = await createScan(h().app.db, brandId, { trigger: "schedule", now: new Date(at) });
        if (!scan) throw new Error("no scan");
        await runScan(h().app, scan.id, testScanDeps({ now: () => new Date(at) }));
      }
    });

    it("lists scans and shows the latest in full, coloured, with screenshot addresses", async () => {
      const list = await admin.get<{ scans: { id: string; day: string; status: string }[] }>(`${base}/scans`);
      expect(list.body.scans.map((s) => [s.day, s.status])).toEqual([[DAY2, "partial"], [DAY1, "complete"]]);
      type TItem = { queryId: string; status: string; error: string | null; serpShot: { url: string } | null; serpShotNote: string | null; results: { position: number; colour: TColour; tonalitySource: string | null; pageShot: { url: string } | null }[] };
      const latest = await admin.get<{ scan: { id: string; day: string; items: TItem[] } }>(`${base}/scans/latest`);
      expect(latest.body.scan.day).toBe(DAY2);
      const items = latest.body.scan.items;
      expect(items.find((i) => i.queryId === ids.scam)).toMatchObject({ status: "failed", error: expect.stringContaining("Google hasn't responded"), results: [] });
      const google = items.find((i) => i.queryId === ids.google);
      expect(google?.serpShot?.url).toMatch(new RegExp(`^/api/brands/${brandId}/blobs/[0-9a-f]{64}$`));
      expect(google?.results[0]).toMatchObject({ position: 1, colour: { colour: expect.stringMatching(/^#[0-9a-f]{6}$/) }, pageShot: { url: expect.stringContaining("/blobs/") } });
      expect((await admin.get(`${base}/scans/${latest.body.scan.id}`)).status).toBe(200);
      expect((await admin.get(`${base}/scans/${randomUUID()}`)).status).toBe(404);
      const blob = await admin.get(google?.serpShot?.url ?? "");
      expect(blob.status).toBe(200);
    });

    it("history: positions × days, movements, and a failed day as a gap — never position 0", async () => {
      const res = await admin.get<THistory>(`${base}/history?queryId=${ids.yandex}&engine=yandex&from=2026-11-18&to=${DAY2}`);
      expect(res.status).toBe(200);
      expect(res.body.days.map((d) => d.status)).toEqual(["none", "complete", "complete"]);
      const first = res.body.rows[0]?.cells ?? [];
      expect(first[0]).toBeNull();
      expect(first[1]).toMatchObject({ domain: "banki.ru", previousPosition: null, movement: null });
      // Day 2 reversed the first page: position 10 came up to 1.
      expect(first[2]).toMatchObject({ domain: "dreamjob.ru", previousPosition: 10, movement: 9 });
      expect(res.body.urls.find((u) => u.domain === "otzovik.com")?.positions).toEqual([null, 4, 7]);

      const gap = await admin.get<THistory>(`${base}/history?queryId=${ids.scam}&engine=yandex&from=${DAY1}&to=${DAY2}`);
      expect(gap.body.days.map((d) => d.status)).toEqual(["complete", "failed"]);
      expect(gap.body.days[1]?.error).toContain("Google hasn't responded");
      expect(gap.body.rows.every((row) => row.cells[1] === null)).toBe(true);
      expect(gap.body.rows[0]?.cells[0]).not.toBeNull();

      expect(paths(await admin.get(`${base}/history?engine=yandex`))).toEqual(["queryId"]);
      expect(paths(await admin.get(`${base}/history?queryId=${ids.yandex}&engine=google`))).toEqual(["engine"]);
      expect(paths(await admin.get(`${base}/history?queryId=${ids.yandex}&engine=yandex&from=${DAY2}&to=${DAY1}`))).toEqual(["to"]);
      expect(paths(await admin.get(`${base}/history?queryId=${randomUUID()}&engine=yandex`))).toEqual(["queryId"]);
    });

    it("sites: each domain's best position and colour per day", async () => {
      const res = await admin.get<{ days: { day: string; searched: boolean }[]; sites: { domain: string; cells: ({ bestPosition: number; colour: TColour } | null)[] }[] }>(`${base}/sites?from=${DAY1}&to=${DAY2}&engine=yandex`);
      expect(res.body.days).toEqual([{ day: DAY1, searched: true }, { day: DAY2, searched: true }]);
      const otzovik = res.body.sites.find((s) => s.domain === "otzovik.com");
      expect(otzovik?.cells.map((c) => c?.bestPosition)).toEqual([4, 7]);
      expect(otzovik?.cells[0]?.colour.colour).toMatch(/^#[0-9a-f]{6}$/);
    });

    it("Ex series per day with the indices; a day without a scan is null; explanation adds up", async () => {
      const res = await admin.get<TSeries>(`${base}/ex?from=2026-11-18&to=${DAY2}`);
      expect(res.body.days.map((d) => d.day)).toEqual(["2026-11-18", DAY1, DAY2]);
      expect(res.body.days[0]?.overall).toBeNull();
      const day2 = res.body.days[2];
      expect(day2?.overall?.ex).toEqual(expect.any(Number));
      expect(Object.keys(day2?.engines ?? {}).sort()).toEqual(["google", "yandex"]);
      expect(day2?.queries.find((q) => q.queryId === ids.scam)).toMatchObject({ status: "failed", ex: null });
      expect(res.body.bands).toHaveLength(5);

      const explained = await admin.get<TExplain>(`${base}/ex/${DAY2}`);
      expect(explained.status).toBe(200);
      const total = explained.body.queries.flatMap((q) => q.results).reduce((s, r) => s + r.overallContribution, 0);
      expect(total).toBeCloseTo(explained.body.overall, 1);
      expect(explained.body.overall).toBeCloseTo(day2?.overall?.ex ?? Number.NaN, 1);
      expect(explained.body.gaps).toEqual([expect.objectContaining({ queryId: ids.scam, status: "failed" })]);
      expect(explained.body.weighting.used).toBe("frequency");
      expect((await admin.get(`${base}/ex/2026-02-30`)).status).toBe(400);

      const neg = await admin.get<{ n: number; overall: { negShare: number | null }; queries: { negatives: number; results: { t: number }[] }[] }>(`${base}/negatives?day=${DAY2}&n=5`);
      expect(neg.body.n).toBe(5);
      expect(neg.body.queries.every((q) => q.results.every((r) => r.t <= -20))).toBe(true);
      expect(paths(await admin.get(`${base}/negatives?day=${DAY2}&n=25`))).toEqual(["n"]);
    });

    it("audit: two days side by side, negatives, Ex; CSV export", async () => {
      type TSide = { status: string; ex: number | null; negatives: number; results: { position: number; colour: TColour }[] } | null;
      const res = await admin.get<{ overall: { a: { ex: number }; b: { ex: number } }; rows: { queryId: string; engine: string; a: TSide; b: TSide }[] }>(`${base}/audit?dayA=${DAY1}&dayB=${DAY2}`);
      expect(res.status).toBe(200);
      expect(res.body.rows).toHaveLength(3);
      const scam = res.body.rows.find((r) => r.queryId === ids.scam);
      expect(scam?.a?.status).toBe("complete");
      expect(scam?.b).toMatchObject({ status: "failed", ex: null, results: [] });
      expect(res.body.overall.a.ex).toEqual(expect.any(Number));
      expect(paths(await admin.get(`${base}/audit?dayA=${DAY1}&dayB=${DAY1}`))).toEqual(["dayB"]);

      const csv = await admin.get<string>(`${base}/audit/csv?dayA=${DAY1}&dayB=${DAY2}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get("content-type")).toContain("text/csv");
      const lines = csv.body.split("\r\n");
      const raw = await h().http.request(`${base}/audit/csv?dayA=${DAY1}&dayB=${DAY2}`, { headers: { cookie: admin.cookie ?? "" } });
      expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(lines[0]).toBe(`engine,query,frequency,position,status_${DAY1},ex_${DAY1},negatives_${DAY1},url_${DAY1},domain_${DAY1},title_${DAY1},t_${DAY1},class_${DAY1},source_${DAY1},status_${DAY2},ex_${DAY2},negatives_${DAY2},url_${DAY2},domain_${DAY2},title_${DAY2},t_${DAY2},class_${DAY2},source_${DAY2}`);
      expect(lines.some((l) => l.startsWith("yandex,нортвинд банк обман,500,1,complete,") && l.includes(",failed,"))).toBe(true);
    });

    it("a manual label recolours the URL on every day and moves Ex; a site-table change is recomputed", async () => {
      const before = (await admin.get<TSeries>(`${base}/ex?from=${DAY1}&to=${DAY2}`)).body.days.map((d) => d.engines.yandex?.ex ?? 0);
      const set = await admin.request<{ resultsChanged: number; daysRecomputed: number }>("PUT", `${base}/labels`, { url: "https://dreamjob.ru/employers/northwind-bank", labelClass: "negative" });
      expect(set.body).toMatchObject({ daysRecomputed: 2 });
      expect(set.body.resultsChanged).toBeGreaterThanOrEqual(2);
      const after = (await admin.get<TSeries>(`${base}/ex?from=${DAY1}&to=${DAY2}`)).body.days.map((d) => d.engines.yandex?.ex ?? 0);
      expect(after[0]).toBeLessThan(before[0] ?? 0);
      expect(after[1]).toBeLessThan(before[1] ?? 0);
      const history = await admin.get<THistory>(`${base}/history?queryId=${ids.yandex}&engine=yandex&from=${DAY2}&to=${DAY2}`);
      expect(history.body.rows[0]?.cells[0]).toMatchObject({ domain: "dreamjob.ru", t: -100, colour: { band: "critical" } });

      await admin.request("PUT", `${base}/site-defaults`, { pattern: "otzovik.com", siteClass: "complaint" });
      const { resultsChanged } = await recomputeBrand(h().app, brandId);
      expect(resultsChanged).toBeGreaterThan(0);
      const sites = await admin.get<{ sites: { domain: string; cells: ({ t: number | null } | null)[] }[] }>(`${base}/sites?from=${DAY1}&to=${DAY2}`);
      expect(sites.body.sites.find((s) => s.domain === "otzovik.com")?.cells.map((c) => c?.t)).toEqual([-100, -100]);
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
