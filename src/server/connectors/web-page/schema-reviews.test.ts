import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { extractAggregateRating, extractSchemaReviews } from "./schema-reviews.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const NOW = new Date("2026-11-20T12:00:00Z");
const PAGE = "https://reviews.example.ru/banks/northwind";

describe("extractSchemaReviews: JSON-LD", () => {
  const reviews = extractSchemaReviews(load(fixture("jsonld-reviews.html")), PAGE, NOW);

  it("finds reviews in @graph, nested review arrays and top-level arrays, skipping broken blocks", () => {
    expect(reviews.map((r) => r.author)).toEqual(["Ольга К.", "Дмитрий", "Аноним"]);
  });

  it("reads a Person author, @id, rating, title and decodes entities in the body", () => {
    expect(reviews[0]).toMatchObject({
      source: "json-ld",
      localId: "https://reviews.example.ru/banks/northwind/review-501",
      link: "https://reviews.example.ru/banks/northwind/review-501",
      authorUrl: "https://reviews.example.ru/users/olga-k",
      title: "Быстро одобрили ипотеку",
      text: "Подала заявку в понедельник, одобрили за два дня. Менеджер «на связи» всё время.",
      rating: { value: 5, scale: 5 },
      dateText: "2026-11-19T14:30:00+03:00",
    });
    expect(reviews[0]?.date).toEqual({ date: new Date("2026-11-19T11:30:00Z"), relative: false });
  });

  it("reads a string author, url as id, description as text, string ratings, modified date and negative notes", () => {
    expect(reviews[1]).toMatchObject({
      localId: "https://reviews.example.ru/banks/northwind/review-500",
      text: "Приложение зависает при переводе по номеру телефона.",
      rating: { value: 2, scale: 5 },
      cons: "Зависания\nДолгая поддержка",
      updated: new Date("2026-11-19T00:00:00Z"),
    });
  });

  it("reads a full schema.org type URL, an author array, bestRating defaulting to 5 and line breaks in strings", () => {
    expect(reviews[2]).toMatchObject({ localId: undefined, author: "Аноним", text: "Обычный банк, ничего особенного.", rating: { value: 3, scale: 5 } });
  });
});

describe("extractSchemaReviews: microdata", () => {
  const reviews = extractSchemaReviews(load(fixture("microdata-reviews.html")), "https://cards.example.ru/northwind-plus", NOW);

  it("reads iRecommend-style reviews with nested author and rating scopes", () => {
    expect(reviews).toHaveLength(2);
    expect(reviews[0]).toMatchObject({
      source: "microdata",
      localId: "review-7781",
      anchor: "review-7781",
      author: "sergey77",
      authorUrl: "https://cards.example.ru/users/sergey77",
      title: "Удобная карта для путешествий",
      text: "Кешбэк приходит вовремя.\n\nОбслуживание бесплатное при тратах от 10 000 ₽.",
      rating: { value: 4, scale: 5 },
    });
    expect(reviews[0]?.date?.date.toISOString()).toBe("2026-11-18T07:00:00.000Z");
  });

  it("does not leak the product's name into a review or a nested name into the author", () => {
    expect(reviews[1]).toMatchObject({ author: "Гость", text: "Карту перевыпускали три недели.", rating: { value: 2, scale: 5 } });
    expect(reviews[1]?.title).toBeUndefined();
  });

  it("keeps evidence as plain data", () => {
    expect(reviews[0]?.raw).toMatchObject({ "@type": ["review"], author: { "@type": ["person"], name: "sergey77" }, reviewRating: { ratingValue: "4" } });
  });
});

describe("extractSchemaReviews: both or neither", () => {
  it("prefers the reading with more reviews when a page carries both", () => {
    const jsonLd = `<script type="application/ld+json">{"@type":"Review","reviewBody":"one","author":"A"}</script>`;
    const micro = `<div itemscope itemtype="https://schema.org/Review"><span itemprop="reviewBody">one</span></div><div itemscope itemtype="https://schema.org/Review"><span itemprop="reviewBody">two</span></div>`;
    expect(extractSchemaReviews(load(jsonLd + micro), PAGE, NOW).map((r) => [r.source, r.text])).toEqual([
      ["microdata", "one"],
      ["microdata", "two"],
    ]);
  });

  it("finds nothing on a page without schema.org reviews", () => {
    expect(extractSchemaReviews(load(fixture("custom-comments.html")), PAGE, NOW)).toEqual([]);
  });
});

describe("extractAggregateRating", () => {
  it("reads JSON-LD with comma decimals and spaced counts, naming the rated thing", () => {
    expect(extractAggregateRating(fixture("jsonld-reviews.html"))).toEqual({
      ratingValue: 3.8,
      bestRating: 5,
      reviewCount: 1254,
      ratingCount: 1320,
      itemName: "Нортвинд Банк",
      source: "json-ld",
    });
  });

  it("reads microdata", () => {
    expect(extractAggregateRating(fixture("microdata-reviews.html"))).toEqual({
      ratingValue: 4.2,
      bestRating: 5,
      reviewCount: 87,
      itemName: "Дебетовая карта «Нортвинд Плюс»",
      source: "microdata",
    });
  });

  it("defaults bestRating to 5 and ignores unusable ratings", () => {
    expect(extractAggregateRating(`<script type="application/ld+json">[{"@type":"AggregateRating","ratingValue":"n/a"},{"@type":"AggregateRating","ratingValue":4.5,"ratingCount":"10"}]</script>`)).toEqual({
      ratingValue: 4.5,
      bestRating: 5,
      ratingCount: 10,
      source: "json-ld",
    });
  });

  it("is undefined without one", () => {
    expect(extractAggregateRating(fixture("custom-comments.html"))).toBeUndefined();
    expect(extractAggregateRating("")).toBeUndefined();
  });
});
