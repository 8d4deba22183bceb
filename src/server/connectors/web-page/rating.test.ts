import { describe, expect, it } from "vitest";
import { parseRating, ratingFromClass, ratingOf } from "./rating.ts";

describe("parseRating", () => {
  it.each([
    ["4", { value: 4, scale: 5 }],
    ["4/5", { value: 4, scale: 5 }],
    ["8 / 10", { value: 8, scale: 10 }],
    ["4 из 5", { value: 4, scale: 5 }],
    ["4.5 out of 5 stars", { value: 4.5, scale: 5 }],
    ["Оценка: 4,5", { value: 4.5, scale: 5 }],
    ["4 звезды", { value: 4, scale: 5 }],
    ["Rated 3 stars", { value: 3, scale: 5 }],
    ["7", { value: 7, scale: 10 }],
    ["★★★★☆", { value: 4, scale: 5 }],
    ["★★★", { value: 3, scale: 5 }],
    ["0", { value: 0, scale: 5 }],
  ])("%s → %j", (text, expected) => {
    expect(parseRating(text)).toEqual(expected);
  });

  it.each([[""], ["отлично"], ["42"], ["6/5"], ["4/0"], [undefined]])("%j → undefined", (text) => {
    expect(parseRating(text)).toBeUndefined();
  });
});

describe("ratingFromClass", () => {
  it.each([
    ["review-stars stars-4", { value: 4, scale: 5 }],
    ["rating_5", { value: 5, scale: 5 }],
    ["star3 big", { value: 3, scale: 5 }],
    ["rating-8", { value: 8, scale: 10 }],
  ])("%s → %j", (cls, expected) => {
    expect(ratingFromClass(cls)).toEqual(expected);
  });
  it("ignores classes without a number or with other words", () => {
    expect(ratingFromClass("review-stars")).toBeUndefined();
    expect(ratingFromClass("stars-400px")).toBeUndefined();
    expect(ratingFromClass(undefined)).toBeUndefined();
  });
});

describe("ratingOf", () => {
  it("reads schema.org values as strings or numbers, bestRating defaulting to 5", () => {
    expect(ratingOf("4,5", undefined)).toEqual({ value: 4.5, scale: 5 });
    expect(ratingOf(9, "10")).toEqual({ value: 9, scale: 10 });
    expect(ratingOf("5", "")).toEqual({ value: 5, scale: 5 });
    expect(ratingOf("n/a", 5)).toBeUndefined();
    expect(ratingOf(undefined, 5)).toBeUndefined();
    expect(ratingOf(7, 5)).toBeUndefined();
  });
});
