import { describe, expect, it } from "vitest";
import { createFeatureBuffer, DEFAULT_FEATURES, domainSeed, extractFeatures } from "./features.ts";
import { NEGATED_PREFIX, TOKEN, isNegator, normalizeText, sentimentTokens } from "./normalize.ts";

const tokens = (text: string, scope?: number) => sentimentTokens(text, scope).tokens;

describe("normalizeText", () => {
  it("lower-cases and folds ё to е", () => {
    expect(normalizeText("ЁЛКИ Всё")).toBe("елки все");
  });

  it("masks links, @mentions and numbers", () => {
    expect(tokens("@sber_bank см. https://t.co/AbC123 и www.example.com/x, 2024 год")).toEqual([
      TOKEN.user, "см", TOKEN.url, "и", TOKEN.url, TOKEN.num, "год",
    ]);
  });

  it("keeps the @ of an e-mail address out of the mention mask", () => {
    expect(tokens("пишите на help@bank.ru")).not.toContain(TOKEN.user);
  });

  it("maps emoji and emoticons to polarity tokens, each emoji also to its own token", () => {
    expect(tokens("супер 👍")).toEqual(["супер", TOKEN.emoPos, "_e1f44d_"]);
    expect(tokens("опять 😡")).toEqual(["опять", TOKEN.emoNeg, "_e1f621_"]);
    expect(tokens("ok :) bad :-( lol :D")).toEqual(["ok", TOKEN.emoPos, "bad", TOKEN.emoNeg, "lol", TOKEN.emoPos]);
  });

  it("reads Russian bracket smiles and frowns but not parentheses", () => {
    expect(tokens("одобрили)))")).toEqual(["одобрили", TOKEN.emoPos]);
    expect(tokens("списали(((")).toEqual(["списали", TOKEN.emoNeg]);
    expect(tokens("ну вот)")).toEqual(["ну", "вот", TOKEN.emoPos]);
    expect(tokens("банк (Москва) открыт")).toEqual(["банк", "москва", "открыт"]);
  });

  it("squashes letters repeated three or more times and marks the elongation", () => {
    expect(tokens("сууупер")).toEqual(["суупер", TOKEN.elong]);
    expect(tokens("soooo good")).toEqual(["soo", TOKEN.elong, "good"]);
    expect(tokens("cool")).toEqual(["cool"]);
  });

  it("marks short spans in scare quotes", () => {
    expect(tokens('спасибо, очень "помогли"')).toEqual(["спасибо", "очень", TOKEN.quoted, "помогли", TOKEN.quoted]);
    expect(tokens("за «качественное» обслуживание")).toContain(TOKEN.quoted);
  });

  it("keeps one token for a run of ! or ?", () => {
    expect(tokens("ужас!!! почему???")).toEqual(["ужас", TOKEN.excl, "почему", TOKEN.quest]);
  });

  it("drops invisible format characters inside words", () => {
    expect(tokens("пло\u200bхо")).toEqual(["плохо"]);
  });
});

describe("negation marking", () => {
  const neg = (w: string) => NEGATED_PREFIX + w;

  it("marks the words after не/нет/ни", () => {
    expect(tokens("не плохо")).toEqual(["не", neg("плохо")]);
    expect(tokens("совсем не плохо для такой цены")).toEqual(["совсем", "не", neg("плохо"), neg("для"), neg("такой"), "цены"]);
  });

  it("marks the words after not, never, n't and their apostrophe-less forms", () => {
    expect(tokens("not bad")).toEqual(["not", neg("bad")]);
    expect(tokens("I don't like it")).toEqual(["i", "don't", neg("like"), neg("it")]);
    expect(tokens("they wo n't sit still")).toEqual(["they", "wo", "n't", neg("sit"), neg("still")]);
    expect(tokens("dont like")).toEqual(["dont", neg("like")]);
    expect(tokens("never again")).toEqual(["never", neg("again")]);
    expect(tokens("I don’t like it")).toContain(neg("like"));
  });

  it("stops the scope at punctuation and after the scope length", () => {
    expect(tokens("не знаю, но сервис отличный")).toEqual(["не", neg("знаю"), "но", "сервис", "отличный"]);
    expect(tokens("not at all bad here", 3)).toEqual(["not", neg("at"), neg("all"), neg("bad"), "here"]);
    expect(tokens("не очень хороший банк", 1)).toEqual(["не", neg("очень"), "хороший", "банк"]);
  });

  it("knows the negators", () => {
    for (const word of ["не", "нет", "никогда", "not", "never", "no", "don't", "isn't", "cant"]) expect(isNegator(word)).toBe(true);
    for (const word of ["нет", "note", "nothingness", "небо"]) expect(isNegator(word)).toBe(word === "нет");
  });
});

describe("extractFeatures", () => {
  it("is deterministic and stays inside the bucket range", () => {
    const a = createFeatureBuffer();
    const b = createFeatureBuffer();
    const text = "Не плохо, @user! http://x.co/1 👍 Сбер ))";
    const n = extractFeatures(text, DEFAULT_FEATURES, a);
    expect(extractFeatures(text, DEFAULT_FEATURES, b)).toBe(n);
    expect([...a.indices.subarray(0, n)]).toEqual([...b.indices.subarray(0, n)]);
    for (const index of a.indices.subarray(0, n)) {
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(1 << DEFAULT_FEATURES.bits);
    }
    expect(a.wordCount).toBeGreaterThan(0);
    expect(a.wordCount).toBeLessThan(n);
  });

  it("adds a domain copy of every feature, word block first", () => {
    const plain = createFeatureBuffer();
    const domain = createFeatureBuffer();
    const n = extractFeatures("очень плохой сервис", DEFAULT_FEATURES, plain);
    const nw = plain.wordCount;
    const words = [...plain.indices.subarray(0, nw)];
    const chars = [...plain.indices.subarray(nw, n)];
    expect(extractFeatures("очень плохой сервис", DEFAULT_FEATURES, domain, domainSeed("social"))).toBe(2 * n);
    expect(domain.wordCount).toBe(2 * nw);
    expect([...domain.indices.subarray(0, nw)]).toEqual(words);
    expect([...domain.indices.subarray(2 * nw, 2 * nw + chars.length)]).toEqual(chars);
  });

  it("handles an empty text (the bias feature alone)", () => {
    const buffer = createFeatureBuffer();
    expect(extractFeatures("", DEFAULT_FEATURES, buffer)).toBe(1);
  });
});
