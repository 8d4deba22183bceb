import { describe, expect, it } from "vitest";
import { buildCueIndex, foldString, scanCues, splitWords, type TCueLine } from "./aspects-cue-index.ts";

function hits(lines: readonly TCueLine[], text: string, negatable = true) {
  const index = buildCueIndex([{ tag: "t", lines, negatable }]);
  return scanCues(index, splitWords(text)).map((h) => ({ cue: h.entry.cue, span: text.slice(h.start, h.end), negated: h.negated }));
}

describe("splitWords", () => {
  it("keeps offsets of the original text, folds case and ё", () => {
    const text = "Ёлки, ДОСТАВКА!";
    const words = splitWords(text);
    expect(words.forms).toEqual(["елки", "доставка"]);
    expect(words.forms.map((_, i) => text.slice(words.starts[i], words.ends[i]))).toEqual(["Ёлки", "ДОСТАВКА"]);
  });

  it("keeps offsets when a letter lower-cases to two code units", () => {
    expect(foldString("İx").length).toBe(2);
    const text = "İstanbul: мошенники";
    const words = splitWords(text);
    const i = words.forms.indexOf("мошенники");
    expect(text.slice(words.starts[i], words.ends[i])).toBe("мошенники");
  });

  it("keeps an apostrophe inside a word and splits on hyphens", () => {
    expect(splitWords("Don’t call the call-center").forms).toEqual(["don't", "call", "the", "call", "center"]);
  });

  it("numbers clauses at punctuation", () => {
    const words = splitWords("one two, three. four");
    expect(words.clauses).toEqual([0, 0, 1, 2]);
  });
});

describe("cue patterns", () => {
  it("matches exact forms, prefixes and suffixes", () => {
    expect(hits([["курьер", 1]], "курьеры опоздали")).toEqual([]);
    expect(hits([["курьер*", 1]], "курьеры опоздали").map((h) => h.span)).toEqual(["курьеры"]);
    expect(hits([["не *йте", 1]], "Не покупайте там").map((h) => h.span)).toEqual(["Не покупайте"]);
    // a suffix needs at least two letters before it
    expect(hits([["не *йте", 1]], "не йте")).toEqual([]);
  });

  it("separates alternatives of one word with | and whole phrases with ;", () => {
    const lines: TCueLine[] = [["who|nobody cares; stay away", 1]];
    expect(hits(lines, "Nobody cares. Stay away!").map((h) => h.span)).toEqual(["Nobody cares", "Stay away"]);
    expect(hits(lines, "who stay")).toEqual([]);
  });

  it("lets … skip up to two words of the same clause", () => {
    const lines: TCueLine[] = [["обходите … стороной", 1]];
    expect(hits(lines, "обходите стороной")).toHaveLength(1);
    expect(hits(lines, "обходите эту контору стороной")).toHaveLength(1);
    expect(hits(lines, "обходите эту шарашкину контору стороной")).toHaveLength(0);
    expect(hits(lines, "обходите, стороной")).toHaveLength(0);
  });

  it("anchors ^ patterns at the start of a clause", () => {
    const lines: TCueLine[] = [["^ don't", 1]];
    expect(hits(lines, "Don't eat there")).toHaveLength(1);
    expect(hits(lines, "Avoid. Don't eat there")).toHaveLength(1);
    expect(hits(lines, "I don't know")).toHaveLength(0);
  });

  it("marks a hit negated when a negator stands up to three words before it in the same clause", () => {
    const lines: TCueLine[] = [["мошенн*|scam*", 1]];
    expect(hits(lines, "они не мошенники")[0]?.negated).toBe(true);
    expect(hits(lines, "it's not a scam")[0]?.negated).toBe(true);
    expect(hits(lines, "I'm not saying they are a scam")[0]?.negated).toBe(false);
    expect(hits(lines, "не знаю, но мошенники")[0]?.negated).toBe(false);
    expect(hits(lines, "мошенники")[0]?.negated).toBe(false);
    expect(hits(lines, "они не мошенники", false)[0]?.negated).toBe(false);
  });

  it("never negates a pattern that begins with a negator", () => {
    expect(hits([["не связывайтесь", 1]], "не не связывайтесь")[0]?.negated).toBe(false);
  });

  it("rejects malformed patterns", () => {
    expect(() => buildCueIndex([{ tag: "t", lines: [["… x", 1]], negatable: false }])).toThrow();
    expect(() => buildCueIndex([{ tag: "t", lines: [["x …", 1]], negatable: false }])).toThrow();
    expect(() => buildCueIndex([{ tag: "t", lines: [["*x", 1]], negatable: false }])).toThrow();
    expect(() => buildCueIndex([{ tag: "t", lines: [["a-b", 1]], negatable: false }])).toThrow();
    expect(() => buildCueIndex([{ tag: "t", lines: [["a||b", 1]], negatable: false }])).toThrow();
  });
});
