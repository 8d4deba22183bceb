import { describe, expect, it } from "vitest";
import { neighbourKeys, typedOnCyrillicLayout, typedOnLatinLayout } from "./keyboard-layout.ts";
import { compileQuery, match } from "./query-matcher.ts";
import { cyrillicToLatin, latinToCyrillic } from "./transliterate.ts";
import { typoVariants } from "./typo-variants.ts";
import { type TVariant, VARIANT_KINDS, generateVariants, variantQueryTerm, variantsQuery } from "./variants.ts";

const ofKind = (variants: TVariant[], kind: TVariant["kind"]) => variants.filter((v) => v.kind === kind).map((v) => v.variant);

describe("transliteration", () => {
  it("spells Russian the practical way and keeps case", () => {
    expect(cyrillicToLatin("Сбербанк")).toBe("Sberbank");
    expect(cyrillicToLatin("Тинькофф Банк")).toBe("Tinkoff Bank");
    expect(cyrillicToLatin("МТС")).toBe("MTS");
    expect(cyrillicToLatin("Щука")).toBe("Shchuka");
    expect(cyrillicToLatin("ЩУКА")).toBe("SHCHUKA");
    expect(cyrillicToLatin("Хабаровск")).toBe("Khabarovsk");
    expect(cyrillicToLatin("Объявления")).toBe("Obyavleniya");
  });

  it("offers the common alternatives", () => {
    expect(cyrillicToLatin("Хабаровск", ["h"])).toBe("Habarovsk");
    expect(cyrillicToLatin("Щука", ["sch"])).toBe("Schuka");
    expect(cyrillicToLatin("Яблоко", ["ia"])).toBe("Iabloko");
    expect(cyrillicToLatin("Яндекс", ["x"])).toBe("Yandex");
    expect(cyrillicToLatin("Новый", ["y"])).toBe("Novy");
    expect(cyrillicToLatin("Ёлки", ["yo"])).toBe("Yolki");
    expect(cyrillicToLatin("Цифра", ["c"])).toBe("Cifra");
  });

  it("spells Latin names in Cyrillic", () => {
    expect(latinToCyrillic("Sberbank")).toBe("Сбербанк");
    expect(latinToCyrillic("Yandex")).toBe("Яндекс");
    expect(latinToCyrillic("Toyota")).toBe("Тойота");
    expect(latinToCyrillic("Sony")).toBe("Сони");
    expect(latinToCyrillic("Citibank")).toBe("Цитибанк");
    expect(latinToCyrillic("Hyundai")).toBe("Хюндай");
    expect(latinToCyrillic("Hyundai", ["g"])).toBe("Гюндай");
    expect(latinToCyrillic("Jeep")).toBe("Джип");
    expect(latinToCyrillic("IBM")).toBe("ИБМ");
  });
});

describe("keyboard layout", () => {
  it("reproduces text typed with the wrong layout, both ways", () => {
    expect(typedOnLatinLayout("Сбербанк")).toBe("C,th,fyr");
    expect(typedOnLatinLayout("привет")).toBe("ghbdtn");
    expect(typedOnCyrillicLayout("ghbdtn")).toBe("привет");
    expect(typedOnCyrillicLayout("C,th,fyr")).toBe("Сбербанк");
    expect(typedOnLatinLayout("Беларусь")).toBe("<tkfhecm");
    expect(typedOnLatinLayout("Ёж, Эх.")).toBe('~;? "[/');
  });

  it("finds neighbouring letter keys on the letter's own layout", () => {
    expect(neighbourKeys("с")).toEqual(["ч", "м"]);
    expect(neighbourKeys("Q")).toEqual(["W"]);
    expect(neighbourKeys("1")).toEqual([]);
  });
});

describe("typoVariants", () => {
  it("produces swaps, drops, doubles and neighbour keys, keeping the capital first", () => {
    const typos = typoVariants("Сбер", 100);
    expect(typos).toEqual(
      expect.arrayContaining(["Бсер", "Сбре", "бер", "Сер", "Ссбер", "Сббер", "Чбер", "Мбер", "Сбеп", "Сбео"]),
    );
  });

  it("skips short names and respects the limit, round-robin across kinds", () => {
    expect(typoVariants("МТС", 100)).toEqual([]);
    expect(typoVariants("Сбербанк", 4)).toEqual(["Бсербанк", "бербанк", "Ссбербанк", "Чбербанк"]);
  });
});

describe("generateVariants", () => {
  const variants = generateVariants("Сбербанк", { abbreviations: ["Сбер", " SB ", "сбербанк", ""] });

  it("gives the transliteration and the wrong-layout spellings", () => {
    expect(ofKind(variants, "translit")).toEqual(["Sberbank"]);
    expect(ofKind(variants, "layout")).toEqual(["C,th,fyr", "Ыиукифтл"]);
    expect(variants.find((v) => v.variant === "Ыиукифтл")?.from).toBe("Sberbank");
    expect(variants.find((v) => v.variant === "C,th,fyr")?.from).toBe("Сбербанк");
  });

  it("keeps the user's abbreviations, trimmed, without empty ones or the name itself", () => {
    expect(ofKind(variants, "abbreviation")).toEqual(["SB", "Сбер"]);
  });

  it("caps, dedupes (case- and ё-insensitively) and sorts by kind then variant, deterministically", () => {
    expect(ofKind(variants, "typo")).toHaveLength(30);
    const keys = variants.map((v) => v.variant.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain("сбербанк");
    const order = variants.map((v) => VARIANT_KINDS.indexOf(v.kind));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const kind of VARIANT_KINDS) {
      const list = ofKind(variants, kind);
      expect(list).toEqual([...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    expect(generateVariants("Сбербанк", { abbreviations: ["Сбер", " SB ", "сбербанк", ""] })).toEqual(variants);
  });

  it("goes both ways between ghbdtn and привет", () => {
    expect(ofKind(generateVariants("ghbdtn"), "layout")).toContain("привет");
    expect(ofKind(generateVariants("привет"), "layout")).toContain("ghbdtn");
    expect(ofKind(generateVariants("привет"), "translit")).toEqual(["privet"]);
  });

  it("gives both the shifted and unshifted layout spelling of a capital", () => {
    expect(ofKind(generateVariants("Беларусь"), "layout")).toEqual(expect.arrayContaining(["<tkfhecm", ",tkfhecm"]));
  });

  it("drops variants without a letter or digit", () => {
    expect(generateVariants("Бю").map((v) => v.variant)).not.toContain(",.");
    expect(generateVariants("Бю").every((v) => /[\p{L}\p{N}]/u.test(v.variant))).toBe(true);
  });
});

describe("variant query terms", () => {
  it("quotes a variant with punctuation so that it is found literally", () => {
    expect(variantQueryTerm("C,th,fyr")).toBe('"C,th,fyr"');
    expect(variantQueryTerm("Sberbank")).toBe("Sberbank");
    expect(variantQueryTerm("ИЛИ")).toBe('"ИЛИ"');
    expect(variantQueryTerm('"kmljhflj')).toBe('"\\"kmljhflj"');
    const query = compileQuery(variantQueryTerm("C,th,fyr"));
    const text = "мой банк C,th,fyr лучше";
    expect(match(query, text).highlights).toEqual([{ start: 9, end: 17, term: '"C,th,fyr"' }]);
  });

  it("builds one query that finds the name and every variant, and still parses", () => {
    const variants = generateVariants("Эльдорадо", { abbreviations: ["ЭЛД"] });
    const query = compileQuery(variantsQuery("Эльдорадо", variants));
    for (const { variant } of variants) expect(match(query, `текст ${variant} текст`).matched).toBe(true);
    expect(match(query, "в Эльдорадо").matched).toBe(true);
    expect(match(query, "в эльдорадо купил").matched).toBe(true);
    expect(match(query, "ничего").matched).toBe(false);
  });
});
