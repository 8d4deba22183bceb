import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { bankiRuConfigSchema } from "../../connectors/banki-ru/banki-ru.config.ts";
import { redditConfigSchema } from "../../connectors/reddit/reddit.config.ts";
import { rssConfigSchema } from "../../connectors/rss/rss.config.ts";
import { telegramConfigSchema } from "../../connectors/telegram/telegram.config.ts";
import { vkConfigSchema } from "../../connectors/vk/vk.config.ts";
import { webPageConfigSchema } from "../../connectors/web-page/web-page.config.ts";
import { brands } from "../../db/schema/accounts.ts";
import { mentionRevisions, mentions, sources } from "../../db/schema/monitoring.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { defaultIngestClassifier } from "../ingest/ingest-classifier.ts";
import { DEMO_PROFILES } from "./demo-sources.ts";
import { type TSeedDemoResult, seedDemo } from "./seed-demo.ts";

const DAY = 86_400_000;
const SCHEMAS: Record<string, { safeParse(value: unknown): { success: boolean } }> = {
  vk: vkConfigSchema,
  telegram: telegramConfigSchema,
  rss: rssConfigSchema,
  banki_ru: bankiRuConfigSchema,
  reddit: redditConfigSchema,
  web_page: webPageConfigSchema,
};
/** Permalinks as each platform writes them (before the pipeline canonicalizes them). */
const PERMALINKS: Record<string, RegExp> = {
  vk: /^https:\/\/vk\.com\/wall-?\d+_\d+(\?reply=\d+)?$/,
  telegram: /^https:\/\/t\.me\/[a-z0-9_]{5,32}\/\d+$/,
  banki_ru: /^https:\/\/www\.banki\.ru\/services\/responses\/bank\/response\/\d+\/$/,
  reddit: /^https:\/\/www\.reddit\.com\/r\/\w+\/comments\/[0-9a-z]{7}\/\w+\/([0-9a-z]{7}\/)?$/,
  rss: /^https:\/\/(www\.)?[a-z0-9.-]+\.[a-z]+\/.+/,
  web_page: /^https:\/\/pelmennaya-n1\.ru\/otzyvy\/#review-\d+$/,
};

describeOnDatabases("demo mentions", (h) => {
  let first: TSeedDemoResult;
  const brandIds = new Map<string, string>();

  beforeAll(async () => {
    first = await seedDemo(h().app, { password: "demo-password-123" });
    for (const brand of first.mentions?.brands ?? []) {
      const [row] = await h().app.db.select({ id: brands.id }).from(brands).where(eq(brands.name, brand.brand));
      if (row) brandIds.set(brand.brand, row.id);
    }
  }, 300_000);

  it("adds 2,000–4,000 mentions per brand and says how many", () => {
    expect(first.mentions?.brands.map((b) => b.brand).sort()).toEqual(DEMO_PROFILES.map((p) => p.brand).sort());
    for (const brand of first.mentions?.brands ?? []) {
      expect(brand.total, brand.brand).toBeGreaterThanOrEqual(2000);
      expect(brand.total, brand.brand).toBeLessThanOrEqual(4000);
      expect(brand.added).toBe(brand.total);
    }
    expect(first.mentions?.added).toBe(first.mentions?.total);
  });

  it("spreads them over the last 90 days with a daily rhythm and a spike", async () => {
    const db = h().app.db;
    for (const [brand, brandId] of brandIds) {
      const [span] = await db
        .select({ min: sql<string>`min(${mentions.publishedAt})::text`, max: sql<string>`max(${mentions.publishedAt})::text` })
        .from(mentions)
        .where(eq(mentions.brandId, brandId));
      const min = Date.parse(span?.min ?? "");
      const max = Date.parse(span?.max ?? "");
      expect(max, brand).toBeLessThanOrEqual(Date.now());
      expect(max - min, brand).toBeGreaterThan(85 * DAY);
      expect(max - min, brand).toBeLessThanOrEqual(90 * DAY);
      // Moscow nights are quiet, evenings busy.
      const hours = await db
        .select({ hour: sql<number>`extract(hour from ${mentions.publishedAt} at time zone 'Europe/Moscow')::int`, n: sql<number>`count(*)::int` })
        .from(mentions)
        .where(eq(mentions.brandId, brandId))
        .groupBy(sql`1`);
      const at = (from: number, to: number) => hours.filter((r) => r.hour >= from && r.hour <= to).reduce((sum, r) => sum + r.n, 0);
      expect(at(19, 21), brand).toBeGreaterThan(3 * at(2, 4));
    }
    const bank = brandIds.get("Northwind Bank") ?? "";
    const days = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(mentions)
      .where(eq(mentions.brandId, bank))
      .groupBy(sql`date_trunc('day', ${mentions.publishedAt} at time zone 'Europe/Moscow')`);
    const counts = days.map((d) => d.n).sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts[counts.length - 1], "the outage day").toBeGreaterThan(4 * median);
  });

  it("stores the press release reprinted by 15 news sites as one copy cluster", async () => {
    const rows = await h()
      .app.db.select({ clusterId: mentions.clusterId, site: mentions.site })
      .from(mentions)
      .where(and(eq(mentions.brandId, brandIds.get("Northwind Bank") ?? ""), eq(mentions.sourceKind, "rss"), sql`${mentions.text} like ${"%объявляет о запуске нового вклада%"}`));
    expect(rows).toHaveLength(15);
    expect(new Set(rows.map((r) => r.site)).size).toBe(15);
    expect(new Set(rows.map((r) => r.clusterId)).size).toBe(1);
  });

  it("keeps the first version of edited mentions as a revision", async () => {
    const ids = [...brandIds.values()];
    const edited = await h()
      .app.db.select({ text: mentions.text, before: mentionRevisions.text, revision: mentions.revision })
      .from(mentionRevisions)
      .innerJoin(mentions, eq(mentions.id, mentionRevisions.mentionId))
      .where(inArray(mentions.brandId, ids));
    expect(edited.length).toBeGreaterThan(30);
    for (const row of edited) {
      expect(row.revision).toBe(2);
      expect(row.text.startsWith(row.before)).toBe(true);
    }
  });

  it("matches every rule group, keeps exclusions and unmatched items only from the brands' own places", async () => {
    const db = h().app.db;
    for (const [brand, brandId] of brandIds) {
      const groups = await db
        .select({ group: sql<string>`g`, n: sql<number>`count(*)::int` })
        .from(sql`${mentions}, unnest(${mentions.matchedGroups}) as g`)
        .where(eq(mentions.brandId, brandId))
        .groupBy(sql`g`);
      expect(groups.map((g) => g.group).sort(), brand).toEqual(["brand", "competitors", "employer", "exclusions", "persons", "products"]);
      const offPlace = await db
        .select({ matched: mentions.matched, groups: mentions.matchedGroups })
        .from(mentions)
        .innerJoin(sources, eq(sources.id, mentions.sourceId))
        .where(and(eq(mentions.brandId, brandId), eq(sources.ownPlace, false)));
      expect(offPlace.length, brand).toBeGreaterThan(500);
      expect(offPlace.every((m) => m.matched && !m.groups.includes("exclusions")), brand).toBe(true);
      const [own] = await db
        .select({ unmatched: sql<number>`count(*) filter (where not ${mentions.matched})::int`, replies: sql<number>`count(${mentions.ownerReply})::int` })
        .from(mentions)
        .innerJoin(sources, eq(sources.id, mentions.sourceId))
        .where(and(eq(mentions.brandId, brandId), eq(sources.ownPlace, true)));
      expect(own?.unmatched, brand).toBeGreaterThan(100);
      expect(own?.replies, brand).toBeGreaterThan(100);
    }
  });

  it("writes mostly Russian with some English, in each platform's permalink format", async () => {
    const rows = await h()
      .app.db.select({ sourceKind: mentions.sourceKind, lang: mentions.lang, url: sql<string>`coalesce(${mentions.originalUrl}, ${mentions.url})` })
      .from(mentions)
      .where(inArray(mentions.brandId, [...brandIds.values()]));
    const english = rows.filter((r) => r.lang === "en").length;
    expect(english).toBeGreaterThan(100);
    expect(english).toBeLessThan(rows.length * 0.1);
    for (const row of rows) expect(row.url, row.sourceKind).toMatch(PERMALINKS[row.sourceKind] ?? /^$/);
  });

  it("rates reviews across the whole scale; labels sentiment when a model is wired", async () => {
    const db = h().app.db;
    const ratings = await db
      .selectDistinct({ sourceKind: mentions.sourceKind, rating: mentions.ratingValue })
      .from(mentions)
      .where(and(inArray(mentions.brandId, [...brandIds.values()]), sql`${mentions.ratingValue} is not null`));
    for (const kind of ["banki_ru", "web_page"]) {
      expect(ratings.filter((r) => r.sourceKind === kind).map((r) => r.rating).sort(), kind).toEqual([1, 2, 3, 4, 5]);
    }
    const labels = await db
      .selectDistinct({ sentiment: mentions.sentiment })
      .from(mentions)
      .where(inArray(mentions.brandId, [...brandIds.values()]));
    const classifier = await defaultIngestClassifier();
    // Until the model lands the pipeline stores no label at all, rated or not.
    if (classifier.id === "none") expect(labels.map((l) => l.sentiment)).toEqual([null]);
    else {
      expect(labels.map((l) => l.sentiment).filter(Boolean).sort()).toEqual(["negative", "neutral", "positive"]);
      // The ends of a rating scale decide the label themselves.
      const rated = await db
        .selectDistinct({ sentiment: mentions.sentiment, origin: mentions.sentimentOrigin })
        .from(mentions)
        .where(and(inArray(mentions.brandId, [...brandIds.values()]), sql`${mentions.ratingValue} <= 2`));
      expect(rated).toEqual([{ sentiment: "negative", origin: "rating" }]);
    }
  });

  it("creates paused sources with valid configs and plausible health, one of them failing", async () => {
    const db = h().app.db;
    const rows = await db.select().from(sources).where(inArray(sources.brandId, [...brandIds.values()]));
    expect(rows).toHaveLength(DEMO_PROFILES.reduce((n, p) => n + p.sources.length, 0));
    const counts = await db
      .select({ sourceId: mentions.sourceId, n: sql<number>`count(*)::int` })
      .from(mentions)
      .where(inArray(mentions.brandId, [...brandIds.values()]))
      .groupBy(mentions.sourceId);
    for (const source of rows) {
      expect(source.status, source.name).toBe("paused");
      expect(SCHEMAS[source.connector]?.safeParse(source.config).success, source.name).toBe(true);
      expect(source.itemsCollected, source.name).toBe(counts.find((c) => c.sourceId === source.id)?.n);
      expect(source.itemsCollected, source.name).toBeGreaterThan(5);
      expect(source.lastItemAt, source.name).not.toBeNull();
      expect(source.lastSuccessAt, source.name).not.toBeNull();
      expect((source.lastItemAt?.getTime() ?? 0) <= (source.lastRunAt?.getTime() ?? 0), `${source.name}: nothing newer than its last run`).toBe(true);
    }
    const failing = rows.filter((s) => s.consecutiveFailures > 0);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      connector: "vk",
      consecutiveFailures: 3,
      lastError: "VK: User authorization failed: access_token has expired (code 5)",
      lastErrorKind: "auth",
    });
    expect((failing[0]?.lastSuccessAt?.getTime() ?? 0) < (failing[0]?.lastRunAt?.getTime() ?? 0)).toBe(true);
  });

  it("adds nothing on a second run", async () => {
    const db = h().app.db;
    const revisions = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(mentionRevisions))[0]?.n;
    const before = await revisions();
    const again = await seedDemo(h().app, { password: "demo-password-123" });
    expect(again.mentions?.added).toBe(0);
    expect(again.mentions?.total).toBe(first.mentions?.total);
    expect(await revisions()).toBe(before);
  }, 120_000);
});
