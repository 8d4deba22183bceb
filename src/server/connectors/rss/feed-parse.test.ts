import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { feedToItems } from "./feed-items.ts";
import { type TFeed, looksLikeHtml, parseFeed } from "./feed-parse.ts";
import { unwrapGoogleRedirect } from "./google-redirect.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const NOW = new Date("2026-11-20T12:00:00Z");

function feedOf(xml: string): TFeed {
  const parsed = parseFeed(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.feed;
}

describe("parseFeed + feedToItems: RSS 2.0", () => {
  const feedUrl = "https://news.northwind-bank.example/rss";
  const feed = feedOf(fixture("northwind-news.rss.xml"));
  const items = feedToItems(feed, { feedUrl, now: NOW });

  it("reads the channel and every item", () => {
    expect(feed.format).toBe("rss");
    expect(feed.title).toBe("Нортвинд Банк — новости");
    expect(items).toHaveLength(6);
  });

  it("maps a full item: guid, content:encoded as HTML, dc:creator, RFC 822 date", () => {
    expect(items[0]).toMatchObject({
      kind: "article",
      externalId: "https://news.northwind-bank.example/2026/11/mortgage-rates",
      url: "https://news.northwind-bank.example/2026/11/mortgage-rates",
      title: "Нортвинд Банк снизил ставки по ипотеке",
      text: "<p>С 20 ноября <b>Нортвинд Банк</b> снижает ставки по ипотеке на 0,5 п.п.</p><p>Подробности — на сайте банка.</p>",
      textIsHtml: true,
      author: { name: "Мария Соколова" },
      publishedAt: "2026-11-19T15:30:00.000Z",
      replyCapability: "none",
    });
    expect(items[0]?.raw).toMatchObject({ guid: "https://news.northwind-bank.example/2026/11/mortgage-rates", category: "Ипотека" });
  });

  it("scopes a feed-local guid, decodes double-escaped titles and reads author e-mails", () => {
    expect(items[1]).toMatchObject({
      externalId: "https://news.northwind-bank.example/rss#20261118-0042",
      url: "https://news.northwind-bank.example/2026/11/app-outage?utm_source=rss",
      title: "Клиенты «Нортвинд» пожаловались на сбой приложения",
      textIsHtml: true,
      author: { name: "Пресс-служба" },
      publishedAt: "2026-11-18T09:05:00.000Z",
    });
  });

  it("falls back to the canonical link as id, resolves relative links, keeps plain text plain", () => {
    expect(items[2]).toMatchObject({
      externalId: "https://news.northwind-bank.example/2026/11/kazan-branch",
      url: "https://news.northwind-bank.example/2026/11/kazan-branch",
      text: "Plain text announcement, no markup.",
      textIsHtml: false,
      author: {},
      publishedAt: "2026-11-17T19:00:00.000Z",
    });
  });

  it("reads Russian day and month names", () => {
    expect(items[3]?.publishedAt).toBe("2026-11-16T07:00:00.000Z");
  });

  it("uses the run's clock for an unreadable date instead of failing", () => {
    expect(items[4]?.publishedAt).toBe(NOW.toISOString());
  });

  it("hashes title and date when there is neither guid nor link, stably", () => {
    const id = items[5]?.externalId;
    expect(id).toMatch(/^https:\/\/news\.northwind-bank\.example\/rss#sha256:[0-9a-f]{24}$/);
    expect(feedToItems(feedOf(fixture("northwind-news.rss.xml")), { feedUrl, now: new Date() })[5]?.externalId).toBe(id);
    expect(items[5]).toMatchObject({ url: feedUrl, text: "Запись без заголовка, ссылки и guid: только текст.", title: undefined });
  });

  it("keeps the id when an entry's text is edited", () => {
    const edited = fixture("northwind-news.rss.xml").replace("Ставки снижены", "Ставки снижены (обновлено)").replace("С 20 ноября", "С 21 ноября");
    const again = feedToItems(feedOf(edited), { feedUrl, now: NOW });
    expect(again[0]?.text).toContain("С 21 ноября");
    expect(again.map((i) => i.externalId)).toEqual(items.map((i) => i.externalId));
  });
});

describe("parseFeed + feedToItems: Atom", () => {
  const feedUrl = "https://blog.northwind-bank.example/atom.xml";
  const items = feedToItems(feedOf(fixture("northwind-blog.atom.xml")), { feedUrl, now: NOW });

  it("picks the alternate link, HTML title as text, html content, entry author, updatedAt", () => {
    expect(items[0]).toMatchObject({
      externalId: "tag:blog.northwind-bank.example,2026:post-301",
      url: "https://blog.northwind-bank.example/posts/faster-transfers",
      title: "Как мы ускорили переводы",
      text: "<p>Переводы между счетами теперь проходят за <b>2 секунды</b>.</p>",
      textIsHtml: true,
      author: { name: "Игорь Петров", url: "https://blog.northwind-bank.example/authors/ipetrov" },
      publishedAt: "2026-11-19T12:00:00.000Z",
      updatedAt: "2026-11-19T14:45:00.000Z",
    });
  });

  it("keeps xhtml content as markup, falls back to updated and to the feed's author", () => {
    expect(items[1]).toMatchObject({
      url: "https://blog.northwind-bank.example/posts/it-jobs",
      text: "<p>Ищем <strong>разработчиков</strong> и аналитиков.</p>",
      textIsHtml: true,
      author: { name: "Редакция блога", url: "https://blog.northwind-bank.example/about" },
      publishedAt: "2026-11-12T09:30:00.000Z",
    });
    expect(items[1]?.updatedAt).toBeUndefined();
  });

  it("leaves type=text titles and summaries alone", () => {
    expect(items[2]).toMatchObject({ title: "Plain title <not a tag>", text: "Summary in plain text.", textIsHtml: false, publishedAt: "2026-11-10T13:00:00.000Z" });
  });
});

describe("Google Alerts", () => {
  const feedUrl = "https://www.google.com/alerts/feeds/00000000000000000000/1111111111111111111";
  const items = feedToItems(feedOf(fixture("google-alerts.atom.xml")), { feedUrl, now: NOW });

  it("unwraps the redirect to the article and strips <b> from titles", () => {
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      externalId: "tag:google.com,2013:googlealerts/feed:9000000000000000001",
      url: "https://finance.example.ru/news/2026/11/20/northwind-deposits?ref=rss",
      title: "Нортвинд Банк вошёл в топ-20 по вкладам",
      textIsHtml: true,
      author: {},
      publishedAt: "2026-11-20T08:12:00.000Z",
    });
    expect(items[0]?.text).toContain("<b>Нортвинд Банк</b>");
    expect(items[1]?.url).toBe("https://forum.example.com/t/northwind-reviews/123");
  });
});

describe("RSS 1.0 / RDF", () => {
  it("reads items beside the channel, rdf:about as id and dc:date", () => {
    const items = feedToItems(feedOf(fixture("northwind-press.rdf.xml")), { feedUrl: "https://press.northwind-bank.example/rss.rdf", now: NOW });
    expect(items).toEqual([
      expect.objectContaining({
        externalId: "https://press.northwind-bank.example/r/88",
        url: "https://press.northwind-bank.example/r/88",
        title: "Northwind Bank appoints a new CFO",
        author: { name: "Press office" },
        publishedAt: "2026-11-18T07:00:00.000Z",
      }),
    ]);
  });
});

describe("parseFeed rejects what is not a feed", () => {
  it.each([
    ["an HTML page", fixture("not-a-feed.html"), /HTML page/],
    ["an empty body", "  \n", /empty/],
    ["JSON", '{"items":[]}', /not XML/],
    ["another XML document", "<?xml version='1.0'?><sitemapindex><sitemap/></sitemapindex>", /root element is <sitemapindex>/],
    ["an rss without channel", "<rss version='2.0'></rss>", /no <channel>/],
  ])("%s", (_, body, reason) => {
    const parsed = parseFeed(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it("accepts an empty but valid feed", () => {
    expect(parseFeed("<rss version='2.0'><channel><title>x</title></channel></rss>")).toEqual({ ok: true, feed: { format: "rss", title: "x", entries: [] } });
  });
});

describe("unwrapGoogleRedirect", () => {
  it.each([
    ["https://www.google.com/url?rct=j&sa=t&url=https://a.example/x%3Fy%3D1&ct=ga", "https://a.example/x?y=1"],
    ["https://www.google.ru/url?q=http://b.example/&sa=U", "http://b.example/"],
    ["https://www.google.com/url?url=javascript:alert(1)", "https://www.google.com/url?url=javascript:alert(1)"],
    ["https://www.google.com/search?q=https://a.example/", "https://www.google.com/search?q=https://a.example/"],
    ["https://evil.example/url?url=https://a.example/", "https://evil.example/url?url=https://a.example/"],
    ["not a url", "not a url"],
  ])("%s → %s", (input, expected) => {
    expect(unwrapGoogleRedirect(input)).toBe(expected);
  });
});

describe("looksLikeHtml", () => {
  it.each([
    ["<p>x</p>", true],
    ["a &amp; b", true],
    ["x<br/>y", true],
    ["a < b and c > d", false],
    ["AT&T", false],
  ])("%s → %s", (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });
});
