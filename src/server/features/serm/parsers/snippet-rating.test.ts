import { describe, expect, it } from "vitest";
import { parseCount, parseSnippetRating, ratingFromStarWidth } from "./snippet-rating.ts";

describe("parseSnippetRating", () => {
  it.each([
    ["Rating: 8.7/10 · \u200e1,947,320 votes", { value: 8.7, scale: 10, count: 1947320 }],
    ["Rating: 4.7 · 26,026 reviews · $8.30", { value: 4.7, scale: 5, count: 26026 }],
    ["Rating: 88% · 161 votes", { value: 88, scale: 100, count: 161 }],
    ["Rating 4.7 (26,209) · $7.97 · In stock", { value: 4.7, scale: 5, count: 26209 }],
    [" 8.7/10  (1,957,975) ", { value: 8.7, scale: 10, count: 1957975 }],
    ["4,4/5(181,1K)", { value: 4.4, scale: 5, count: 181100 }],
    ["Star Rating: 4,5 out of 5.", { value: 4.5, scale: 5 }],
    ["\u00a04 из 5\u00a0\u00a07 отзывов", { value: 4, scale: 5, count: 7 }],
    ["\u00a03,7/5", { value: 3.7, scale: 5 }],
    ["Оценка: 4,6 · 12 345 голосов", { value: 4.6, scale: 5, count: 12345 }],
  ])("%j", (text, rating) => {
    expect(parseSnippetRating(text)).toEqual(rating);
  });

  it("is not a rating when the value is outside its scale or there is no number", () => {
    expect(parseSnippetRating("12/10")).toBeUndefined();
    expect(parseSnippetRating("Магазин на Маркете")).toBeUndefined();
    expect(parseSnippetRating("")).toBeUndefined();
  });
});

describe("parseCount and star widths", () => {
  it("reads counts in the engines' notations", () => {
    expect(parseCount("1,947,320")).toBe(1947320);
    expect(parseCount("26 026")).toBe(26026);
    expect(parseCount("2.5M")).toBe(2500000);
    expect(parseCount("12 тыс.")).toBe(12000);
    expect(parseCount("many")).toBeUndefined();
  });

  it("80 % of five stars is 4", () => {
    expect(ratingFromStarWidth(80)).toEqual({ value: 4, scale: 5 });
    expect(ratingFromStarWidth(130)).toBeUndefined();
  });
});
