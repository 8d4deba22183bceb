import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gapArb, phraseTextArb, wordArb } from "./query-arbitraries.ts";
import type { TLeafNode, TQueryNode } from "./query-ast.ts";
import { type THighlight, compileQuery, match } from "./query-matcher.ts";
import { printQuery, quotePhrase } from "./query-printer.ts";

/** Random surroundings: letters, spaces, punctuation, emoji, a stress mark, İ. */
const noiseArb = fc.string({
  unit: fc.constantFrom(..."ab яё ,.!?-\"'()*\n\t😀👍İ\u0301Z9".split(""), "😀"),
  maxLength: 30,
});

const run = (query: TQueryNode, text: string) => match(compileQuery(printQuery(query)), text);

describe("match properties", () => {
  it("(c) a text with a term inserted as its own word always matches that term", () => {
    fc.assert(
      fc.property(noiseArb, wordArb, noiseArb, (before, word, after) => {
        const text = `${before} ${word} ${after}`;
        const result = match(compileQuery(printQuery({ type: "term", value: word })), text);
        expect(result.matched).toBe(true);
        expect(result.highlights.some((h) => h.start === before.length + 1 && h.end === before.length + 1 + word.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("(c) … and any prefix of it, written with *", () => {
    fc.assert(
      fc.property(noiseArb, wordArb, fc.nat(), noiseArb, (before, word, cut, after) => {
        const chars = [...word];
        const prefix = chars.slice(0, 1 + (cut % chars.length)).join("");
        expect(match(compileQuery(`${prefix}*`), `${before} ${word} ${after}`).matched).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("(c) … and an exact phrase inserted as written, punctuation and all", () => {
    fc.assert(
      fc.property(noiseArb, phraseTextArb, noiseArb, (before, phrase, after) => {
        const text = `${before} ${phrase} ${after}`;
        const result = match(compileQuery(quotePhrase(phrase)), text);
        expect(result.matched).toBe(true);
        const at = before.length + 1;
        const trimmed = phrase.trim();
        const start = at + phrase.indexOf(trimmed);
        expect(result.highlights.some((h) => h.start === start && h.end === start + trimmed.length)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  // A small vocabulary, so leaves and texts often meet.
  const VOCABULARY = ["отзыв", "отзывы", "Отзывов", "банк", "банка", "review", "reviews", "сбер", "C,th,fyr", "ёлка", "елки", "9"];
  const vocabularyWord = fc.constantFrom(...VOCABULARY);
  const vocabularyText = fc
    .array(fc.tuple(vocabularyWord, fc.constantFrom(" ", ", ", "-", "😀", "! ", " и ")), { maxLength: 8 })
    .map((pairs) => pairs.map(([w, s]) => w + s).join(""));
  const vocabularyLeaf: fc.Arbitrary<TLeafNode> = fc.oneof(
    vocabularyWord.filter((w) => !w.includes(",")).map((value): TLeafNode => ({ type: "term", value })),
    fc.constantFrom("отз", "бан", "rev", "ел", "ёл", "с").map((value): TLeafNode => ({ type: "prefix", value })),
    fc.array(vocabularyWord, { minLength: 1, maxLength: 2 }).map((ws): TLeafNode => ({ type: "phrase", text: ws.join(" ") })),
  );
  const sorted = (highlights: THighlight[]) =>
    [...new Map(highlights.map((h) => [`${h.start}:${h.end}:${h.term}`, h])).values()].sort(
      (a, b) => a.start - b.start || a.end - b.end || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    );

  it("(d) A OR B matches iff A or B matches, highlighting the union", () => {
    fc.assert(
      fc.property(vocabularyLeaf, vocabularyLeaf, vocabularyText, (a, b, text) => {
        const left = run(a, text);
        const right = run(b, text);
        const both = run({ type: "or", operands: [a, b] }, text);
        expect(both.matched).toBe(left.matched || right.matched);
        expect(both.highlights).toEqual(sorted([...left.highlights, ...right.highlights]));
      }),
      { numRuns: 3000 },
    );
  });

  it("(d) NOT A AND B matches iff B does and A does not, with exactly B's highlights", () => {
    fc.assert(
      fc.property(vocabularyLeaf, vocabularyLeaf, vocabularyText, (a, b, text) => {
        const result = run({ type: "and", operands: [{ type: "not", operand: a }, b] }, text);
        const onlyA = run(a, text);
        const onlyB = run(b, text);
        expect(result.matched).toBe(!onlyA.matched && onlyB.matched);
        if (result.matched) expect(result.highlights).toEqual(onlyB.highlights);
      }),
      { numRuns: 3000 },
    );
  });

  it("A NEAR/n B matches exactly when B NEAR/n A does", () => {
    fc.assert(
      fc.property(vocabularyLeaf, vocabularyLeaf, fc.integer({ min: 1, max: 4 }), vocabularyText, (a, b, distance, text) => {
        const ab = run({ type: "near", distance, left: a, right: b }, text);
        const ba = run({ type: "near", distance, left: b, right: a }, text);
        expect(ab.matched).toBe(ba.matched);
        expect(ab.highlights).toEqual(ba.highlights);
      }),
      { numRuns: 3000 },
    );
  });

  it("highlights lie inside the text and never cut a word", () => {
    fc.assert(
      fc.property(vocabularyLeaf, noiseArb, vocabularyText, gapArb, (leaf, noise, text, gap) => {
        const full = `${noise}${gap}${text}`;
        for (const { start, end } of run(leaf, full).highlights) {
          expect(0 <= start && start < end && end <= full.length).toBe(true);
          expect(/[\p{L}\p{N}]/u.test(full.charAt(start - 1)) && /[\p{L}\p{N}]/u.test(full.charAt(start))).toBe(false);
          expect(/[\p{L}\p{N}\p{M}]/u.test(full.charAt(end))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
