import { expect, it } from "vitest";
import { insertRule } from "../semantic-core/queries.ts";
import { createBrandRow, item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { createBrandMatcher } from "./brand-matcher.ts";
import { type TIngestTarget, ingestBatch } from "./ingest-batch.ts";
import { brandMatcher } from "./matcher-cache.ts";
import { normalizeItem } from "./normalize-item.ts";
import { brandMentions, mentionHistory } from "./queries.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const REVIEW = "Оформил вклад в Нортвинд Банке, менеджер всё объяснил, проценты начислили вовремя, приложение удобное";

describeOnDatabases("ingest pipeline", (h) => {
  async function setup(keepUnmatched = false) {
    const { brandId } = await createBrandRow(h().app.db, `Нортвинд ${Math.random().toString(36).slice(2, 6)}`);
    await insertRule(h().app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд* OR northwind" });
    await insertRule(h().app.db, { brandId, group: "exclusions", name: "Ветер", query: '"северный ветер"' });
    const target: TIngestTarget = { brandId, sourceId: null, origin: "connector", keepUnmatched, connectorVersion: "test@1" };
    const run = async (items: ReturnType<typeof item>[], kind = "vk") =>
      h().app.db.transaction(async (tx) =>
        ingestBatch(tx, target, items.map((i) => normalizeItem(kind, i, NOW)), { matcher: await brandMatcher(tx, brandId), classifier: keywordTestClassifier, now: NOW }),
      );
    return { brandId, run };
  }

  it("stores matching items once, drops the rest of a keyword source, records the rule hits", async () => {
    const { brandId, run } = await setup();
    const first = await run([
      item({ externalId: "1", text: "Нортвинд Банк — отлично работает поддержка" }),
      item({ externalId: "2", text: "Погода сегодня хорошая" }),
      item({ externalId: "3", text: "Нортвинд и северный ветер: статья о погоде" }),
    ]);
    expect(first.stats).toMatchObject({ received: 3, inserted: 1, dropped: 2 });
    const again = await run([item({ externalId: "1", text: "Нортвинд Банк — отлично работает поддержка" })]);
    expect(again.stats).toMatchObject({ inserted: 0, unchanged: 1 });
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.matchedGroups).toEqual(["brand"]);
    expect(row?.matches[0]?.highlights[0]).toEqual({ field: "text", start: 0, end: 8 });
    expect(row?.sentiment).toBe("positive");
    expect(row?.lang).toBe("ru");
    expect(row?.clusterId).toBe(row?.id);
  });

  it("keeps unmatched items of the brand's own places with the match recorded as false", async () => {
    const { brandId, run } = await setup(true);
    await run([item({ externalId: "own-1", kind: "review", text: "Ужас, а не обслуживание", rating: { value: 1, scale: 5 } })], "banki_ru");
    const [row] = await brandMentions(h().app.db, brandId);
    expect(row).toMatchObject({ matched: false, sentiment: "negative", sentimentOrigin: "rating", ratingValue: 1, ratingScale: 5 });
  });

  it("updates an edited item in place and keeps its previous text as a revision", async () => {
    const { brandId, run } = await setup();
    await run([item({ externalId: "e1", text: "Нортвинд: первая версия отзыва" })]);
    const edit = await run([item({ externalId: "e1", text: "Нортвинд: ужас, исправленная версия", updatedAt: "2026-11-02T10:00:00Z" })]);
    expect(edit.stats).toMatchObject({ inserted: 0, updated: 1 });
    const [row] = await brandMentions(h().app.db, brandId);
    expect(row).toMatchObject({ text: "Нортвинд: ужас, исправленная версия", revision: 2, sentiment: "negative" });
    const history = await mentionHistory(h().app.db, row?.id ?? "");
    expect(history.map((r) => [r.revision, r.text])).toEqual([[1, "Нортвинд: первая версия отзыва"]]);
  });

  it("groups copies of one text into a cluster and skips a second source's copy of the same post URL", async () => {
    const { brandId, run } = await setup();
    const result = await run([
      item({ externalId: "c1", text: REVIEW, url: "https://site-a.example/r/1" }),
      item({ externalId: "c2", text: `${REVIEW}!!!`, url: "https://site-b.example/r/2" }),
      item({ externalId: "c3", text: REVIEW.replace("удобное", "очень удобное"), url: "https://site-c.example/r/3" }),
    ]);
    expect(result.stats).toMatchObject({ inserted: 3, clustered: 2 });
    const sameUrl = await run([item({ externalId: "other", text: "Нортвинд новости", url: "https://site-a.example/r/1?utm_source=x" })], "rss");
    expect(sameUrl.stats).toMatchObject({ inserted: 0, duplicates: 1 });
    const rows = await brandMentions(h().app.db, brandId);
    expect(new Set(rows.map((r) => r.clusterId)).size).toBe(1);
  });

  it("leaves short texts out of clusters: many people saying the same short thing are many mentions", async () => {
    const { brandId, run } = await setup();
    await run([item({ externalId: "s1", text: "Нортвинд спасибо!" }), item({ externalId: "s2", text: "Нортвинд спасибо!" })]);
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows.map((r) => r.clusterId === r.id)).toEqual([true, true]);
  });
});

it("a brand without rules still finds its own name", () => {
  const matcher = createBrandMatcher("Пельменная №1", []);
  expect(matcher.match({ title: null, text: "Были в Пельменная №1 вчера", pros: null, cons: null }).matched).toBe(true);
  expect(matcher.match({ title: null, text: "Пельменная за углом", pros: null, cons: null }).matched).toBe(false);
});
