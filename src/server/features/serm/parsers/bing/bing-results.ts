import type { Cheerio, CheerioAPI } from "cheerio";
import { cleanText, visibleText } from "../page-text.ts";
import type { TElement } from "../result-blocks.ts";
import type { TSerpRating, TSerpRawResult } from "../serp-types.ts";
import { parseSnippetRating } from "../snippet-rating.ts";
import { isBingHost, unwrapLink } from "../unwrap-link.ts";

const BING_BASE = "https://www.bing.com/";
const SNIPPET = ".b_caption p, p[class*='b_lineclamp'], .b_algoSlug, .b_snippet, .b_paractl";
const AD_MARK = ".b_adSlug, .b_adProvider, .b_adlabel, .sb_adTA";

/**
 * Organic results are the `li.b_algo` children of `#b_results`; answers (`li.b_ans`: videos,
 * images, maps, related searches) and ads (`li.b_ad`) are siblings of another class, and a
 * `b_algo` nested inside an answer belongs to that answer.
 */
export function bingOrganicItems($: CheerioAPI): TElement[] {
  return $("#b_results > li.b_algo").toArray();
}

export function readBingResults($: CheerioAPI, items: TElement[]): { results: TSerpRawResult[]; warnings: string[] } {
  const results: TSerpRawResult[] = [];
  const warnings: string[] = [];
  for (const li of items) {
    const item = $(li);
    const link = titleLink(item);
    if (item.find(AD_MARK).length > 0 || isAdLink(link.attr("href"))) continue;
    const title = visibleText(link.toArray());
    const target = unwrapLink(link.attr("href"), BING_BASE);
    if (!target) {
      warnings.push(`a result titled "${title}" has no usable link and was skipped`);
      continue;
    }
    if (target.note) warnings.push(target.note);
    const result: TSerpRawResult = { url: target.url, title, snippet: snippetOf(item) };
    const rating = ratingOf(item);
    if (rating) result.rating = rating;
    results.push(result);
  }
  return { results, warnings };
}

function titleLink(item: Cheerio<TElement>): Cheerio<TElement> {
  const inHeading = item.find("h2 a[href]").first();
  return inHeading.length > 0 ? inHeading : item.find("a[href]:has(h2)").first();
}

function isAdLink(href: string | undefined): boolean {
  if (!href) return false;
  try {
    const url = new URL(href, BING_BASE);
    return isBingHost(url.hostname) && /^\/(?:aclk|aclick)/.test(url.pathname);
  } catch {
    return false;
  }
}

/** The caption paragraph, without the date Bing puts in front of it ("Mar 3, 2024 · …"). */
function snippetOf(item: Cheerio<TElement>): string {
  const paragraph = item.find(SNIPPET).first().clone();
  paragraph.find(".news_dt, .b_sritem, .algoSlug_icon").remove();
  return cleanText(visibleText(paragraph.toArray()).replace(/^[\s·—-]+/, ""));
}

/** `4,4/5 (181,1K)` beside the stars; the stars' label ("Star Rating: 4,5 out of 5.") is rounded. */
function ratingOf(item: Cheerio<TElement>): TSerpRating | undefined {
  const box = item.find(".b_sritem").first();
  if (box.length > 0) {
    const rating = parseSnippetRating(box.text());
    if (rating) return rating;
  }
  const stars = item.find(".csrc[aria-label], [aria-label^='Star Rating']").first().attr("aria-label");
  return stars ? parseSnippetRating(stars) : undefined;
}
