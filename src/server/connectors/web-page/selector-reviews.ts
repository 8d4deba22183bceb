import type { Cheerio, CheerioAPI } from "cheerio";
import { htmlToText } from "../../features/ingest/html-to-text.ts";
import { absoluteUrl } from "./json-ld.ts";
import { parsePageDate } from "./page-dates.ts";
import type { TPageReview } from "./page-review.ts";
import { parseRating, ratingFromClass } from "./rating.ts";
import { type TFieldSelector, type TWebPageSelectors, parseFieldSelector } from "./web-page.config.ts";

/**
 * Reviews read with the user's CSS selectors (Huginn WebsiteAgent style): every element matching
 * `item` is one review, every other selector is relative to it. Without an `@attribute`, each
 * field looks where sites usually put the machine-readable value first (datetime, content,
 * data-*, title) and falls back to the visible text.
 */
type TElements = ReturnType<Cheerio<never>["find"]>;

export type TSelectorResult = { matched: number; reviews: TPageReview[] };

const ID_ATTRS = ["data-id", "data-review-id", "data-comment-id", "itemid", "id"];
const DATE_ATTRS = ["datetime", "content", "data-date", "data-time", "data-timestamp", "title"];
const RATING_ATTRS = ["content", "data-rating", "data-value", "data-score", "value", "title", "aria-label"];
const LINK_ATTRS = ["href", "data-href", "content"];

export function extractBySelectors($: CheerioAPI, selectors: TWebPageSelectors, pageUrl: string, now: Date): TSelectorResult {
  const elements = $.root().find(selectors.item).toArray();
  const reviews = elements.map((el): TPageReview => {
    const item = $(el);
    const field = (spec: string | undefined) => (spec === undefined ? undefined : select(item, parseFieldSelector(spec)));

    const text = readText($, field(selectors.text), selectors.text);
    const dateValues = candidates(field(selectors.date), selectors.date, DATE_ATTRS);
    const date = dateValues.map((v) => parsePageDate(v, now)).find((d) => d !== undefined);
    const ratingElement = field(selectors.rating);
    const rating =
      candidates(ratingElement, selectors.rating, RATING_ATTRS)
        .map(parseRating)
        .find((r) => r !== undefined) ?? (ratingElement && !attrOf(selectors.rating) ? ratingFromClass(ratingElement.attr("class")) : undefined);
    const link = candidates(field(selectors.link), selectors.link, LINK_ATTRS)
      .map((v) => absoluteUrl(v, pageUrl))
      .find((u) => u !== undefined);
    const ownId = ID_ATTRS.map((a) => item.attr(a)?.trim()).find(Boolean);
    const localId = selectors.id ? candidates(field(selectors.id), selectors.id, ID_ATTRS)[0] : ownId;
    const author = candidates(field(selectors.author), selectors.author, ["content"])[0];
    return {
      source: "selectors",
      localId,
      anchor: item.attr("id")?.trim() || undefined,
      link,
      author,
      text,
      dateText: dateValues.find((v) => v.length > 0),
      date,
      rating,
      raw: { html: $.html(item).slice(0, 2_000) },
    };
  });
  return { matched: elements.length, reviews };
}

function select(item: TElements, selector: TFieldSelector): TElements {
  return selector.css ? item.find(selector.css) : item;
}

function attrOf(spec: string | undefined): string | undefined {
  return spec === undefined ? undefined : parseFieldSelector(spec).attr;
}

/** Every match's text (paragraphs kept), or the named attribute of the first match. */
function readText($: CheerioAPI, el: TElements | undefined, spec: string): string {
  if (!el || el.length === 0) return "";
  const attr = attrOf(spec);
  if (attr) return el.first().attr(attr)?.trim() ?? "";
  return el
    .toArray()
    .map((e) => htmlToText($(e).html() ?? ""))
    .filter(Boolean)
    .join("\n\n");
}

/** Values to try in order: the named attribute alone, else the usual attributes, then the text. */
function candidates(el: TElements | undefined, spec: string | undefined, attrs: readonly string[]): string[] {
  if (!el || el.length === 0) return [];
  const first = el.first();
  const named = attrOf(spec);
  if (named) {
    const value = first.attr(named)?.trim();
    return value ? [value] : [];
  }
  const values = attrs.map((a) => first.attr(a)?.trim()).filter((v): v is string => Boolean(v));
  const text = first.text().replace(/\s+/g, " ").trim();
  return text ? [...values, text] : values;
}
