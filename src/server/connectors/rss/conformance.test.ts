import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../lib/charset.ts";
import { feedToItems } from "./feed-items.ts";
import { parseFeed } from "./feed-parse.ts";

/**
 * Real recorded feeds kept outside the project (CONNECTORS.md §6). Read in place, never
 * copied; skipped when the folder is not there, as in a checkout of the project alone.
 */
const dir = fileURLToPath(new URL("../../../../../shared/fixtures/sources/", import.meta.url));
const present = existsSync(dir);
const NOW = new Date("2026-11-20T12:00:00Z");

function itemsOf(name: string, contentType: string | null = null) {
  const parsed = parseFeed(decodeText(readFileSync(`${dir}${name}`), contentType));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
  return feedToItems(parsed.feed, { feedUrl: "https://feed.example/", now: NOW });
}

describe.skipIf(!present)(`conformance against ../shared fixtures${present ? "" : " (skipped: folder absent)"}`, () => {
  it.each(["rss2_blog_feed.rss.xml", "atom_feed.atom.xml", "youtube_channel_feed.atom.xml", "rss_iso8859_1_encoding.rss.xml"])(
    "%s: every entry has a global id, an http(s) URL and a real date",
    (name) => {
      const items = itemsOf(name);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.externalId).not.toMatch(/^https:\/\/feed\.example\/#sha256/);
        expect(item.url).toMatch(/^https?:\/\//);
        expect(item.publishedAt).not.toBe(NOW.toISOString());
        expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
      }
      expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
    },
  );

  it("reads the ISO-8859-1 feed by its prolog", () => {
    expect(itemsOf("rss_iso8859_1_encoding.rss.xml")[0]).toMatchObject({ title: "Mëkanïk Zaïn", publishedAt: "2016-11-21T16:00:10.000Z" });
  });

  it("reads Atom entries with offsets and HTML content", () => {
    const first = itemsOf("atom_feed.atom.xml")[0];
    expect(first).toMatchObject({ title: "Merge pull request #402 from albertsun/safer-liquid-migration", textIsHtml: true, author: { name: "cantino" } });
    expect(first?.publishedAt).toBe("2014-07-17T05:26:22.000Z");
  });

  it("reads YouTube's channel feed through the media namespace", () => {
    const first = itemsOf("youtube_channel_feed.atom.xml")[0];
    expect(first).toMatchObject({ externalId: "yt:video:OCs1E0vP7Oc", url: "https://www.youtube.com/watch?v=OCs1E0vP7Oc", author: { name: "SecDSM" } });
  });
});
