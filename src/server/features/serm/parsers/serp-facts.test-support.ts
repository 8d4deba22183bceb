import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { cleanText } from "./page-text.ts";
import type { THtmlSerpEngine, TSerpParseOptions, TSerpParseOutcome } from "./serp-types.ts";
import { displayDomain } from "./unwrap-link.ts";

/**
 * The facts ../shared/fixtures/serp/expected/*.json state about each saved page (see its
 * INDEX.md), and the check of a parse against them. Test support only: the pages stay in
 * ../shared and are never copied into the project.
 */
const ZAd = z.object({ url: z.string().optional(), url_prefix: z.string().optional(), title: z.string().optional() }).loose();
const ZExpectedPage = z
  .object({
    engine: z.enum(["google", "yandex", "bing"]),
    file: z.string(),
    organic_count: z.number().int().nullable(),
    results: z.array(
      z.object({
        position: z.number().int().positive(),
        url: z.string().nullable(),
        title: z.string().nullable(),
        domain: z.string().optional(),
      }),
    ),
    kind: z.enum(["serp", "no-results", "captcha", "ads-only", "bad-content"]),
    date: z.string(),
    device: z.string().optional(),
    variant: z.string().optional(),
    parser_options: z.object({ exclude_market_yandex: z.boolean().optional() }).optional(),
    ads: z
      .object({
        first_top: ZAd.optional(),
        first_bottom: ZAd.optional(),
        items: z.array(ZAd).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();
export type TExpectedPage = z.infer<typeof ZExpectedPage> & { name: string };

export function readExpectedPages(dir: string): TExpectedPage[] {
  return readdirSync(`${dir}expected`)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => ({ ...ZExpectedPage.parse(JSON.parse(readFileSync(`${dir}expected/${file}`, "utf8"))), name: file.replace(/\.json$/, "") }));
}

export function readPage(dir: string, page: TExpectedPage): string {
  return gunzipSync(readFileSync(`${dir}${page.file}`)).toString("utf8");
}

/** The parser options the source tests ran the page with. */
export function optionsFor(page: TExpectedPage): TSerpParseOptions {
  return page.parser_options?.exclude_market_yandex === false ? { yandexServiceCards: "keep" } : {};
}

export const engineOf = (page: TExpectedPage): THtmlSerpEngine => page.engine;
/** "google 2023", "yandex 2017": the rows of the report. */
export const groupOf = (page: TExpectedPage): string => `${page.engine} ${page.date.slice(0, 4)}`;

/** Titles are compared as text: our spaces between blocks are not a fact of the page. */
const sameTitle = (a: string, b: string) => cleanText(a).replace(/\s/g, "") === cleanText(b).replace(/\s/g, "");

/** What does not hold of the parse; empty when every stated fact does. */
export function factProblems(page: TExpectedPage, outcome: TSerpParseOutcome): string[] {
  if (page.kind === "captcha") return outcome.ok || outcome.error !== "captcha" ? [`a captcha page read as ${describe(outcome)}`] : [];
  if (page.kind === "ads-only") {
    return outcome.ok || outcome.error !== "not_a_results_page" ? [`an ads-only page read as ${describe(outcome)}`] : [];
  }
  if (!outcome.ok) return [`failed: ${outcome.error}: ${outcome.message}`];
  const problems: string[] = [];
  const { results } = outcome;
  if (page.kind === "no-results") {
    if (!outcome.empty || results.length > 0) problems.push(`a no-results page read as ${results.length} results (empty=${outcome.empty})`);
    return problems;
  }
  // A page without stated facts only has to be read (an ads-only "nothing found" page reads as empty).
  if (results.length === 0 && (page.organic_count ?? 0) > 0) problems.push("no results");
  if (page.organic_count !== null && results.length !== page.organic_count) {
    problems.push(`organic count ${results.length}, expected ${page.organic_count}`);
  }
  for (const fact of page.results) {
    const got = results[fact.position - 1];
    if (!got) {
      problems.push(`no result at position ${fact.position}`);
      continue;
    }
    if (fact.url !== null && got.url !== fact.url) problems.push(`#${fact.position} url ${got.url}, expected ${fact.url}`);
    if (fact.title !== null && !sameTitle(got.title, fact.title)) problems.push(`#${fact.position} title "${got.title}", expected "${fact.title}"`);
    if (fact.domain !== undefined) {
      const host = (() => {
        try {
          return new URL(got.url).hostname.toLowerCase();
        } catch {
          return "";
        }
      })();
      if (host !== fact.domain.toLowerCase() && displayDomain(got.url) !== fact.domain.toLowerCase()) {
        problems.push(`#${fact.position} domain ${host}, expected ${fact.domain}`);
      }
    }
  }
  // An advertiser may also rank organically with the same page: an ad is its address and title.
  const ads = [page.ads?.first_top, page.ads?.first_bottom, ...(page.ads?.items ?? [])].filter((ad) => ad !== undefined);
  for (const result of results) {
    for (const ad of ads) {
      const url = typeof ad.url === "string" ? ad.url : undefined;
      const prefix = typeof ad.url_prefix === "string" ? ad.url_prefix : undefined;
      const title = typeof ad.title === "string" ? ad.title : undefined;
      const sameAddress = url !== undefined ? result.url === url : prefix !== undefined && result.url.startsWith(prefix);
      if (sameAddress && (title === undefined || sameTitle(title, result.title))) problems.push(`ad among organic: ${result.url}`);
    }
    if (/^https?:\/\/(?:yabs\.yandex\.|www\.bing\.com\/aclick|www\.google\.[a-z.]+\/aclk)/.test(result.url)) problems.push(`ad link among organic: ${result.url}`);
  }
  return problems;
}

function describe(outcome: TSerpParseOutcome): string {
  return outcome.ok ? `${outcome.results.length} results (${outcome.layout})` : outcome.error;
}
