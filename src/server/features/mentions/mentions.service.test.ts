import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import type { TConnectorItem } from "../../connectors/connector.ts";
import { type TIngestTarget, ingestBatch } from "../ingest/ingest-batch.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { brandMentions } from "../ingest/queries.ts";
import { insertRule } from "../semantic-core/queries.ts";
import { insertSource } from "../sources/queries.ts";
import { listMentions } from "./list-mentions.ts";
import { mentionFacets } from "./mention-facets.ts";
import type { TestClient } from "../../test/client.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { type THarness, describeOnDatabases } from "../../test/harness.ts";
import { item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const day = (d: number, minute = 0) => new Date(Date.UTC(2026, 10, d, 12, minute)).toISOString();
const COPY_TEXT =
  "Оформил вклад в Нортвинд Банке, менеджер всё объяснил, проценты начислили вовремя, приложение удобное, рекомендую всем знакомым";

type TItem = {
  id: string;
  text: string;
  title: string | null;
  sourceKind: string;
  sourceName: string | null;
  site: string | null;
  publishedAt: string;
  lang: string | null;
  status: string;
  tags: string[];
  clusterId: string;
  copies: number | null;
  matched: boolean;
  matchedGroups: string[];
  sentiment: { label: string; origin: string | null; confidence: number | null } | null;
  searchHighlights: { field: string; start: number; end: number }[];
  matches: { group: string; highlights: { field: string; start: number; end: number }[] }[];
};
type TPage = { items: TItem[]; total: number; totalIsExact: boolean; nextCursor: string | null };
type TErr = { error: { code: string; fields?: { path: string; message: string }[] } };

async function ingest(h: THarness, brandId: string, kind: string, items: TConnectorItem[], sourceId: string | null = null) {
  const target: TIngestTarget = { brandId, sourceId, origin: "connector", keepUnmatched: true, connectorVersion: "test@1" };
  return h.app.db.transaction(async (tx) =>
    ingestBatch(tx, target, items.map((i) => normalizeItem(kind, i, NOW)), { matcher: await brandMatcher(tx, brandId), classifier: keywordTestClassifier, now: NOW }),
  );
}

/** A workspace with one brand, its semantic core and a small, varied feed. */
async function feedWorld(h: THarness) {
  const { admin } = await signUpWorkspace(h);
  const { brandId, clientId } = await createClientAndBrand(admin, "Client", "Нортвинд");
  await insertRule(h.app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд* OR northwind" });
  await insertRule(h.app.db, { brandId, group: "competitors", name: "ЮжБанк", query: "южбанк*" });
  const source = await insertSource(h.app.db, { brandId, connector: "rss", name: "Лента новостей", config: {}, ownPlace: false, intervalMinutes: 60 });
  await ingest(h, brandId, "vk", [
    item({ externalId: "neg", text: "Нортвинд: доставка карты заняла неделю, ужас", url: "https://vk.com/wall-1_1", publishedAt: day(1), lang: "ru" }),
    item({ externalId: "pos", text: "Курьер Нортвинд привёз карту, доставки быстрее не бывает, отлично", url: "https://vk.com/wall-1_2", publishedAt: day(2), lang: "ru" }),
  ]);
  await ingest(
    h,
    brandId,
    "rss",
    [
      item({ kind: "article", externalId: "en1", title: "Northwind Bank delivered a new app", text: "The Northwind app was delivered to customers yesterday.", url: "https://news.example.com/a/1", publishedAt: day(3), lang: "en" }),
      item({ kind: "article", externalId: "en2", text: "Northwind delivery is slow this month", url: "https://blog.example.org/p/2", publishedAt: day(4), lang: "en" }),
    ],
    source.id,
  );
  await ingest(h, brandId, "telegram", [item({ externalId: "comp", text: "Нортвинд и ЮжБанк: сравнение вкладов", url: "https://t.me/finance/5", publishedAt: day(5), lang: "ru" })]);
  await ingest(h, brandId, "banki_ru", [
    item({ kind: "review", externalId: "rev", text: "Отличный банк Нортвинд, быстрая доставка карты курьером", url: "https://www.banki.ru/r/6", publishedAt: day(6), rating: { value: 5, scale: 5 }, lang: "ru" }),
    item({ kind: "review", externalId: "weather", text: "Погода сегодня хорошая, гуляем", url: "https://www.banki.ru/r/7", publishedAt: day(7), lang: "ru" }),
  ]);
  await ingest(h, brandId, "vk", [
    item({ externalId: "copy1", text: COPY_TEXT, url: "https://vk.com/wall-2_1", publishedAt: day(8) }),
    item({ externalId: "copy2", text: `${COPY_TEXT}!!!`, url: "https://vk.com/wall-2_2", publishedAt: day(9) }),
    item({ externalId: "copy3", text: COPY_TEXT.replace("удобное", "очень удобное"), url: "https://vk.com/wall-2_3", publishedAt: day(10) }),
  ]);
  const rows = await brandMentions(h.app.db, brandId);
  const idOf = Object.fromEntries(rows.map((r) => [r.externalId, r.id])) as Record<string, string>;
  const feed = (query = "") => admin.get<TPage>(`/api/brands/${brandId}/mentions${query ? `?${query}` : ""}`);
  return { admin, brandId, clientId, sourceId: source.id, idOf, feed };
}

const externalIds = (page: TPage, idOf: Record<string, string>) => {
  const byId = new Map(Object.entries(idOf).map(([ext, id]) => [id, ext]));
  return page.items.map((m) => byId.get(m.id));
};

describeOnDatabases("mention feed", (h) => {
  it("lists newest first and pages by cursor without gaps or repeats, ties on the same instant included", async () => {
    const { admin } = await signUpWorkspace(h());
    const { brandId } = await createClientAndBrand(admin);
    await insertRule(h().app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд*" });
    // 57 mentions over 19 instants: three share each publication time, so the id breaks ties.
    const items = Array.from({ length: 57 }, (_, i) => item({ externalId: `p${i}`, text: `Нортвинд пост ${i} про вклады ${i * 7}`, publishedAt: day(1 + (i % 19)) }));
    await ingest(h(), brandId, "vk", items);
    const expected = (await brandMentions(h().app.db, brandId))
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);

    const scroll = async (folded: string, arrivesMidway: boolean) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: TPage } = await admin.get<TPage>(
          `/api/brands/${brandId}/mentions?limit=10&folded=${folded}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        expect(res.status).toBe(200);
        if (pages === 0) expect(res.body).toMatchObject({ total: expected.length + (arrivesMidway ? 0 : 1), totalIsExact: true });
        seen.push(...res.body.items.map((m) => m.id));
        cursor = res.body.nextCursor;
        pages++;
        // A mention arriving mid-scroll lands above the cursor and shifts nothing below it.
        if (pages === 2 && arrivesMidway) await ingest(h(), brandId, "vk", [item({ externalId: "late", text: "Нортвинд новый пост", publishedAt: day(25) })]);
      } while (cursor);
      return { seen, pages };
    };
    expect(await scroll("true", true)).toEqual({ seen: expected, pages: 6 });
    const late = (await brandMentions(h().app.db, brandId)).find((r) => r.externalId === "late")?.id;
    expect(await scroll("false", false)).toEqual({ seen: [late, ...expected], pages: 6 });
    // Beyond the count cap pages come from walking the date index: the same order, the same keys.
    for (const folded of [true, false]) {
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMentions(h().app.db, { filter: { brandId, search: null }, folded, limit: 7, cursor, countCap: 5 });
        expect(page).toMatchObject({ total: 5, totalIsExact: false });
        walked.push(...page.items.map((m) => m.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(walked).toEqual([late, ...expected]);
    }
    const bad = await admin.get<TErr>(`/api/brands/${brandId}/mentions?cursor=bm90IGEgY3Vyc29y`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.path).toBe("cursor");
  });

  it("filters by period, source kind, source, site, sentiment, rule group, language, status and match", async () => {
    const { idOf, feed, sourceId } = await feedWorld(h());
    const ids = async (query: string) => {
      const res = await feed(query);
      expect(res.status, query).toBe(200);
      return externalIds(res.body, idOf).sort();
    };
    expect(await ids("folded=false")).toEqual(["comp", "copy1", "copy2", "copy3", "en1", "en2", "neg", "pos", "rev", "weather"]);
    expect(await ids("folded=false&from=2026-11-03&to=2026-11-05")).toEqual(["comp", "en1", "en2"]);
    expect(await ids(`folded=false&from=${encodeURIComponent(day(3, 1))}&to=${encodeURIComponent(day(5))}`)).toEqual(["comp", "en2"]);
    expect(await ids("source=rss,telegram")).toEqual(["comp", "en1", "en2"]);
    expect(await ids("source=rss&source=banki_ru")).toEqual(["en1", "en2", "rev", "weather"]);
    expect(await ids(`sourceId=${sourceId}`)).toEqual(["en1", "en2"]);
    expect((await feed(`sourceId=${sourceId}`)).body.items[0]?.sourceName).toBe("Лента новостей");
    expect(await ids("site=banki.ru")).toEqual(["rev", "weather"]);
    expect(await ids("sentiment=negative")).toEqual(["neg"]);
    expect(await ids("sentiment=positive,negative")).toEqual(["neg", "pos", "rev"]);
    expect(await ids("group=competitors")).toEqual(["comp"]);
    expect(await ids("lang=en")).toEqual(["en1", "en2"]);
    expect(await ids("matched=false")).toEqual(["weather"]);
    expect(await ids("matched=true&source=banki_ru")).toEqual(["rev"]);
  });

  it("hides irrelevant mentions unless asked for them, and labels nothing when the model gave no label", async () => {
    const { admin, brandId, idOf, feed } = await feedWorld(h());
    const marked = await admin.post<{ updated: number }>(`/api/brands/${brandId}/mentions/bulk`, { ids: [idOf.weather, idOf.comp], action: "set_status", status: "irrelevant" });
    expect(marked.body).toEqual({ updated: 2 });
    await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [idOf.neg], action: "set_status", status: "read" });
    expect(externalIds((await feed("source=telegram,banki_ru")).body, idOf).sort()).toEqual(["rev"]);
    expect(externalIds((await feed("status=irrelevant")).body, idOf).sort()).toEqual(["comp", "weather"]);
    expect(externalIds((await feed("status=read,irrelevant")).body, idOf).sort()).toEqual(["comp", "neg", "weather"]);
    // The test classifier labels everything; an unlabelled row is one stored without a verdict.
    const other = await createClientAndBrand(admin);
    await h().app.db.transaction(async (tx) =>
      ingestBatch(tx, { brandId: other.brandId, sourceId: null, origin: "import", keepUnmatched: true, connectorVersion: null }, [normalizeItem("other", item({ text: "Без оценки" }), NOW)], {
        matcher: await brandMatcher(tx, other.brandId),
        classifier: { id: "none", version: "0", classifyBatch: async () => [] },
        now: NOW,
      }),
    );
    const unlabelled = await admin.get<TPage>(`/api/brands/${other.brandId}/mentions?sentiment=unlabelled`);
    expect(unlabelled.body.items).toHaveLength(1);
    expect(unlabelled.body.items[0]?.sentiment).toBeNull();
    expect((await admin.get<TPage>(`/api/brands/${other.brandId}/mentions?sentiment=neutral`)).body.items).toHaveLength(0);
  });

  it("searches Russian and English by prefix and word form, with phrases, exclusions and OR, and marks the hits", async () => {
    const { idOf, feed } = await feedWorld(h());
    const found = async (q: string) => {
      const res = await feed(`q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      return externalIds(res.body, idOf).sort();
    };
    expect(await found("доставк")).toEqual(["neg", "pos", "rev"]);
    expect(await found("доставка")).toEqual(["neg", "pos", "rev"]); // доставки too: the same stem
    expect(await found("ДОСТАВКИ карт")).toEqual(["neg", "pos", "rev"]);
    expect(await found("deliver")).toEqual(["en1", "en2"]); // delivered, delivery
    expect(await found("delivered")).toEqual(["en1", "en2"]); // stems to deliv
    expect(await found('"быстрая доставка"')).toEqual(["rev"]);
    expect(await found('"быстрой доставки"')).toEqual(["rev"]);
    expect(await found("доставк -ужас")).toEqual(["pos", "rev"]);
    expect(await found('доставк -"доставка карты"')).toEqual(["pos"]);
    expect(await found("южбанк OR delivered")).toEqual(["comp", "en1", "en2"]);
    expect(await found("нортвинд южбанк")).toEqual(["comp"]);
    expect(await found("приложен")).toEqual(["copy1"]); // folded: one row for the cluster
    expect(await found("несуществующееслово")).toEqual([]);
    for (const hostile of ["a & b | !c :* <->", "'); drop table mentions; --", '"', "-", "&&&", "\\", "OR"]) {
      const res = await feed(`q=${encodeURIComponent(hostile)}`);
      expect(res.status, hostile).toBe(200);
    }
    expect((await feed(`q=${encodeURIComponent("&&&")}`)).body.total).toBe(8); // no words: no search (10 rows, 3 copies folded)

    const hit = (await feed(`q=${encodeURIComponent("доставк")}`)).body.items.find((m) => m.id === idOf.neg);
    expect(hit?.searchHighlights.map((h) => hit.text.slice(h.start, h.end))).toEqual(["доставка"]);
    expect(hit?.matches[0]).toMatchObject({ group: "brand", highlights: [{ field: "text", start: 0, end: 8 }] });
    const title = (await feed("q=deliver")).body.items.find((m) => m.id === idOf.en1);
    expect(title?.searchHighlights.filter((h) => h.field === "title").map((h) => title.title?.slice(h.start, h.end))).toEqual(["delivered"]);
  });

  it("folds copies into one row with their count; unfolded shows every copy", async () => {
    const { admin, brandId, idOf, feed } = await feedWorld(h());
    const folded = await feed("source=vk");
    const unfolded = await feed("source=vk&folded=false");
    expect(unfolded.body.total).toBe(5);
    expect(folded.body.total).toBe(3);
    const cluster = folded.body.items.find((m) => m.clusterId === idOf.copy1);
    expect(cluster).toMatchObject({ id: idOf.copy1, copies: 2 });
    expect(folded.body.items.find((m) => m.id === idOf.neg)?.copies).toBe(0);
    expect(unfolded.body.items.every((m) => m.copies === null)).toBe(true);
    const walked = await listMentions(h().app.db, { filter: { brandId, search: null, sourceKinds: ["vk"] }, folded: true, limit: 50, countCap: 1 });
    expect(walked.items.map((m) => [m.id, m.copies])).toEqual(folded.body.items.map((m) => [m.id, m.copies]));
    // The original hidden by the filter: the earliest copy left stands for the cluster.
    await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [idOf.copy1], action: "set_status", status: "irrelevant" });
    const after = await feed("source=vk");
    expect(after.body.total).toBe(3);
    expect(after.body.items.find((m) => m.clusterId === idOf.copy1)).toMatchObject({ id: idOf.copy2, copies: 1 });
    const period = await feed(`source=vk&from=${day(10)}&status=new,irrelevant`);
    expect(period.body.items.map((m) => [m.id, m.copies])).toEqual([[idOf.copy3, 0]]);
  });

  it("shows one mention with its earlier texts and its copies; another brand's mention is not found", async () => {
    const { admin, brandId, idOf } = await feedWorld(h());
    await ingest(h(), brandId, "vk", [item({ externalId: "neg", text: "Нортвинд: доставка карты заняла неделю, ужас. UPD: карту привезли", url: "https://vk.com/wall-1_1", publishedAt: day(1), updatedAt: day(3) })]);
    type TDetail = {
      mention: { id: string; text: string; revision: number; copies: number; externalId: string };
      revisions: { revision: number; text: string }[];
      copies: { id: string }[];
      copiesTotal: number;
    };
    const detail = await admin.get<TDetail>(`/api/brands/${brandId}/mentions/${idOf.neg}`);
    expect(detail.status).toBe(200);
    expect(detail.body.mention).toMatchObject({ id: idOf.neg, revision: 2, externalId: "neg", copies: 0 });
    expect(detail.body.mention.text).toContain("UPD");
    expect(detail.body.revisions).toEqual([expect.objectContaining({ revision: 1, text: "Нортвинд: доставка карты заняла неделю, ужас" })]);
    const copy = await admin.get<TDetail>(`/api/brands/${brandId}/mentions/${idOf.copy2}`);
    expect(copy.body.copies.map((c) => c.id)).toEqual([idOf.copy1, idOf.copy3]);
    expect(copy.body.copiesTotal).toBe(2);

    const other = await createClientAndBrand(admin);
    expect((await admin.get(`/api/brands/${other.brandId}/mentions/${idOf.neg}`)).status).toBe(404);
    expect((await admin.get(`/api/brands/${brandId}/mentions/${randomUUID()}`)).status).toBe(404);
    expect((await admin.get<TErr>(`/api/brands/${brandId}/mentions/not-an-id`)).body.error.fields?.[0]?.path).toBe("mentionId");
  });

  it("counts per source, sentiment, group, language and status, each without its own filter", async () => {
    const { feed, admin, brandId, sourceId } = await feedWorld(h());
    type TFacets = Record<string, { value: string; label: string | null; count: number }[]>;
    const facets = await admin.get<TFacets>(`/api/brands/${brandId}/mentions/facets?source=vk`);
    expect(facets.status).toBe(200);
    const asMap = (list: TFacets[string] | undefined) => Object.fromEntries((list ?? []).map((f) => [f.value, f.count]));
    expect(asMap(facets.body.sourceKind)).toEqual({ vk: 5, rss: 2, banki_ru: 2, telegram: 1 });
    expect(asMap(facets.body.sentiment)).toEqual({ negative: 1, positive: 1, neutral: 3 });
    expect(asMap(facets.body.group)).toEqual({ brand: 5 });
    expect(asMap(facets.body.status)).toEqual({ new: 5 });
    expect(asMap(facets.body.site)).toEqual({ "vk.com": 5 });
    const all = await admin.get<TFacets>(`/api/brands/${brandId}/mentions/facets`);
    expect(all.body.sourceId).toEqual([{ value: sourceId, label: "Лента новостей", count: 2 }]);
    expect(asMap(all.body.lang)).toMatchObject({ en: 2 });
    expect(all.body).toMatchObject({ scanned: 10, capped: false });
    const capped = await mentionFacets(h().app.db, { brandId, search: null }, 4);
    expect(capped).toMatchObject({ scanned: 4, capped: true });
    expect(capped.status.reduce((n, f) => n + f.count, 0)).toBe(4);
    const searched = await admin.get<TFacets>(`/api/brands/${brandId}/mentions/facets?q=${encodeURIComponent("доставк")}&sentiment=negative`);
    expect(asMap(searched.body.sentiment)).toEqual({ negative: 1, positive: 2 });
    expect(asMap(searched.body.sourceKind)).toEqual({ vk: 1 });
    expect((await feed("")).status).toBe(200);
  });
});

describeOnDatabases("mention bulk actions", (h) => {
  it("lets agency roles label, tag and triage; client roles get 403; other brands' ids are never touched", async () => {
    const { admin, brandId, clientId, idOf, feed } = await feedWorld(h());
    const specialist = await inviteUser(h(), admin, "specialist", { clientId });
    const viewer = await inviteUser(h(), admin, "client_viewer", { brandId });
    const approver = await inviteUser(h(), admin, "client_approver", { brandId });
    const other = await createClientAndBrand(admin);
    await ingest(h(), other.brandId, "vk", [item({ externalId: "foreign", text: "Чужой бренд, ужас" })]);
    const [foreign] = await brandMentions(h().app.db, other.brandId);
    const bulk = (who: TestClient, body: unknown) => who.post<{ updated: number } & TErr>(`/api/brands/${brandId}/mentions/bulk`, body);

    const labelled = await bulk(specialist.client, { ids: [idOf.neg, idOf.pos, foreign?.id, randomUUID()], action: "set_sentiment", sentiment: "neutral" });
    expect(labelled.status).toBe(200);
    expect(labelled.body).toEqual({ updated: 2 });
    const rows = await brandMentions(h().app.db, brandId);
    const neg = rows.find((r) => r.id === idOf.neg);
    expect(neg).toMatchObject({ sentiment: "neutral", sentimentOrigin: "specialist", sentimentConfidence: 1 });
    expect(neg?.sentimentBy).toBeTruthy();
    expect(neg?.sentimentAt).toBeInstanceOf(Date);
    const [foreignAfter] = await brandMentions(h().app.db, other.brandId);
    expect(foreignAfter).toMatchObject({ sentiment: "negative", sentimentOrigin: "model" });
    expect((await feed("sentiment=neutral")).body.items.find((m) => m.id === idOf.neg)?.sentiment).toMatchObject({ label: "neutral", origin: "specialist" });

    expect((await bulk(admin, { ids: [idOf.neg, idOf.rev], action: "add_tag", tag: "  доставка " })).body).toEqual({ updated: 2 });
    expect((await bulk(admin, { ids: [idOf.neg], action: "add_tag", tag: "доставка" })).body).toEqual({ updated: 1 });
    expect((await bulk(admin, { ids: [idOf.neg], action: "add_tag", tag: "срочно" })).body).toEqual({ updated: 1 });
    let tagged = (await feed()).body.items;
    expect(tagged.find((m) => m.id === idOf.neg)?.tags).toEqual(["доставка", "срочно"]);
    expect((await bulk(admin, { ids: [idOf.neg, idOf.rev], action: "remove_tag", tag: "доставка" })).body).toEqual({ updated: 2 });
    tagged = (await feed()).body.items;
    expect(tagged.find((m) => m.id === idOf.neg)?.tags).toEqual(["срочно"]);
    expect(tagged.find((m) => m.id === idOf.rev)?.tags).toEqual([]);

    for (const who of [viewer.client, approver.client]) {
      const refused = await bulk(who, { ids: [idOf.neg], action: "set_status", status: "irrelevant" });
      expect(refused.status).toBe(403);
      // Reading is for everyone who sees the brand.
      expect((await who.get(`/api/brands/${brandId}/mentions`)).status).toBe(200);
    }
    expect((await feed("status=irrelevant")).body.items).toHaveLength(0);

    type TAudit = { entries: { action: string; actor: { email: string } | null; details: Record<string, unknown> }[] };
    const audit = await admin.get<TAudit>(`/api/brands/${brandId}/audit?action=mentions.`);
    const actions = audit.body.entries.map((e) => e.action);
    expect(actions.filter((a) => a === "mentions.bulk_set_sentiment")).toHaveLength(1);
    expect(actions.filter((a) => a === "mentions.bulk_add_tag")).toHaveLength(3);
    expect(actions).not.toContain("mentions.bulk_set_status");
    const entry = audit.body.entries.find((e) => e.action === "mentions.bulk_set_sentiment");
    expect(entry).toMatchObject({ actor: { email: specialist.email }, details: { count: 2, sentiment: "neutral" } });
    expect([...((entry?.details.ids as string[]) ?? [])].sort()).toEqual([idOf.neg, idOf.pos].sort());
  });

  it("validates the request and names the bad field", async () => {
    const { admin, brandId, idOf } = await feedWorld(h());
    const bulk = (body: unknown) => admin.post<TErr>(`/api/brands/${brandId}/mentions/bulk`, body);
    const field = async (body: unknown) => {
      const res = await bulk(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      return res.body.error.fields?.map((f) => f.path);
    };
    expect(await field({ ids: [idOf.neg], action: "delete_all" })).toEqual(["action"]);
    expect(await field({ ids: [idOf.neg], action: "set_sentiment" })).toEqual(["sentiment"]);
    expect(await field({ ids: [idOf.neg], action: "set_sentiment", sentiment: "angry" })).toEqual(["sentiment"]);
    expect(await field({ ids: [], action: "set_status", status: "read" })).toEqual(["ids"]);
    expect(await field({ ids: ["nope"], action: "set_status", status: "read" })).toEqual(["ids.0"]);
    expect(await field({ ids: Array.from({ length: 501 }, () => randomUUID()), action: "set_status", status: "read" })).toEqual(["ids"]);
    expect(await field({ ids: [idOf.neg], action: "add_tag", tag: "   " })).toEqual(["tag"]);
    expect(await field({ ids: [idOf.neg], action: "add_tag", tag: "x".repeat(51) })).toEqual(["tag"]);
    expect(await field({ ids: [idOf.neg], action: "add_tag", tag: "ok", sentiment: "positive" })).toEqual(["sentiment"]);
    const feedField = async (query: string) => (await admin.get<TErr>(`/api/brands/${brandId}/mentions?${query}`)).body.error.fields?.[0]?.path;
    expect(await feedField("limit=101")).toBe("limit");
    expect(await feedField("from=yesterday")).toBe("from");
    expect(await feedField("sentiment=positive,furious")).toBe("sentiment.1");
    expect(await feedField("status=deleted")).toBe("status.0");
    expect(await feedField("group=friends")).toBe("group.0");
    expect(await feedField("sourceId=1")).toBe("sourceId.0");
    expect(await feedField("folded=maybe")).toBe("folded");
    expect(await feedField(`q=${"x".repeat(501)}`)).toBe("q");
  });
});
