import { describe, expect, it } from "vitest";
import { languageOf, normalizeItem } from "./normalize-item.ts";

describe("languageOf", () => {
  it("takes the platform's tag first", () => expect(languageOf("en-US", "Привет, мир")).toBe("en"));
  it("reads Cyrillic by its letters", () => {
    expect(languageOf(undefined, "Отличный банк, всё быстро оформили")).toBe("ru");
    expect(languageOf(undefined, "Дякую, все швидко і зручно, їжа смачна")).toBe("uk");
    expect(languageOf(undefined, "Дзякуй, усё добра і хутка, ўсё")).toBe("be");
  });
  it("detects Latin-script languages", () => {
    expect(languageOf(undefined, "The support team answered quickly and fixed my card")).toBe("en");
    expect(languageOf(undefined, "Der Kundendienst hat schnell geantwortet und die Karte repariert")).toBe("de");
  });
  it("gives no language to text without letters", () => expect(languageOf(undefined, "👍 123 !!!")).toBeNull());
});

describe("normalizeItem", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  it("reduces HTML, canonicalizes the URL and falls back to now for an unreadable date", () => {
    const m = normalizeItem(
      "rss",
      { kind: "article", externalId: "x", url: "https://WWW.Example.com/a/?utm_source=feed", author: {}, text: "<p>Нортвинд &amp; партнёры</p>", textIsHtml: true, publishedAt: "not a date", replyCapability: "none" },
      now,
    );
    expect(m).toMatchObject({ text: "Нортвинд & партнёры", url: "https://www.example.com/a", site: "example.com", lang: "ru", originalUrl: "https://WWW.Example.com/a/?utm_source=feed" });
    expect(m.publishedAt).toEqual(now);
  });
});
