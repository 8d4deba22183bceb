import type { Cheerio, CheerioAPI } from "cheerio";
import { visibleText } from "../page-text.ts";
import type { TElement } from "../result-blocks.ts";
import type { TSerpParseOptions, TSerpRating, TSerpRawResult } from "../serp-types.ts";
import { parseSnippetRating, ratingFromStarWidth } from "../snippet-rating.ts";
import { unwrapLink } from "../unwrap-link.ts";
import { COUNTED, isWebCounted } from "./yandex-counters.ts";

const YANDEX_BASE = "https://yandex.ru/";
const AD_MARK = ".label_color_yellow, .label_theme_direct, .organic__advLabel, .serp-adv__label, [aria-label='Реклама']";
const SNIPPET = [
  ".extended-text__full", ".organic__text", ".text-container", ".serp-item__text", ".social-snippet2__text",
  ".serp-item__data", ".organic__content-wrapper",
];
/** Where a Yandex object card leads: Maps (an organisation, or a map of several), a Market product, Realty. */
const OBJECT_CARD = /^(?:(?:www\.)?yandex\.[a-z.]+\/maps\b|maps\.yandex\.|(?:m\.)?market\.yandex\.[a-z.]+\/product|realty\.yandex\.)/i;

/**
 * A link to another Yandex search (news, images, video, Market or Maps searches, the all-ads
 * list) is a block summing up that vertical. Yandex's own pages that rank as web results
 * (a Market catalogue, a Maps organisation, Schedules, Travel) stay: the page counts them as web.
 */
const VERTICAL_SEARCH =
  /^(?:news\.yandex\.[a-z.]+\/|(?:images|video)\.yandex\.[a-z.]+\/|(?:www\.)?yandex\.[a-z.]+\/(?:(?:video|images)\/|search\/|yandsearch|maps\/?\?)|(?:m\.)?market\.yandex\.[a-z.]+\/search)/i;

const withoutScheme = (url: string) => url.replace(/^https?:\/\//i, "");

export type TYandexReadOptions = TSerpParseOptions & {
  /**
   * Desktop 2018–2019: a result whose block is a `.composite` with a scrolling gallery (an
   * Instagram feed, an Auto.ru parts showcase) is a partner wizard, not an organic snippet.
   */
  galleriesAreWizards: boolean;
};

/** The result items of the main column (the right column and nested items are parts of blocks). */
export function yandexItems($: CheerioAPI): TElement[] {
  return $(".serp-list .serp-item")
    .toArray()
    .filter((item) => $(item).parents(".serp-item, .serp-list_right_yes").length === 0 && !$(item).hasClass("card__narrow"));
}

export function readYandexResults($: CheerioAPI, options: TYandexReadOptions): { results: TSerpRawResult[]; warnings: string[] } {
  const results: TSerpRawResult[] = [];
  const warnings: string[] = [];
  for (const element of yandexItems($)) {
    const item = $(element);
    if (isAd(item)) continue;
    const href = resultHref($, item, options);
    if (href === undefined) continue;
    const target = unwrapLink(href, YANDEX_BASE);
    if (!target || /^https?:\/\/yabs\.yandex\./i.test(target.url)) continue;
    if (options.galleriesAreWizards && isGalleryWizard(item)) continue;
    if (target.note) warnings.push(target.note);
    const title = titleOf(item);
    if (title === "") warnings.push(`the result at ${target.url} shows no title`);
    const result: TSerpRawResult = { url: target.url, title, snippet: snippetOf(item) };
    const rating = ratingOf(item);
    if (rating) result.rating = rating;
    results.push(result);
  }
  return { results, warnings };
}

function isAd(item: Cheerio<TElement>): boolean {
  return item.hasClass("serp-adv-item") || item.find(AD_MARK).length > 0;
}

/**
 * The link of a web result: the address behind a safety warning first, then the first link the
 * page counts as a web click (a saved copy is not the result). Without one the item is a block,
 * unless it is a Yandex object card (Maps, Market, Realty) and those are kept.
 */
function resultHref($: CheerioAPI, item: Cheerio<TElement>, options: TSerpParseOptions): string | undefined {
  const counted = item.find(COUNTED).filter((_, el) => isWebCounted($(el)));
  // The title's own counter decides (a wizard's title has none, or a wizard one; its inner links
  // may still count as web). Without a title, an organic snippet (address line only) or a free
  // video snippet counts by its links; answers ("facts") and other blocks do not.
  const heading = item.find("h2").first();
  const isWebResult =
    heading.length > 0
      ? isWebCounted(heading.find(COUNTED).first())
      : counted.length > 0 && item.find(".fact").length === 0 && item.find(".organic, .video2").length > 0;
  if (isWebResult) {
    const unsafe = item.find(".template-infected__unsafe a[href]").attr("href");
    const links = counted.filter("a[href]").toArray().map((a) => $(a).attr("href") ?? "");
    const href = unsafe ?? links.find((link) => link !== "" && !/hghltd\.yandex\.|\/yandbtm\?/.test(link)) ?? item.find("h2 a[href]").attr("href");
    const url = href === undefined ? undefined : unwrapLink(href, YANDEX_BASE)?.url;
    return url !== undefined && VERTICAL_SEARCH.test(withoutScheme(url)) ? undefined : href;
  }
  if (options.yandexServiceCards === "keep") {
    const href = item.find("h2 a[href]").first().attr("href");
    const url = href === undefined ? undefined : unwrapLink(href, YANDEX_BASE)?.url;
    if (url !== undefined && OBJECT_CARD.test(withoutScheme(url))) return href;
  }
  return undefined;
}

function isGalleryWizard(item: Cheerio<TElement>): boolean {
  return item.children(".composite").children(".composite__item").find(".showcase, .scroller").length > 0;
}

/** The title link's text (a heading may also hold a price or a label), else the heading's. */
function titleOf(item: Cheerio<TElement>): string {
  const heading = item.find("h2").first();
  const link = heading.find("a").first();
  const copy = (link.length > 0 ? link : heading).clone();
  copy.find(".a11y-hidden, .favicon, .label, .organic__advLabel").remove();
  const title = visibleText(copy.toArray());
  if (title !== "") return title;
  return visibleText(item.find(".video2__title, .organic__title").first().toArray());
}

function snippetOf(item: Cheerio<TElement>): string {
  for (const selector of SNIPPET) {
    const found = item.find(selector).first();
    if (found.length === 0) continue;
    const copy = found.clone();
    copy.find(".extended-text__toggle, .rating, .rating2, .serp-meta, .sitelinks, .organic__path, script, style").remove();
    const text = visibleText(copy.toArray());
    if (text !== "") return text;
  }
  return "";
}

/** "4 из 5 · 7 отзывов", "3,7/5", or stars only (`rating2__stars_width_80` = 4 of 5). */
function ratingOf(item: Cheerio<TElement>): TSerpRating | undefined {
  const box = item.find(".rating, .rating2").first();
  if (box.length === 0) return undefined;
  const fromText = parseSnippetRating(box.text());
  if (fromText) return fromText;
  const width = /stars_width_(\d{1,3})\b/.exec(box.find("[class*='stars_width_']").attr("class") ?? "");
  return width?.[1] ? ratingFromStarWidth(Number(width[1])) : undefined;
}
