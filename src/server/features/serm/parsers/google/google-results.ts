import type { Cheerio, CheerioAPI } from "cheerio";
import { cleanText, visibleText } from "../page-text.ts";
import { ownBlocks, type TElement } from "../result-blocks.ts";
import type { TSerpRating, TSerpRawResult } from "../serp-types.ts";
import { parseSnippetRating } from "../snippet-rating.ts";
import { unwrapLink } from "../unwrap-link.ts";

const GOOGLE_BASE = "https://www.google.com/";

/**
 * Blocks that are not organic results even when they carry result-like links: ads (top, bottom,
 * shopping), the knowledge panel on the right, "People also ask", carousels (top stories,
 * videos, images) and other sectioned features.
 */
const NOT_ORGANIC = [
  "#tads", "#tadsb", "#bottomads", "#rhs", ".commercial-unit-desktop-top", ".commercial-unit-desktop-rhs", ".cu-container",
  "[data-text-ad]", ".uEierd", ".related-question-pair", "g-scrolling-carousel", "g-section-with-header", "g-inner-card",
  "video-voyager", "inline-images", "#iur",
].join(", ");

const TITLE = "h3, [role=heading]";
/** A result's description; a featured snippet's answer (`wa:/description`) comes first there. */
const SNIPPET = ".hgKElc, [data-attrid='wa:/description'], .VwiC3b, [data-sncf='1'], [data-content-feature='1']";
const RATING_MARK = "[aria-label^='Rated '], g-review-stars";

/** Google result links in `scope` that read as organic: a heading inside, not inside a feature block. */
export function organicLinks($: CheerioAPI, scope: Cheerio<TElement>, selector: string): TElement[] {
  const seen = new Set<object>();
  return scope
    .find(selector)
    .toArray()
    .filter((a) => {
      const link = $(a);
      if (link.closest(NOT_ORGANIC).length > 0) return false;
      if (link.find(TITLE).length === 0 && link.closest("h3").length === 0) return false;
      // One result per title container: its first link (the others are menus and sitelinks).
      const holder = link.closest(".yuRUbf")[0] ?? a;
      if (seen.has(holder)) return false;
      seen.add(holder);
      return true;
    });
}

/** Title, unwrapped URL, snippet and rating of each link's result block. */
export function readGoogleResults(
  $: CheerioAPI,
  scope: Cheerio<TElement>,
  links: TElement[],
  snippet: (block: Cheerio<TElement>, link: Cheerio<TElement>) => string = snippetOf,
): { results: TSerpRawResult[]; warnings: string[] } {
  const root = scope[0];
  if (!root) return { results: [], warnings: [] };
  const blocks = ownBlocks(links, root);
  const results: TSerpRawResult[] = [];
  const warnings: string[] = [];
  for (const a of links) {
    const link = $(a);
    const target = unwrapLink(link.attr("href"), GOOGLE_BASE);
    if (!target) {
      warnings.push(`a result titled "${titleOf(link)}" has no usable link and was skipped`);
      continue;
    }
    if (target.note) warnings.push(target.note);
    const block = $(blocks.get(a) ?? a);
    const result: TSerpRawResult = { url: target.url, title: titleOf(link), snippet: snippet(block, link) };
    const rating = ratingOf(block);
    if (rating) result.rating = rating;
    results.push(result);
  }
  return { results, warnings };
}

function titleOf(link: Cheerio<TElement>): string {
  const heading = link.find(TITLE).first();
  return visibleText(heading.length > 0 ? heading.toArray() : link.toArray());
}

function snippetOf(block: Cheerio<TElement>, link: Cheerio<TElement>): string {
  const marked = block.find(SNIPPET).first();
  if (marked.length > 0) return visibleText(marked.toArray());
  // Featured snippets and older shapes: the block's own text without title, address and rating.
  const copy = block.clone();
  copy.find(`h3, [role=heading], cite, a, ${RATING_MARK}, style, script`).remove();
  copy.find(".yuRUbf").remove();
  const text = visibleText(copy.toArray()).replace(/(?:\s*·\s*){2,}/g, " · ");
  return cleanText(text.replace(/^[\s·›]+|[\s·›]+$/g, "").replace(cleanText(link.text()), ""));
}

/** Google draws stars with an aria-label; the text beside them says what they stand for. */
export function ratingOf(block: Cheerio<TElement>): TSerpRating | undefined {
  const mark = block.find(RATING_MARK).first();
  if (mark.length === 0) return undefined;
  // "Rating: 8.7/10 · 1,947,320 votes" beside the stars, or around them ("Rating 4.7 (26,209)").
  const holder = mark.parent();
  return parseSnippetRating(holder.text()) ?? parseSnippetRating(holder.parent().text()) ?? parseSnippetRating(mark.attr("aria-label") ?? "");
}
