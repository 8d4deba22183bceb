import { describe, expect, it } from "vitest";
import { compileQuery, match } from "./query-matcher.ts";
import { parseQuery } from "./query-parser.ts";

const matches = (query: string, text: string): boolean => match(compileQuery(query), text).matched;
/** The highlighted pieces of text with their leaf, for compact assertions. */
const marked = (query: string, text: string): [string, string][] =>
  match(compileQuery(query), text).highlights.map(({ start, end, term }) => [text.slice(start, end), term]);

describe("match: morphology", () => {
  it.each(["отзыв", "отзывы", "отзывов", "отзыве", "отзыва", "отзыву", "отзывами", "Отзывы", "ОТЗЫВОВ"])(
    "отзыв finds %s",
    (word) => expect(matches("отзыв", `вот ${word} тут`)).toBe(true),
  );

  it.each(["review", "reviews", "reviewed", "reviewing", "Reviews"])("review finds %s", (word) => {
    expect(matches("review", `a ${word} here`)).toBe(true);
  });

  it("matches other forms of an inflected term too (snowball stems отзыв to отз but отзывы to отзыв)", () => {
    expect(matches("отзывы", "один отзыв")).toBe(true);
    expect(matches("банков", "мой банк")).toBe(true);
    expect(matches("reviews", "one review")).toBe(true);
  });

  it("does not match a different word with a shared beginning", () => {
    expect(matches("отзыв", "отозвал")).toBe(false);
    expect(matches("банк", "банкомат")).toBe(false);
    expect(matches("review", "preview")).toBe(false);
  });

  it("stems by the word's own script: a Latin term never matches a Cyrillic word", () => {
    expect(matches("bank", "банк")).toBe(false);
    expect(matches("банк", "bank")).toBe(false);
  });
});

describe("match: case, ё and marks", () => {
  it("folds case and ё in both directions", () => {
    expect(matches("ёлка", "Купил ЕЛКУ")).toBe(true);
    expect(matches("елка", "ёлки-палки")).toBe(true);
    expect(matches("ЁЛК*", "ёлочный базар")).toBe(false);
    expect(matches("ЁЛК*", "Ёлки")).toBe(true);
    expect(matches('"ещё раз"', "ЕЩЕ РАЗ")).toBe(true);
  });

  it("ignores stress marks and decomposed ё", () => {
    expect(marked("отзыв", "мой отзы\u0301в")).toEqual([["отзы\u0301в", "отзыв"]]);
    expect(marked("елка", "е\u0308лка")).toEqual([["е\u0308лка", "елка"]]);
  });

  it("keeps offsets right when lowercasing changes the text length (İ)", () => {
    expect(marked("istanbul", "İİ İstanbul")).toEqual([["İstanbul", "istanbul"]]);
  });
});

describe("match: phrases", () => {
  it("needs consecutive words in exactly those forms, any case, no stemming", () => {
    expect(marked('"служба доставки"', "Служба  ДОСТАВКИ опять")).toEqual([["Служба  ДОСТАВКИ", '"служба доставки"']]);
    expect(matches('"служба доставки"', "службы доставки")).toBe(false);
    expect(matches('"служба доставки"', "служба быстрой доставки")).toBe(false);
    expect(matches('"отзыв"', "отзывы")).toBe(false);
    expect(matches('"отзыв"', "Отзыв")).toBe(true);
  });

  it("accepts any separator where the phrase has a space", () => {
    expect(matches('"сбер банк"', "Сбер, банк")).toBe(true);
    expect(matches('"сбер банк"', "сбер-банк")).toBe(true);
  });

  it("needs the phrase's own punctuation in the text", () => {
    expect(marked('"C,th,fyr"', "мой банк C,th,fyr лучше")).toEqual([["C,th,fyr", '"C,th,fyr"']]);
    expect(matches("C,th,fyr", "мой банк C,th,fyr лучше")).toBe(true);
    expect(matches('"C,th,fyr"', "мой банк c th fyr лучше")).toBe(false);
    expect(matches('"C,th,fyr"', "мой банк C.th.fyr лучше")).toBe(false);
    expect(matches("coca-cola", "Coca\u2013Cola")).toBe(true);
    expect(matches("mcdonald's", "McDonald\u2019s")).toBe(true);
  });

  it("needs leading and trailing punctuation to touch the words", () => {
    expect(marked('",tkfhecm"', "про ,tkfhecm снова")).toEqual([[",tkfhecm", '",tkfhecm"']]);
    expect(matches('",tkfhecm"', "про tkfhecm снова")).toBe(false);
    expect(matches('",tkfhecm"', ", tkfhecm")).toBe(false);
    expect(marked('"ljhjuj["', "ljhjuj[ ljhjuj")).toEqual([["ljhjuj[", '"ljhjuj["']]);
    expect(matches('"ljhjuj["', "ljhjuj ljhjuj")).toBe(false);
    expect(matches('"\\"kmljhflj"', 'в "kmljhflj')).toBe(true);
  });
});

describe("match: prefix wildcard", () => {
  it("matches words starting with the prefix, without stemming", () => {
    expect(marked("достав*", "Доставка и доставщик, недоставка")).toEqual([
      ["Доставка", "достав*"],
      ["доставщик", "достав*"],
    ]);
    expect(matches("достав*", "доста")).toBe(false);
    expect(matches("2024*", "в 20245 году")).toBe(true);
  });
});

describe("match: NEAR", () => {
  it.each<[string, string, boolean]>([
    ["сбер NEAR/1 обман", "сбер обман", true],
    ["сбер NEAR/1 обман", "обман сбер", true],
    ["сбер NEAR/1 обман", "сбер это обман", false],
    ["сбер NEAR/2 обман", "сбер это обман", true],
    ["сбер NEAR/2 обман", "обман, это сбер!", true],
    ["сбер NEAR/3 обман", "сбер a b c обман", false],
    ["сбер NEAR/4 обман", "сбер a b c обман", true],
    ["сбер NEAR/2 сбер", "сбер", false],
    ["сбер NEAR/2 сбер", "сбер и сбер", true],
    ["банк NEAR/3 бан*", "банк", false],
    ['"сбер банк" NEAR/2 "не работает"', "Сбер банк опять не работает", true],
    ['"сбер банк" NEAR/1 "не работает"', "Сбер банк опять не работает", false],
    ['"не работает" NEAR/2 "сбер банк"', "Сбер банк опять не работает", true],
    ["(сбер OR тинькофф) NEAR/2 обман*", "тинькофф — обманщики", true],
    ["a NEAR/1 b NEAR/1 c", "a b c", true],
    ["a NEAR/1 b NEAR/1 c", "c a b", true],
    ["a NEAR/1 b NEAR/1 c", "a b x c", false],
  ])("%s in %j: %s", (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it("highlights only the occurrences that are near each other", () => {
    expect(marked("сбер NEAR/1 обман", "сбер хороший, сбер обман")).toEqual([
      ["сбер", "сбер"],
      ["обман", "обман"],
    ]);
    const { highlights } = match(compileQuery("сбер NEAR/1 обман"), "сбер хороший, сбер обман");
    expect(highlights.map((h) => h.start)).toEqual([14, 19]);
  });
});

describe("match: boolean logic and highlights", () => {
  const text = "Оставил отзыв о банке, спам не шлите";

  it("AND, OR, NOT and implicit AND", () => {
    expect(matches("отзыв банк", text)).toBe(true);
    expect(matches("отзыв AND NOT спам", text)).toBe(false);
    expect(matches("отзыв AND NOT реклама", text)).toBe(true);
    expect(matches("жалоба OR отзыв", text)).toBe(true);
    expect(matches("жалоба OR претензия", text)).toBe(false);
    expect(matches("(жалоба OR отзыв) AND NOT (реклама OR казино)", text)).toBe(true);
  });

  it("gives exact offsets into the original text, sorted, from matching positive parts only", () => {
    const result = match(compileQuery("(жалоба OR отзыв* OR банк) AND NOT реклама"), text);
    expect(result).toEqual({
      matched: true,
      highlights: [
        { start: 8, end: 13, term: "отзыв*" },
        { start: 16, end: 21, term: "банк" },
      ],
    });
  });

  it("never highlights under NOT, and returns no highlights without a match", () => {
    expect(marked("банк AND NOT (реклама AND спам)", text)).toEqual([["банке", "банк"]]);
    expect(match(compileQuery("отзыв AND NOT спам"), text)).toEqual({ matched: false, highlights: [] });
  });

  it("keeps overlapping highlights of different leaves, identical ones once", () => {
    expect(marked("банк OR бан* OR банк", "банк")).toEqual([
      ["банк", "бан*"],
      ["банк", "банк"],
    ]);
  });

  it("reads emoji and mixed scripts as separators and words", () => {
    const emojiText = "😀😀 отзыв👍Sberbank🔥сбербанк";
    expect(match(compileQuery("отзыв sberbank сбербанк"), emojiText).highlights).toEqual([
      { start: 5, end: 10, term: "отзыв" },
      { start: 12, end: 20, term: "sberbank" },
      { start: 22, end: 30, term: "сбербанк" },
    ]);
    expect(marked("sber*", "Sberбанк и sber")).toEqual([
      ["Sberбанк", "sber*"],
      ["sber", "sber*"],
    ]);
    expect(matches("sber", "Sberбанк")).toBe(false);
    expect(matches("iphone15", "новый iPhone15 Pro")).toBe(true);
  });

  it("matches an empty or separator-only text as nothing", () => {
    expect(matches("a", "")).toBe(false);
    expect(matches("a", " ,.!? 😀 ")).toBe(false);
  });

  it("compiles from a tree as well as from text, and reuses one compiled query", () => {
    const compiled = compileQuery(parseQuery("отзыв"));
    expect(match(compiled, "отзывы").matched).toBe(true);
    expect(match(compiled, "жалоба").matched).toBe(false);
    expect(match(compiled, "отзыве").matched).toBe(true);
  });
});
