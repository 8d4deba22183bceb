import { readFileSync } from "node:fs";
import { type TReplayRequest, type TReplayResponse, type TReplayServer, startReplayServer } from "../../../connectors/test-kit.ts";
import { putBlob } from "../../blobs/queries.ts";
import type { TOpenedBrowser, TScanDeps } from "./run-scan.ts";
import type { TSnippetClassifier } from "./snippet-sentiment.ts";

/**
 * Test support for scans: a local server answering like SerpApi (its real response shape, from
 * the provider's own fixtures; the first Google page links its archived HTML on this server), a
 * stand-in for the browser pool that records what it was asked to capture, and scan deps that
 * never wait.
 */
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../providers/serpapi/__fixtures__/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;

export const SERPAPI_KEY = "5f0c9e1b7a2d4c68e3f1a9b0c7d2e4f6a8b1c3d5e7f9a0b2c4d6e8f0a1b3c5d7";
export const SERP_HTML = "<!doctype html><title>northwind bank reviews - Google Search</title><div id=search>…</div>";

export type TSerpApiServer = TReplayServer & { searches: (engine: string) => TReplayRequest[] };

export type TSerpApiPage = Record<string, unknown>;

/**
 * `fail(params)` true: that search answers 503 with SerpApi's error body (retried, then a failed
 * item); `mutate` may change a page before it is sent (another day's order of results).
 */
export async function startSerpApiServer(
  fail: (params: URLSearchParams) => boolean = () => false,
  mutate: (page: TSerpApiPage, params: URLSearchParams) => TSerpApiPage = (page) => page,
): Promise<TSerpApiServer> {
  let base = "";
  const server = await startReplayServer((req): TReplayResponse => {
    if (req.path.startsWith("/searches/")) return { body: SERP_HTML, headers: { "content-type": "text/html; charset=utf-8" } };
    if (req.path !== "/search.json") return { status: 404, body: { error: "The requested resource doesn't exist." } };
    const q = req.query;
    if (fail(q)) return { status: 503, body: { error: "Google hasn't responded in time. Please try again later." } };
    if (q.get("engine") === "yandex") return { body: mutate(fixture(q.get("p") === "1" ? "yandex.page2.json" : "yandex.page1.json"), q) };
    if (q.get("engine") === "bing") return { body: mutate(fixture("bing.page1.json"), q) };
    if (q.get("start") === "10") return { body: mutate(fixture("google.page2.json"), q) };
    const page = fixture("google.page1.json");
    const meta = page.search_metadata as Record<string, unknown>;
    return { body: mutate({ ...page, search_metadata: { ...meta, raw_html_file: `${base}/searches/${String(meta.id)}.html` } }, q) };
  });
  base = server.baseUrl;
  return Object.assign(server, { searches: (engine: string) => server.requests.filter((r) => r.path === "/search.json" && r.query.get("engine") === engine) });
}

/** A 1×1 PNG, different per `seed` so blobs get different hashes. */
export function tinyPng(seed: number): Buffer {
  const base = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
  return Buffer.concat([base, Buffer.from([seed % 256, Math.floor(seed / 256) % 256])]);
}

export type TFakeBrowser = { open: () => Promise<TOpenedBrowser>; htmlShots: string[]; urlShots: string[]; closed: number };

/** Pages whose captured HTML carries a schema.org AggregateRating, by URL substring → rating value of 5. */
export function fakeBrowser(ratings: Record<string, number> = {}): TFakeBrowser {
  const fake: TFakeBrowser = {
    htmlShots: [],
    urlShots: [],
    closed: 0,
    open: async () => ({
      concurrency: 2,
      close: async () => {
        fake.closed++;
      },
      pool: {
        async screenshotHtml(html) {
          fake.htmlShots.push(html);
          return { image: tinyPng(fake.htmlShots.length), mime: "image/png" };
        },
        async screenshotUrl(url) {
          fake.urlShots.push(url);
          if (url.includes("unreachable")) throw new Error("net::ERR_NAME_NOT_RESOLVED");
          const rating = Object.entries(ratings).find(([part]) => url.includes(part))?.[1];
          const html = rating === undefined ? "<p>page</p>" : `<script type="application/ld+json">{"@type":"AggregateRating","ratingValue":${rating},"reviewCount":40}</script>`;
          return { image: tinyPng(1000 + fake.urlShots.length), mime: "image/png", finalUrl: url, title: "page", html };
        },
      },
    }),
  };
  return fake;
}

/** Negative for «обман»/«ужас»/scam/complaint, positive for «отлично»/great, else neutral (0.6: to review). */
export const testSnippetClassifier: TSnippetClassifier = {
  async classifyBatch(inputs) {
    return inputs.map(({ text }) => {
      if (/обман|ужас|scam|complain|frozen/i.test(text)) return { label: "negative" as const, confidence: 0.9 };
      if (/отлично|great|best/i.test(text)) return { label: "positive" as const, confidence: 0.9 };
      return { label: "neutral" as const, confidence: 0.6 };
    });
  },
};

export function testScanDeps(overrides: Partial<TScanDeps> = {}): TScanDeps & { browser: TFakeBrowser } {
  const browser = fakeBrowser();
  return { classifier: testSnippetClassifier, openBrowser: browser.open, putBlob, sleep: async () => undefined, jitter: () => 0, browser, ...overrides };
}
