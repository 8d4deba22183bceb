import { describe, expect, it } from "vitest";
import { EN_ASPECT_CUES } from "./aspects-lexicon-en.ts";
import { RU_ASPECT_CUES } from "./aspects-lexicon-ru.ts";
import { ASPECT_IDS, aspectSet, detectAspects } from "./aspects.ts";

const set = (text: string, lang?: string) => aspectSet(detectAspects(text, lang));

describe("detectAspects", () => {
  it("returns nothing for an empty or blank text", () => {
    expect(detectAspects("")).toEqual([]);
    expect(detectAspects("  \n\t ")).toEqual([]);
  });

  it("returns one 'other' over the trimmed text when no aspect is found", () => {
    const text = "  Ну такое.  ";
    expect(detectAspects(text)).toEqual([{ aspect: "other", start: 2, end: 11, cue: "no aspect cue" }]);
    expect(text.slice(2, 11)).toBe("Ну такое.");
    expect(set("Meh.")).toEqual(["other"]);
  });

  it("finds several aspects at once, and 'other' never beside them", () => {
    expect(set("Курьер опоздал на час, а доставка стоит 500 ₽, и пицца была холодной.")).toEqual(["price", "quality", "delivery"]);
    expect(set("Rude cashier, overpriced coffee and the app keeps crashing.")).toEqual(["staff", "price", "quality", "product"]);
  });

  it("matches Russian inflections through prefixes", () => {
    for (const text of ["Доставка", "с доставкой", "доставили", "доставят", "курьерами", "курьеру"]) expect(set(text), text).toContain("delivery");
    for (const text of ["зарплату", "зарплаты", "уволили", "уволилась", "вакансию"]) expect(set(text), text).toEqual(["employer"]);
  });

  it("keeps an aspect under negation", () => {
    expect(set("Заказ так и не доставили")).toContain("delivery");
    expect(set("Support never answered")).toContain("service");
  });

  it("reads each word with the lexicon of its script, so mixed-language texts work", () => {
    expect(set("Delivery была быстрой, но цена high", "ru")).toEqual(["price", "delivery"]);
    expect(set("Персонал rude, but the quality хорошее", "en")).toEqual(["staff", "quality"]);
  });

  it("counts a sum of money as price, with its span", () => {
    const text = "Заплатил 1 500 руб. и ещё $15 сверху";
    const money = detectAspects(text).filter((h) => h.cue === "amount of money").map((h) => text.slice(h.start, h.end));
    expect(money).toEqual(["1 500 руб.", "$15"]);
    expect(set("Paid €20")).toEqual(["price"]);
    expect(set("Зашёл в 5 утра")).toEqual(["other"]);
  });

  it("does not take words that merely start like a cue", () => {
    expect(set("Ценю ваш труд")).not.toContain("price"); // цен* would take "ценю"
    expect(set("Это почти идеально")).not.toContain("delivery"); // почт* would take "почти"
    expect(set("Будут продавать дальше")).not.toContain("staff"); // продав* would take "продавать"
    expect(set("Рубашка мятая")).not.toContain("price"); // руб* would take "рубашка"
    expect(set("Had breakfast at the counter")).not.toContain("quality"); // break* would take "breakfast"
  });

  it("lets a phrase win over the words inside it", () => {
    expect(set("Former employee here, it was fine")).toEqual(["employer"]);
    expect(set("Бывший сотрудник, всё было нормально")).toEqual(["employer"]);
  });

  it("returns spans in reading order that slice to the cue words, the same aspect once per place", () => {
    const text = "ПОДДЕРЖКА молчит, ОПЕРАТОР бросил трубку, поддержка — ноль.";
    const hits = detectAspects(text);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.start).toBeGreaterThanOrEqual(hits[i - 1]!.start);
    expect(hits.filter((h) => h.aspect === "service").map((h) => text.slice(h.start, h.end))).toEqual([
      "ПОДДЕРЖКА",
      "ОПЕРАТОР",
      "трубку",
      "поддержка",
    ]);
  });

  it("keeps offsets after letters whose lower case is longer", () => {
    const text = "İZMİR şubesi: доставка";
    const hit = detectAspects(text).find((h) => h.aspect === "delivery");
    expect(hit && text.slice(hit.start, hit.end)).toBe("доставка");
  });

  it("handles a very long text quickly", () => {
    const text = "Курьер опоздал, цена высокая, поддержка молчит. ".repeat(4_000); // ~200,000 characters
    const t0 = performance.now();
    const hits = detectAspects(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(aspectSet(hits)).toEqual(["service", "price", "delivery"]);
    for (const h of hits) expect(h.end).toBeLessThanOrEqual(text.length);
  });

  it("aspectSet lists each aspect once, in the order of ASPECT_IDS", () => {
    expect(aspectSet([
      { aspect: "price", start: 5, end: 6, cue: "x" },
      { aspect: "service", start: 0, end: 1, cue: "x" },
      { aspect: "price", start: 0, end: 1, cue: "x" },
    ])).toEqual(["service", "price"]);
    expect(ASPECT_IDS.at(-1)).toBe("other");
  });

  // A guard against an order-of-magnitude regression, not a benchmark: ~115k texts/s measured
  // alone on Node 24 with the machine loaded, ~50k inside a parallel test run.
  it("detects aspects in at least 20,000 texts a second", () => {
    const texts = [
      "Доставка опоздала на три часа, еду привезли в 23:40.",
      "The cashier was incredibly rude and rolled her eyes at me.",
      "Цены в «Зерне» выросли почти вдвое за год.",
      "Worked there for two years, management never listened and the salary was below market.",
    ];
    for (let i = 0; i < 5_000; i++) detectAspects(texts[i % texts.length] as string);
    const n = 40_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) detectAspects(texts[i % texts.length] as string);
    const perSecond = n / ((performance.now() - t0) / 1000);
    console.log(`detectAspects: ${Math.round(perSecond).toLocaleString("en")} texts/s`);
    expect(perSecond).toBeGreaterThan(20_000);
  });
});

describe("aspect lexicons", () => {
  it("Russian lines are Cyrillic and English lines Latin (a mixed-script typo would never match)", () => {
    const latinInRu = new Set(["hr", "call", "cashback"]);
    for (const lines of Object.values(RU_ASPECT_CUES)) {
      for (const line of lines) {
        for (const word of line.split(/[\s|;…*^]+/).filter(Boolean)) if (!latinInRu.has(word)) expect(word, line).toMatch(/^[а-яе']+$/);
      }
    }
    for (const lines of Object.values(EN_ASPECT_CUES)) for (const line of lines) expect(line, line).not.toMatch(/[а-яё]/i);
  });
});
