import { describe, expect, it } from "vitest";
import { queryTestReport, variantsReport } from "./query-cli.ts";

describe("queryTestReport", () => {
  it("prints the highlights and exits 0 on a match", () => {
    expect(queryTestReport("отзыв* AND NOT спам", "Оставил отзыв о банке, отзывы")).toEqual({
      code: 0,
      out: ["match: yes", '  8-13 "отзыв" (term отзыв*)', '  23-29 "отзывы" (term отзыв*)'],
      err: [],
    });
  });

  it("exits 1 without a match", () => {
    expect(queryTestReport("отзыв AND NOT спам", "отзыв и спам")).toEqual({ code: 1, out: ["match: no"], err: [] });
  });

  it("exits 2 with a caret under the error", () => {
    expect(queryTestReport("отзыв AND (спам", "x")).toEqual({
      code: 2,
      out: [],
      err: [
        'query error: unexpected end of query: expected ")" to close the "(" at position 10',
        "  отзыв AND (спам",
        "                 ^",
      ],
    });
    expect(queryTestReport("a\tAND AND b", "x").err.slice(1)).toEqual(["  a AND AND b", "        ^"]);
  });
});

describe("variantsReport", () => {
  it("groups the variants by kind and ends with a query", () => {
    const { code, out } = variantsReport("Сбербанк", ["Сбер"]);
    expect(code).toBe(0);
    expect(out.slice(0, 6)).toEqual(["translit (1):", "  Sberbank", "layout (2):", "  C,th,fyr", "  Ыиукифтл  (from Sberbank)", "typo (30):"]);
    expect(out.slice(-3)).toEqual(["abbreviation (1):", "  Сбер", expect.stringMatching(/^query: Сбербанк OR Sberbank OR "C,th,fyr" OR /)]);
  });

  it("needs a name", () => {
    expect(variantsReport("  ", [])).toEqual({ code: 2, out: [], err: ["a brand name is required"] });
  });
});
