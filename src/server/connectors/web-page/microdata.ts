import type { Cheerio, CheerioAPI } from "cheerio";
import { htmlToText } from "../../features/ingest/html-to-text.ts";
import { absoluteUrl } from "./json-ld.ts";
import { parsePageDate } from "./page-dates.ts";
import type { TAggregateRating, TPageReview } from "./page-review.ts";
import { ratingOf } from "./rating.ts";

/**
 * schema.org microdata (`itemscope itemtype=".../Review"`, `itemprop=…`), the shape iRecommend
 * and many CMS review widgets use. Properties are scoped as the HTML spec says: a nested
 * itemscope is a value of its own itemprop, and its inner properties are not the outer item's.
 */
type TElements = ReturnType<Cheerio<never>["find"]>;
type TElement = TElements[number];

export type TMicroItem = { types: string[]; element: TElement; props: Map<string, TMicroValue[]> };
export type TMicroValue = string | TMicroItem;

const REVIEW_TYPES = new Set(["review", "userreview", "criticreview", "employerreview"]);
const URL_TAGS = new Set(["a", "area", "link"]);
const SRC_TAGS = new Set(["img", "audio", "video", "source", "iframe", "embed", "track"]);

export function microdataItems($: CheerioAPI, types: ReadonlySet<string>): TMicroItem[] {
  return $("[itemscope][itemtype]")
    .toArray()
    .filter((el) => typesOf(el).some((t) => types.has(t)))
    .map((el) => readItem($, el));
}

export function microdataReviews($: CheerioAPI, pageUrl: string, now: Date): TPageReview[] {
  return microdataItems($, REVIEW_TYPES).map((item) => {
    const author = item.props.get("author")?.[0];
    const nestedRating = item.props.get("reviewRating")?.[0];
    const ratingItem = typeof nestedRating === "object" ? nestedRating : item;
    const dateText = str(item, "datePublished") ?? str(item, "dateCreated");
    const elementId = item.element.attribs.id?.trim() || undefined;
    const url = absoluteUrl(str(item, "url"), pageUrl);
    const itemId = item.element.attribs.itemid?.trim() || undefined;
    return {
      source: "microdata",
      localId: itemId ?? url ?? elementId,
      anchor: elementId,
      link: url,
      author: typeof author === "object" ? (str(author, "name") ?? htmlToText($(author.element).html() ?? "")) : author,
      authorUrl: typeof author === "object" ? absoluteUrl(str(author, "url"), pageUrl) : undefined,
      title: str(item, "name") ?? str(item, "headline"),
      text: str(item, "reviewBody") ?? str(item, "description") ?? "",
      pros: str(item, "positiveNotes"),
      cons: str(item, "negativeNotes"),
      dateText,
      date: parsePageDate(dateText, now),
      rating: ratingOf(str(ratingItem, "ratingValue"), str(ratingItem, "bestRating")),
      raw: toPlain(item),
    } satisfies TPageReview;
  });
}

export function microdataAggregate($: CheerioAPI): TAggregateRating | undefined {
  for (const item of microdataItems($, new Set(["aggregaterating"]))) {
    const rating = ratingOf(str(item, "ratingValue"), str(item, "bestRating"));
    if (!rating) continue;
    const owner = $(item.element).parents("[itemscope]").toArray()[0];
    const itemName = owner ? str(readItem($, owner), "name") : undefined;
    return {
      ratingValue: rating.value,
      bestRating: rating.scale,
      ...count("worstRating", str(item, "worstRating")),
      ...count("reviewCount", str(item, "reviewCount")),
      ...count("ratingCount", str(item, "ratingCount")),
      ...(itemName ? { itemName } : {}),
      source: "microdata",
    };
  }
  return undefined;
}

function readItem($: CheerioAPI, scope: TElement): TMicroItem {
  const item: TMicroItem = { types: typesOf(scope), element: scope, props: new Map() };
  const visit = (parent: TElement): void => {
    for (const child of $(parent).children().toArray()) {
      const names = (child.attribs.itemprop ?? "").split(/\s+/).filter(Boolean);
      const isScope = child.attribs.itemscope !== undefined;
      if (names.length > 0) {
        const value: TMicroValue = isScope ? readItem($, child) : valueOf($, child);
        for (const name of names) item.props.set(name, [...(item.props.get(name) ?? []), value]);
      }
      // A nested item owns what is inside it.
      if (!isScope) visit(child);
    }
  };
  visit(scope);
  return item;
}

/** The property value per the HTML microdata rules, plus `content` on any element (RDFa habit). */
function valueOf($: CheerioAPI, el: TElement): string {
  const a = el.attribs;
  const tag = el.tagName.toLowerCase();
  if (a.content !== undefined) return a.content.trim();
  if (URL_TAGS.has(tag) && a.href !== undefined) return a.href.trim();
  if (SRC_TAGS.has(tag) && a.src !== undefined) return a.src.trim();
  if (tag === "time" && a.datetime !== undefined) return a.datetime.trim();
  if ((tag === "data" || tag === "meter") && a.value !== undefined) return a.value.trim();
  if (tag === "object" && a.data !== undefined) return a.data.trim();
  return htmlToText($(el).html() ?? "");
}

function str(item: TMicroItem, name: string): string | undefined {
  const value = item.props.get(name)?.[0];
  return typeof value === "string" ? value || undefined : undefined;
}

function typesOf(el: TElement): string[] {
  return (el.attribs.itemtype ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => (t.split(/[/#]/).pop() ?? "").toLowerCase());
}

function count<K extends string>(key: K, value: string | undefined): Partial<Record<K, number>> {
  const n = Number((value ?? "").replace(/[\s\u00a0]/g, ""));
  return value !== undefined && Number.isFinite(n) && n >= 0 ? ({ [key]: n } as Partial<Record<K, number>>) : {};
}

/** Evidence without DOM nodes: types and properties, nested items alike. */
function toPlain(item: TMicroItem): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, values] of item.props) {
    const plain = values.map((v) => (typeof v === "string" ? v : toPlain(v)));
    props[name] = plain.length === 1 ? plain[0] : plain;
  }
  return { "@type": item.types, ...props };
}
