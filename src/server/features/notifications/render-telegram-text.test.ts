import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "./notification-event.ts";
import { hostileEvent, sampleEvent } from "./notification-fixtures.ts";
import { TELEGRAM_MAX_LENGTH, renderTelegramText } from "./render-telegram-text.ts";

/** Telegram's HTML mode: only these tags, and every "&" starts an entity it knows. */
function expectValidTelegramHtml(text: string): void {
  const withoutOurTags = text.replace(/<\/?(b|blockquote)>|<a href="[^"<>]*">|<\/a>/g, "");
  expect(withoutOurTags).not.toMatch(/[<>]/);
  expect(text.replace(/&(lt|gt|amp|quot|#39);/g, "")).not.toContain("&");
  for (const tag of ["b", "blockquote", "a"]) {
    const open = text.match(new RegExp(`<${tag}[ >]`, "g"))?.length ?? 0;
    const close = text.match(new RegExp(`</${tag}>`, "g"))?.length ?? 0;
    expect(close, tag).toBe(open);
  }
}

describe("renderTelegramText", () => {
  it.each(NOTIFICATION_KINDS)("%s: a short message with the case link, in both languages", (kind) => {
    for (const locale of ["en", "ru"] as const) {
      const text = renderTelegramText(sampleEvent(kind), { locale });
      expect(text).toContain("<b>Northwind Bank</b> · banki.ru");
      expect(text).toContain('<a href="https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001">');
      expect(text.length).toBeLessThan(1000);
      expectValidTelegramHtml(text);
    }
  });

  it("is in the reader's language", () => {
    expect(renderTelegramText(sampleEvent("awaiting_approval"), { locale: "en" })).toContain("A response awaits approval");
    expect(renderTelegramText(sampleEvent("awaiting_approval"), { locale: "ru" })).toContain("Ответ ждёт согласования");
    expect(renderTelegramText(sampleEvent("returned"), { locale: "ru" })).toContain("<b>Причина:</b>\n<blockquote>Too short; mention the refund.</blockquote>");
  });

  it("escapes hostile text everywhere", () => {
    const text = renderTelegramText(hostileEvent(), { locale: "en" });
    expectValidTelegramHtml(text);
    expect(text).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(text).not.toContain("javascript:alert(4)\">");
  });

  it("stays within 4096 characters, shortening the quoted text with an ellipsis and never cutting an entity", () => {
    // Every character escapes to 4–6: a cut in the wrong place would leave half an entity.
    const excerpt = `<&"'>`.repeat(2000);
    const event = sampleEvent("returned", {
      mention: { ...sampleEvent("returned").mention, excerpt },
      responseText: "ответ ".repeat(1000),
      reason: "причина ".repeat(500),
    });
    for (const locale of ["en", "ru"] as const) {
      const text = renderTelegramText(event, { locale });
      expect(text.length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
      expect(text.length).toBeGreaterThan(TELEGRAM_MAX_LENGTH - 20);
      expect(text).toMatch(/…<\/blockquote>/);
      expectValidTelegramHtml(text);
      expect(text).toContain("repute.example.com/cases/");
    }
  });

  it("never splits a surrogate pair and honours a smaller limit", () => {
    const event = sampleEvent("new_negative", { mention: { ...sampleEvent("new_negative").mention, excerpt: "😡".repeat(3000) } });
    const text = renderTelegramText(event, { locale: "en" }, 1000);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(text).toContain("😡…</blockquote>");
  });
});
