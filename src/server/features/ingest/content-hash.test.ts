import { describe, expect, it } from "vitest";
import { contentHash, normalizeForHash } from "./content-hash.ts";

describe("normalizeForHash", () => {
  it("keeps only lower-case words separated by single spaces", () => {
    expect(normalizeForHash("  Great   SERVICE,\n\tfast delivery!!! ")).toBe("great service fast delivery");
  });

  it("folds ё into е and full-width forms into plain letters", () => {
    expect(normalizeForHash("Всё ЁЛКИ")).toBe("все елки");
    expect(normalizeForHash("Ｆｕｌｌ ﬁne")).toBe("full fine");
  });

  it("drops links, @mentions, emoji and hashtags' #", () => {
    expect(normalizeForHash("@shop_ru thanks 😡👍🏽 https://x.ru/a?utm=1 www.shop.ru/p #fail")).toBe("thanks fail");
  });

  it("deletes apostrophes and zero-width characters inside words instead of splitting them", () => {
    expect(normalizeForHash("Don’t buy, spa\u200bm")).toBe("dont buy spam");
  });

  it("splits e-mail addresses on punctuation rather than dropping them as mentions", () => {
    expect(normalizeForHash("write to a@b.com")).toBe("write to a b com");
  });
});

describe("contentHash", () => {
  const base = "Ужасный сервис, ждали заказ два часа. Больше не закажем!";

  it("is a sha256 hex digest", () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["case", "УЖАСНЫЙ СЕРВИС, ЖДАЛИ ЗАКАЗ ДВА ЧАСА. БОЛЬШЕ НЕ ЗАКАЖЕМ!"],
    ["whitespace", "Ужасный   сервис,\nждали заказ два часа.  Больше не закажем!"],
    ["punctuation", "Ужасный сервис — ждали заказ два часа... больше не закажем"],
    ["URL and mention", "@pizza_city Ужасный сервис, ждали заказ два часа. Больше не закажем! https://t.co/abc123"],
    ["emoji", "Ужасный сервис 😡😡 ждали заказ два часа. Больше не закажем! 👎🏻"],
  ])("ignores %s differences", (_label, variant) => {
    expect(contentHash(variant)).toBe(contentHash(base));
  });

  it("treats ё and е as the same letter", () => {
    expect(contentHash("Всё ещё жду возврат")).toBe(contentHash("Все еще жду возврат"));
  });

  it("differs when a word differs, and when the word order differs", () => {
    expect(contentHash("Ужасный сервис, ждали заказ три часа. Больше не закажем!")).not.toBe(contentHash(base));
    expect(contentHash("good not bad")).not.toBe(contentHash("bad not good"));
  });

  it("hashes texts without words to the hash of the empty string", () => {
    expect(contentHash("😀 !!! https://x.ru")).toBe(contentHash(""));
  });
});
