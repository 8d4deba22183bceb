import { describe, expect, it } from "vitest";
import { type TCell, cellDate, cellNumber } from "./cell-values.ts";
import { MappingError, parseMapArgs, planOf, resolveMapping } from "./column-mapping.ts";
import { deriveExternalId, safeHttpUrl } from "./external-id.ts";
import { BA_HEADERS, YOUSCAN_HEADERS_EN, YOUSCAN_HEADERS_RU } from "./import-test-fixtures.ts";
import { mapJsonLine } from "./map-jsonl.ts";
import { mapTableRow, ratingOf } from "./map-row.ts";
import { detectPreset, presetMapping } from "./presets.ts";
import { createProgressRenderer } from "./progress.ts";
import { parseSentiment, resolveMentionKind, resolveSourceKind } from "./source-kinds.ts";

const MSK = "Europe/Moscow";
const iso = (d: Date | undefined) => d?.toISOString();

describe("dates", () => {
  it("reads the ways exports write a publication time, local strings in the export's zone", () => {
    expect(iso(cellDate("01.03.2026 10:20", undefined, MSK))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate("01.03.2026 10:20:30", undefined, "UTC"))).toBe("2026-03-01T10:20:30.000Z");
    expect(iso(cellDate("01.03.26", undefined, "UTC"))).toBe("2026-03-01T00:00:00.000Z");
    expect(iso(cellDate("2026-03-01 10:20", undefined, "+05:00"))).toBe("2026-03-01T05:20:00.000Z");
    expect(iso(cellDate("2026-03-01T10:20:00+03:00", undefined, "UTC"))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate("2026-03-01T10:20:00Z", undefined, MSK))).toBe("2026-03-01T10:20:00.000Z");
    expect(iso(cellDate("1 марта 2026 г. в 10:20", undefined, MSK))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate("15 мая 2026, 08:00", undefined, "UTC"))).toBe("2026-05-15T08:00:00.000Z");
    expect(iso(cellDate("03/25/2026 1:05 PM", undefined, "UTC"))).toBe("2026-03-25T13:05:00.000Z");
    expect(iso(cellDate("25/03/2026", undefined, "UTC"))).toBe("2026-03-25T00:00:00.000Z");
  });

  it("reads Excel serials and Date cells as wall times, Unix times as instants", () => {
    // 46082 = 2026-03-01; .4305555… = 10:20.
    expect(iso(cellDate(46082.43055555555, undefined, MSK))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate("46082.5", undefined, "UTC"))).toBe("2026-03-01T12:00:00.000Z");
    expect(iso(cellDate(new Date("2026-03-01T10:20:00Z"), undefined, MSK))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate(1772360400, undefined, MSK))).toBe("2026-03-01T10:20:00.000Z");
    expect(iso(cellDate(1772360400000, undefined, MSK))).toBe("2026-03-01T10:20:00.000Z");
  });

  it("joins a date column with a time column of any shape", () => {
    expect(iso(cellDate("01.03.2026", "10:20", MSK))).toBe("2026-03-01T07:20:00.000Z");
    expect(iso(cellDate(46082, 0.4305555555, "UTC"))).toBe("2026-03-01T10:20:00.000Z");
    expect(iso(cellDate(new Date("2026-03-01T00:00:00Z"), new Date("1899-12-30T10:20:00Z"), "UTC"))).toBe("2026-03-01T10:20:00.000Z");
    expect(cellDate("01.03.2026", "25:99", "UTC")).toBeUndefined();
  });

  it("crosses a daylight-saving change correctly and refuses impossible dates", () => {
    expect(iso(cellDate("29.03.2026 12:00", undefined, "Europe/Berlin"))).toBe("2026-03-29T10:00:00.000Z");
    expect(iso(cellDate("28.03.2026 12:00", undefined, "Europe/Berlin"))).toBe("2026-03-28T11:00:00.000Z");
    for (const bad of ["31.02.2026", "2026-13-01", "вчера", "12", "", null] as TCell[]) expect(cellDate(bad, undefined, "UTC"), String(bad)).toBeUndefined();
  });

  it("reads counts with spaces, commas and K/тыс. suffixes", () => {
    expect(cellNumber("1 234")).toBe(1234);
    expect(cellNumber("1,5K")).toBe(1500);
    expect(cellNumber("2,3 тыс.")).toBe(2300);
    expect(cellNumber("много")).toBeUndefined();
    expect(ratingOf("4 из 5")).toEqual({ value: 4, scale: 5 });
    expect(ratingOf("8")).toEqual({ value: 8, scale: 10 });
    expect(ratingOf("отлично")).toBeNull();
  });
});

describe("presets", () => {
  it("detects YouScan (Russian and English interface) and Brand Analytics by their own columns", () => {
    expect(detectPreset(YOUSCAN_HEADERS_RU)).toBe("youscan");
    expect(detectPreset(YOUSCAN_HEADERS_EN)).toBe("youscan");
    expect(detectPreset(BA_HEADERS)).toBe("brand_analytics");
    expect(detectPreset(["date", "text", "url"])).toBe("generic");
  });

  it("maps YouScan's real column names, either language, case and ё aside", () => {
    const expected = { Дата: "publishedAt", Источник: "source", "Тип ресурса": "sourceType", "Тип поста": "kind", Автор: "authorName", "Ссылка на автора": "authorUrl", Заголовок: "title", Текст: "text", Ссылка: "url", Тональность: "sentiment", Лайки: "likes", Комментарии: "replies", Репосты: "shares", Язык: "lang" };
    expect(presetMapping("youscan", YOUSCAN_HEADERS_RU)).toEqual(expected);
    const english = presetMapping("youscan", YOUSCAN_HEADERS_EN);
    expect(english).toMatchObject({ Date: "publishedAt", Source: "source", "Post type": "kind", Author: "authorName", "Author URL": "authorUrl", Text: "text", URL: "url", Sentiment: "sentiment", Reposts: "shares" });
    expect(presetMapping("youscan", ["ДАТА", "текст ", "Ссылка На Автора", "Тональность:"])).toEqual({ ДАТА: "publishedAt", "текст ": "text", "Ссылка На Автора": "authorUrl", "Тональность:": "sentiment" });
    // Columns no field takes stay unmapped (they are kept in raw).
    expect(english.Audience).toBeUndefined();
  });

  it("maps Brand Analytics' columns, splitting date and time", () => {
    expect(presetMapping("brand_analytics", BA_HEADERS)).toEqual({
      Дата: "date", Время: "time", Заголовок: "title", Текст: "text", Ссылка: "url", Автор: "authorName", "Ссылка на автора": "authorUrl",
      Площадка: "source", "Тип площадки": "sourceType", "Тип сообщения": "kind", Тональность: "sentiment",
    });
  });
});

describe("column mapping", () => {
  it("applies --map overrides over the preset and names unknown columns and fields", () => {
    expect(parseMapArgs(["Текст поста=text,Дата, время=publishedAt", "Охват="])).toEqual({ "Текст поста": "text", "Дата, время": "publishedAt", Охват: null });
    expect(() => parseMapArgs(["Текст=body"])).toThrow(/unknown field "body"/);
    expect(() => parseMapArgs(["Текст"])).toThrow(/expected column=field/);
    const headers = ["Дата", "Текст", "Текст поста"];
    expect(resolveMapping(headers, "generic", { "Текст поста": "text" }).mapping).toEqual({ Дата: "publishedAt", "Текст поста": "text" });
    expect(() => resolveMapping(headers, "generic", { Нет: "text" })).toThrow(/no column "Нет" in the file; its columns: "Дата", "Текст", "Текст поста"/);
    expect(() => resolveMapping(headers, "generic", { Текст: "text", "Текст поста": "text" })).toThrow(/mapped to two columns/);
    try {
      resolveMapping(["Автор", "Ссылка"], "generic");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as MappingError).problems).toEqual([expect.stringContaining('"text"'), expect.stringContaining("publication date")]);
    }
  });
});

describe("a row to a mention", () => {
  const headers = YOUSCAN_HEADERS_RU;
  const plan = planOf(headers, presetMapping("youscan", headers));
  const row = (values: Partial<Record<string, TCell>>, n = 7) => ({ row: n, cells: headers.map((h) => values[h] ?? null) });

  it("names the row and the column of a value it cannot read", () => {
    expect(mapTableRow(row({ Дата: "32.01.2026", Текст: "x" }), plan, MSK)).toEqual({ ok: false, rejection: { row: 7, column: "Дата", reason: 'cannot read "32.01.2026" as a date' } });
    expect(mapTableRow(row({ Текст: "x" }, 9), plan, MSK)).toEqual({ ok: false, rejection: { row: 9, column: "Дата", reason: "no date" } });
    expect(mapTableRow(row({ Дата: "01.03.2026" }, 3), plan, MSK)).toEqual({ ok: false, rejection: { row: 3, column: "Текст", reason: "no text" } });
  });

  it("takes the platform from its name, the kind of resource, or the link; ids are stable and links safe", () => {
    const ok = (values: Partial<Record<string, TCell>>) => {
      const result = mapTableRow(row({ Дата: "01.03.2026 10:00", Текст: "Нортвинд", ...values }), plan, MSK);
      if (!result.ok) throw new Error(result.rejection.reason);
      return result.value;
    };
    expect(ok({ Источник: "ВКонтакте" }).sourceKind).toBe("vk");
    expect(ok({ Источник: "www.otzovik.com" })).toMatchObject({ sourceKind: "otzovik", item: { kind: "review" } });
    expect(ok({ Источник: "rbc.ru", "Тип ресурса": "СМИ" })).toMatchObject({ sourceKind: "news", item: { kind: "article" } });
    expect(ok({ Источник: "example.org", Ссылка: "https://yandex.ru/maps/org/nortvind/123/reviews" }).sourceKind).toBe("yandex_maps");
    expect(ok({ Источник: "Дзен", Ссылка: "https://dzen.ru/a/xyz" }).sourceKind).toBe("other");
    expect(ok({ "Тип поста": "Комментарий", Источник: "t.me" }).item.kind).toBe("comment");
    expect(ok({ Ссылка: "javascript:alert(1)" }).item.url).toBe("");
    expect(ok({ Тональность: "Смешанная" }).sentiment).toBeNull();
    expect(ok({ Тональность: "негатив" }).sentiment).toBe("negative");
    const a = ok({ Ссылка: "https://vk.com/wall-1_2?utm_source=x", Автор: "Иван" }).item.externalId;
    expect(a).toBe(ok({ Ссылка: "https://m.vk.com/wall-1_2", Автор: "Иван" }).item.externalId);
    expect(ok({ Автор: "Иван" }).item.externalId).toMatch(/^hash:[0-9a-f]{40}$/);
  });

  it("derives ids: the file's id, else the link (plus a digest for comments), else a digest", () => {
    const base = { kind: "post" as const, publishedAt: new Date("2026-03-01T00:00:00Z"), author: "A", text: "t" };
    expect(deriveExternalId({ ...base, id: " 12345 ", url: "https://vk.com/wall-1_2" })).toBe("12345");
    expect(deriveExternalId({ ...base, url: "https://vk.com/wall-1_2" })).toBe("url:vk:wall-1_2");
    const c1 = deriveExternalId({ ...base, kind: "comment", url: "https://vk.com/wall-1_2" });
    const c2 = deriveExternalId({ ...base, kind: "comment", url: "https://vk.com/wall-1_2", text: "other" });
    expect(c1).not.toBe(c2);
    expect(deriveExternalId({ ...base, text: "  T " })).toBe(deriveExternalId(base));
    expect(safeHttpUrl("vk.com/wall-1_2")).toBe("https://vk.com/wall-1_2");
    expect(safeHttpUrl("data:text/html,x")).toBeUndefined();
  });

  it("words of exports: kinds and tones", () => {
    expect(resolveMentionKind("Репост", "vk")).toBe("post");
    expect(resolveMentionKind(undefined, "google_play")).toBe("review");
    expect(resolveSourceKind("Яндекс.Карты", undefined, undefined)).toBe("yandex_maps");
    expect(resolveSourceKind(undefined, "Форум", "https://forum.example.ru/t/1")).toBe("forum");
    expect(resolveSourceKind(undefined, undefined, undefined)).toBe("other");
    expect(parseSentiment("Позитивная")).toBe("positive");
    expect(parseSentiment("что-то")).toBeUndefined();
  });
});

describe("a JSONL line to a mention", () => {
  const line = (record: unknown, n = 1) => mapJsonLine({ line: n, text: JSON.stringify(record) });

  it("takes the Mention record's fields as they are", () => {
    const result = line({ id: "ignored", source: "telegram", kind: "post", externalId: 501, url: "https://t.me/s/chan/501", author: { handle: "chan", url: "javascript:x" }, contentHtml: "<p>Привет <b>банк</b></p>", publishedAt: "2026-03-01T10:00:00Z", metrics: { views: "1200" }, fetchedAt: "x", contentHash: "y" });
    expect(result).toMatchObject({ ok: true, row: 1, value: { sourceKind: "telegram", item: { externalId: "501", textIsHtml: true, text: "<p>Привет <b>банк</b></p>", author: { handle: "chan", url: undefined }, metrics: { views: 1200 }, replyCapability: "none" } } });
  });

  it("names the line and the field of what is wrong", () => {
    expect(mapJsonLine({ line: 4, text: "{not json" })).toMatchObject({ ok: false, rejection: { row: 4, reason: expect.stringMatching(/^not valid JSON/) } });
    expect(line({ source: "vk", text: "x" }, 5)).toEqual({ ok: false, rejection: { row: 5, column: "publishedAt", reason: "missing" } });
    expect(line({ source: "vk", text: "x", publishedAt: "2026-03-01", kind: "tweet" }, 6)).toMatchObject({ ok: false, rejection: { row: 6, column: "kind" } });
    expect(line({ source: "vk", text: "x", publishedAt: "2026-03-01", rating: { value: 3, scale: 0 } }, 7)).toMatchObject({ ok: false, rejection: { row: 7, column: "rating.scale" } });
    expect(line({ source: "vk", publishedAt: "2026-03-01" }, 8)).toEqual({ ok: false, rejection: { row: 8, column: "text", reason: "missing" } });
    expect(line([1, 2], 9)).toMatchObject({ ok: false, rejection: { row: 9, reason: "not a JSON object" } });
  });
});

describe("shell progress", () => {
  const progress = (done: number, total: number | undefined, read: number) => ({ position: { unit: "bytes" as const, done, total }, read, stored: read, rejected: 0 });

  it("prints a plain line per tenth of the file when stderr is not a terminal", () => {
    const lines: string[] = [];
    let now = 0;
    const renderer = createProgressRenderer({ interactive: false, bar: () => expect.unreachable(), line: (t) => lines.push(t) }, () => now);
    for (let i = 1; i <= 100; i++) {
      now = i * 100;
      renderer.update(progress(i * 10, 1000, i * 5));
    }
    renderer.done(progress(1000, 1000, 500));
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^import:  10% · 50 rows read · 50 stored · 50 rows\/s · ETA 0:09$/);
    expect(lines[9]).toMatch(/^import: 100% · 500 rows read/);
  });

  it("redraws one bar on a terminal, at most every 100 ms, and clears it at the end", () => {
    const bars: string[] = [];
    let now = 0;
    const renderer = createProgressRenderer({ interactive: true, bar: (t) => bars.push(t), line: () => expect.unreachable() }, () => now);
    renderer.update(progress(0, 1000, 0));
    now = 50;
    renderer.update(progress(100, 1000, 10));
    now = 1000;
    renderer.update(progress(500, 1000, 1234));
    renderer.done(progress(1000, 1000, 2000));
    expect(bars).toHaveLength(3);
    expect(bars[1]).toBe("[############------------]  50% 1 234 rows read · 1 234 stored · 1 234 rows/s · ETA 0:01");
    expect(bars[2]).toBe("");
  });
});
