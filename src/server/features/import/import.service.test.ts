import { expect, it } from "vitest";
import { createBrandRow } from "../../test/monitoring-fixtures.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { listAudit } from "../audit/list-audit.ts";
import { brandMentions } from "../ingest/queries.ts";
import { insertRule } from "../semantic-core/queries.ts";
import { MappingError } from "./column-mapping.ts";
import { fileFromBuffer } from "./import-file.ts";
import { type TImportRequest, importMentions } from "./import-mentions.ts";
import { brandAnalyticsCsv, mentionJsonl, youscanXlsx } from "./import-test-fixtures.ts";

const CLI = { userId: null, label: "cli" } as const;
const at = (iso: string) => new Date(iso);

const YOUSCAN_ROWS = [
  { date: at("2026-03-01T10:20:00Z"), source: "vk.com", postType: "Пост", author: "Иван Петров", authorUrl: "https://vk.com/id1", text: "Нортвинд Банк одобрил кредит за час, отлично", url: "https://vk.com/wall-1_100", sentiment: "Позитивная", likes: 15 },
  { date: at("2026-03-01T11:00:00Z"), source: "t.me", postType: "Пост", author: "Новости банков", text: "Обзор рынка вкладов без упоминаний брендов", url: "https://t.me/banknews/501", sentiment: "Нейтральная" },
  { date: at("2026-03-02T09:15:00Z"), source: "otzovik.com", resourceType: "Отзовик", postType: "Отзыв", author: "Мария", text: "Нортвинд: ужасная поддержка,\nждала ответа неделю", url: "https://otzovik.com/review_123.html", sentiment: "Негативная" },
  { date: at("2026-03-02T12:30:00Z"), source: "rbc.ru", resourceType: "СМИ", postType: "Статья", author: "РБК", title: "Нортвинд Банк открыл офис", text: "Банк открыл новый офис в Казани", url: "https://www.rbc.ru/finances/02/03/2026/abc" },
];

describeOnDatabases("importing mentions from files", (h) => {
  async function brandWithRules() {
    const { brandId, workspaceId } = await createBrandRow(h().app.db, `Нортвинд ${Math.random().toString(36).slice(2, 6)}`);
    await insertRule(h().app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд*" });
    return { brandId, workspaceId };
  }
  const run = (request: Omit<TImportRequest, "actor"> & { actor?: TImportRequest["actor"] }) => importMentions(h().app, { actor: CLI, timeZone: "Europe/Moscow", ...request });

  it("imports a YouScan XLSX export, keeps unmatched rows with the match recorded, and a second import adds nothing", async () => {
    const { brandId, workspaceId } = await brandWithRules();
    const file = fileFromBuffer("youscan.xlsx", await youscanXlsx(YOUSCAN_ROWS, { linkText: "Открыть" }));
    const first = await run({ brandId, file });
    expect(first).toMatchObject({ format: "xlsx", preset: "youscan", read: 4, inserted: 4, rejected: 0, unmatched: 1, details: { sheet: "Упоминания", headerRow: 4 } });

    const rows = await brandMentions(h().app.db, brandId);
    expect(rows).toHaveLength(4);
    const byUrl = new Map(rows.map((r) => [r.url, r]));
    const vk = byUrl.get("https://vk.com/wall-1_100");
    // The cell said "Открыть"; the hyperlink behind it is the mention's URL.
    expect(vk).toMatchObject({ origin: "import", sourceKind: "vk", kind: "post", matched: true, authorName: "Иван Петров", sentiment: "positive", sentimentOrigin: "import", connectorVersion: "import@1" });
    // 10:20 on the export's (Moscow) clock is 07:20 UTC.
    expect(vk?.publishedAt.toISOString()).toBe("2026-03-01T07:20:00.000Z");
    expect(vk?.metrics).toMatchObject({ likes: 15 });
    expect(vk?.raw).toMatchObject({ row: 5, values: { "Место публикации": "Стена сообщества", Город: "Москва" } });
    const telegram = rows.find((r) => r.sourceKind === "telegram");
    expect(telegram).toMatchObject({ matched: false, matchedGroups: [], sentiment: "neutral", sentimentOrigin: "import" });
    expect(rows.find((r) => r.sourceKind === "otzovik")).toMatchObject({ kind: "review", sentiment: "negative", text: "Нортвинд: ужасная поддержка,\nждала ответа неделю" });
    // No tone column for this row: the built-in model labels it.
    expect(rows.find((r) => r.sourceKind === "news")).toMatchObject({ kind: "article", title: "Нортвинд Банк открыл офис", matched: true, sentimentOrigin: "model" });

    const again = await run({ brandId, file });
    expect(again).toMatchObject({ read: 4, inserted: 0, updated: 0, unchanged: 4 });
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(4);

    const audit = await listAudit(h().app.db, { workspaceId, brandId, action: "mentions.import" });
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]).toMatchObject({ actorLabel: "cli", objectType: "brand", objectId: brandId, details: { file: "youscan.xlsx", format: "xlsx", inserted: 0, read: 4 } });
  });

  it("imports a Brand Analytics CSV (BOM, `;`, split date and time, multi-line quotes) and rejects bad rows by row and column", async () => {
    const { brandId } = await brandWithRules();
    const csv = brandAnalyticsCsv([
      { date: "01.03.2026", time: "10:20", text: 'Клиент "Нортвинд" пишет:\nкарта пришла, спасибо', url: "https://vk.com/wall-5_1", author: "Олег", platform: "ВКонтакте", platformType: "Соцсеть", messageType: "Пост", sentiment: "Позитив" },
      { date: "31.02.2026", time: "09:00", text: "Нортвинд: дата с ошибкой", author: "Кто-то", platform: "Telegram", messageType: "Пост" },
      { date: "02.03.2026", time: "12:00", text: "", author: "Пустой", platform: "Telegram", messageType: "Комментарий" },
      { date: 46084.5, text: "Нортвинд в новостях", url: "https://lenta.ru/news/2026/03/03/nw/", author: "Лента", platform: "lenta.ru", platformType: "СМИ", messageType: "Статья", sentiment: "Нейтрал" },
    ]);
    const file = fileFromBuffer("ba.csv", csv);
    const summary = await run({ brandId, file });
    expect(summary).toMatchObject({ format: "csv", preset: "brand_analytics", details: { delimiter: ";", encoding: "utf-8", headerRow: 1 }, read: 4, inserted: 2, rejected: 2 });
    expect(summary.rejections).toEqual([
      { row: 3, column: "Дата", reason: 'cannot read "31.02.2026 09:00" as a date' },
      { row: 4, column: "Текст", reason: "no text" },
    ]);
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows.map((r) => [r.sourceKind, r.kind, r.publishedAt.toISOString(), r.sentiment])).toEqual([
      ["vk", "post", "2026-03-01T07:20:00.000Z", "positive"],
      // Excel serial 46084.5 = 2026-03-03 12:00 on the export's clock.
      ["news", "article", "2026-03-03T09:00:00.000Z", "neutral"],
    ]);
    expect(rows[0]?.text).toBe('Клиент "Нортвинд" пишет:\nкарта пришла, спасибо');
    expect((await run({ brandId, file })).inserted).toBe(0);
  });

  it("imports JSONL Mention records as they are, naming the line and field of a bad one", async () => {
    const { brandId } = await brandWithRules();
    const file = fileFromBuffer(
      "mentions.jsonl",
      mentionJsonl([
        { source: "vk", kind: "comment", externalId: "-1_2_3", url: "https://vk.com/wall-1_2?reply=3", author: { name: "Анна", externalId: "7" }, text: "Нортвинд, верните деньги", publishedAt: "2026-03-05T08:00:00Z", metrics: { likes: 3 }, replyCapability: "api", sentiment: "negative" },
        { source: "banki_ru", kind: "review", externalId: "r-9", url: "https://www.banki.ru/services/responses/bank/response/9/", author: { name: "Пётр" }, title: "Отлично", text: "Всё быстро", rating: { value: 5, scale: 5 }, publishedAt: "2026-03-05T09:00:00Z", replyCapability: "manual_link" },
        { source: "myspace", externalId: "x", text: "…", publishedAt: "2026-03-05T09:00:00Z" },
        { source: "vk", externalId: "y", text: "Нортвинд", publishedAt: "вчера" },
      ]),
    );
    const summary = await run({ brandId, file });
    expect(summary).toMatchObject({ format: "jsonl", read: 4, inserted: 2, rejected: 2, unmatched: 1 });
    expect(summary.rejections.map((r) => [r.row, r.column])).toEqual([
      [3, "source"],
      [4, "publishedAt"],
    ]);
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows.find((r) => r.externalId === "-1_2_3")).toMatchObject({ sourceKind: "vk", kind: "comment", replyCapability: "api", authorExternalId: "7", sentiment: "negative", sentimentOrigin: "import" });
    expect(rows.find((r) => r.externalId === "r-9")).toMatchObject({ sourceKind: "banki_ru", matched: false, ratingValue: 5, ratingScale: 5 });
    expect((await run({ brandId, file })).inserted).toBe(0);
  });

  it("a dry run reports what would happen and stores nothing; a mapping without a text column fails before reading", async () => {
    const { brandId, workspaceId } = await brandWithRules();
    const file = fileFromBuffer("youscan.xlsx", await youscanXlsx(YOUSCAN_ROWS));
    const dry = await run({ brandId, file, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, read: 4, inserted: 4 });
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(0);
    expect((await listAudit(h().app.db, { workspaceId, brandId, action: "mentions.import" })).entries).toHaveLength(0);

    const failed = run({ brandId, file, overrides: { Текст: null, Заголовок: null } });
    await expect(failed).rejects.toBeInstanceOf(MappingError);
    await expect(failed).rejects.toThrow(/"text"/);
    // The override moves a field from the preset's column to another one.
    const remapped = await run({ brandId, file, overrides: { "Место публикации": "text", Текст: null } });
    expect(remapped.inserted).toBe(4);
    expect((await brandMentions(h().app.db, brandId)).every((r) => r.text === "Стена сообщества")).toBe(true);
  });

  it("re-importing in another batch size adds nothing; an edited post is updated, an edited comment reads as new", async () => {
    const { brandId } = await brandWithRules();
    const comments = Array.from({ length: 30 }, (_, i) => ({ date: at(`2026-03-0${1 + (i % 9)}T10:00:00Z`), source: "vk.com", postType: "Комментарий", author: `Автор ${i}`, text: `Нортвинд комментарий ${i}`, url: "https://vk.com/wall-1_100" }));
    const post = { date: at("2026-03-10T10:00:00Z"), source: "vk.com", postType: "Пост", author: "Сообщество", text: "Нортвинд: пост", url: "https://vk.com/wall-1_100" };
    const file = fileFromBuffer("comments.xlsx", await youscanXlsx([post, ...comments]));
    expect((await run({ brandId, file, batchSize: 7 })).inserted).toBe(31);
    expect((await run({ brandId, file, batchSize: 500 })).inserted).toBe(0);
    const edited = [{ ...post, text: "Нортвинд: пост (исправлен)" }, { ...(comments[0] as (typeof comments)[number]), text: "Нортвинд комментарий 0 (дополнено)" }, ...comments.slice(1)];
    const second = await run({ brandId, file: fileFromBuffer("comments.xlsx", await youscanXlsx(edited)) });
    // A post is its URL; comments share their post's URL, so their ids carry a digest of the text.
    expect(second).toMatchObject({ inserted: 1, updated: 1, unchanged: 29 });
    const stored = await brandMentions(h().app.db, brandId);
    expect(stored.find((r) => r.kind === "post")).toMatchObject({ text: "Нортвинд: пост (исправлен)", revision: 2 });
  });
});
