import { describe, expect, it } from "vitest";
import { foldWord, scriptOf, tokenize } from "./text-normalize.ts";
import { stemWord } from "./word-stem.ts";

const spans = (text: string) => {
  const { forms, starts, ends } = tokenize(text);
  return forms.map((form, i) => [form, text.slice(starts[i], ends[i])]);
};

describe("tokenize", () => {
  it("splits on anything but letters and digits, keeping offsets into the original text", () => {
    expect(spans("Сбербанк, ОТЗЫВЫ: 5/5!")).toEqual([
      ["сбербанк", "Сбербанк"],
      ["отзывы", "ОТЗЫВЫ"],
      ["5", "5"],
      ["5", "5"],
    ]);
    expect(spans("coca-cola's C,th,fyr")).toEqual([
      ["coca", "coca"],
      ["cola", "cola"],
      ["s", "s"],
      ["c", "C"],
      ["th", "th"],
      ["fyr", "fyr"],
    ]);
  });

  it("treats emoji as separators and keeps astral letters inside words", () => {
    expect(spans("😀отзыв👍😡review 𝒜b")).toEqual([
      ["отзыв", "отзыв"],
      ["review", "review"],
      ["𝒜b", "𝒜b"],
    ]);
    expect(tokenize("😀отзыв").starts).toEqual([2]);
  });

  it("keeps combining marks inside a word and folds them away", () => {
    expect(spans("отзы\u0301вы е\u0308лка \u0301x")).toEqual([
      ["отзывы", "отзы\u0301вы"],
      ["елка", "е\u0308лка"],
      ["x", "x"],
    ]);
  });

  it("folds each word alone when lowercasing would shift offsets", () => {
    expect(spans("İzmir Ёж")).toEqual([
      ["izmir", "İzmir"],
      ["еж", "Ёж"],
    ]);
  });

  it("returns nothing for empty and separator-only text", () => {
    expect(tokenize("").forms).toEqual([]);
    expect(tokenize(" \n,.!? 😀 ").forms).toEqual([]);
  });
});

describe("foldWord, scriptOf, stemWord", () => {
  it("folds case, ё and stress marks", () => {
    expect(foldWord("ЁЛКА")).toBe("елка");
    expect(foldWord("Отзы\u0301в")).toBe("отзыв");
    expect(foldWord("Café")).toBe("café");
  });

  it("chooses the stemmer by script", () => {
    expect(scriptOf("отзывы")).toBe("cyrillic");
    expect(scriptOf("sberбанк")).toBe("cyrillic");
    expect(scriptOf("reviews")).toBe("latin");
    expect(scriptOf("2024")).toBe("other");
    expect(stemWord("отзывов")).toBe("отзыв");
    expect(stemWord("reviewed")).toBe("review");
    expect(stemWord("2024")).toBe("2024");
  });
});
