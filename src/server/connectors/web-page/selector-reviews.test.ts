import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { extractBySelectors } from "./selector-reviews.ts";
import { type TWebPageSelectors, parseFieldSelector, webPageConfigSchema } from "./web-page.config.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const NOW = new Date("2026-11-20T12:00:00Z");
const PAGE = "https://forum.example.ru/northwind";
const SELECTORS: TWebPageSelectors = { item: ".fb", text: ".fb__text", author: ".fb__author", date: ".fb__date", rating: ".fb__stars", link: "a.fb__link" };

describe("extractBySelectors", () => {
  const { matched, reviews } = extractBySelectors(load(fixture("custom-comments.html")), SELECTORS, PAGE, NOW);

  it("makes one review per item element", () => {
    expect(matched).toBe(4);
    expect(reviews.map((r) => r.author)).toEqual(["Анна", "Пётр", "Гость", "Мария"]);
  });

  it("prefers machine-readable attributes: datetime over 'вчера', title over stars; keeps paragraphs; resolves links", () => {
    expect(reviews[0]).toMatchObject({
      source: "selectors",
      localId: "3102",
      anchor: "fb-3102",
      link: "https://forum.example.ru/forum/northwind/3102",
      text: "Открыла вклад онлайн за пять минут.\n\nСтавка как в рекламе.",
      dateText: "2026-11-19T11:30:00Z",
      rating: { value: 4, scale: 5 },
    });
    expect(reviews[0]?.date).toEqual({ date: new Date("2026-11-19T11:30:00Z"), relative: false });
  });

  it("reads dd.mm.yyyy hh:mm and a/b ratings from text", () => {
    expect(reviews[1]).toMatchObject({ localId: "3101", rating: { value: 2, scale: 5 }, dateText: "12.11.2026 09:15" });
    expect(reviews[1]?.date?.date.toISOString()).toBe("2026-11-12T09:15:00.000Z");
  });

  it("reads Russian month names and relative dates; no rating, no id, no link when absent", () => {
    expect(reviews[2]).toMatchObject({ localId: undefined, link: undefined, rating: undefined });
    expect(reviews[2]?.date?.date.toISOString()).toBe("2026-03-12T00:00:00.000Z");
    expect(reviews[3]?.date).toEqual({ date: new Date("2026-11-20T10:00:00Z"), relative: true });
  });

  it("honours @attribute and :scope", () => {
    const html = `<ul><li class="c" data-key="k1" data-when="01.02.2026"><b class="t">Hi</b><i class="s" data-stars="5" title="ignored 1"></i></li></ul>`;
    const { reviews: [r] } = extractBySelectors(load(html), { item: "li.c", text: ".t", id: ":scope@data-key", date: "@data-when", rating: ".s@data-stars" }, PAGE, NOW);
    expect(r).toMatchObject({ localId: "k1", text: "Hi", rating: { value: 5, scale: 5 }, dateText: "01.02.2026" });
  });

  it("reads a rating from a class name when nothing else says it", () => {
    const html = `<div class="r"><p class="t">ok</p><span class="stars stars-3"></span></div>`;
    expect(extractBySelectors(load(html), { item: ".r", text: ".t", rating: ".stars" }, PAGE, NOW).reviews[0]?.rating).toEqual({ value: 3, scale: 5 });
  });

  it("reports zero matches", () => {
    expect(extractBySelectors(load(fixture("custom-comments.html")), { item: ".review", text: ".text" }, PAGE, NOW)).toEqual({ matched: 0, reviews: [] });
  });
});

describe("parseFieldSelector", () => {
  it.each([
    [".fb__date", { css: ".fb__date" }],
    ["time@datetime", { css: "time", attr: "datetime" }],
    ["a.permalink @href", { css: "a.permalink", attr: "href" }],
    ["@data-id", { css: "", attr: "data-id" }],
    [":scope@data-id", { css: "", attr: "data-id" }],
    [":scope", { css: "" }],
    ['[title="a@b"]', { css: '[title="a@b"]' }],
  ])("%s → %j", (spec, expected) => {
    expect(parseFieldSelector(spec)).toEqual(expected);
  });
});

describe("web page config", () => {
  it("defaults to auto mode and ownPlace true", () => {
    expect(webPageConfigSchema.parse({ url: "https://reviews.example.ru/banks/northwind" })).toEqual({
      url: "https://reviews.example.ru/banks/northwind",
      mode: "auto",
      ownPlace: true,
    });
  });

  it.each([
    [{ url: "javascript:alert(1)" }, "url", /http\(s\)/],
    [{ url: "https://a.example/", mode: "css" }, "mode", /./],
    [{ url: "https://a.example/", mode: "selector" }, "selectors", /required when mode is "selector"/],
    [{ url: "https://a.example/", mode: "selector", selectors: { item: ".r" } }, "selectors.text", /./],
    [{ url: "https://a.example/", mode: "selector", selectors: { item: "div[[[", text: ".t" } }, "selectors.item", /`div\[\[\[` is not a valid CSS selector/],
    [{ url: "https://a.example/", mode: "selector", selectors: { item: ".r", text: ".t", date: "time::nope(@datetime" } }, "selectors.date", /not a valid CSS selector/],
    [{ url: "https://a.example/", mode: "selector", selectors: { item: ".r@data-id", text: ".t" } }, "selectors.item", /no @attribute/],
    [{ url: "https://a.example/", mode: "selector", selectors: { item: ".r", text: ".t", extra: ".x" } }, "selectors", /extra/],
    [{ url: "https://a.example/", ownPlace: "no" }, "ownPlace", /./],
  ])("%j → error at %s", (input, path, message) => {
    const result = webPageConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".") === path);
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it("accepts a full selector config", () => {
    const config = webPageConfigSchema.parse({ url: "https://a.example/p", mode: "selector", selectors: { ...SELECTORS, id: "@data-id" }, ownPlace: false });
    expect(config.selectors?.id).toBe("@data-id");
    expect(config.ownPlace).toBe(false);
  });
});
