import type { CheerioAPI } from "cheerio";
import { htmlToText } from "../../features/ingest/html-to-text.ts";
import { parsePageDate } from "./page-dates.ts";
import type { TAggregateRating, TPageReview } from "./page-review.ts";
import { ratingOf } from "./rating.ts";

/**
 * schema.org in `<script type="application/ld+json">`: Review nodes wherever they sit (top
 * level, arrays, @graph, a Product's or LocalBusiness's `review` list) and the first
 * AggregateRating. Blocks that are not valid JSON are skipped, not fatal.
 */
export type TJsonObject = Record<string, unknown>;

const REVIEW_TYPES = new Set(["review", "userreview", "criticreview", "employerreview"]);
const MAX_DEPTH = 32;

export function readJsonLd($: CheerioAPI): unknown[] {
  const blocks: unknown[] = [];
  $('script[type="application/ld+json" i]').each((_, el) => {
    const source = $(el)
      .text()
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, "")
      // Raw line breaks inside strings are invalid JSON and common; outside strings they are spaces.
      .replace(/[\r\n\t]+/g, " ");
    try {
      blocks.push(JSON.parse(source));
    } catch {
      // A broken block is the site's problem; the others may still be fine.
    }
  });
  return blocks;
}

export function jsonLdReviews(roots: unknown[], pageUrl: string, now: Date): TPageReview[] {
  const reviews: TPageReview[] = [];
  walk(roots, (node) => {
    if (hasType(node, REVIEW_TYPES)) reviews.push(toReview(node, pageUrl, now));
  });
  return reviews;
}

export function jsonLdAggregate(roots: unknown[]): TAggregateRating | undefined {
  let found: TAggregateRating | undefined;
  walk(roots, (node, parent) => {
    if (found || !hasType(node, new Set(["aggregaterating"]))) return;
    const rating = ratingOf(node.ratingValue, node.bestRating);
    if (!rating) return;
    found = {
      ratingValue: rating.value,
      bestRating: rating.scale,
      ...optionalNumber("worstRating", node.worstRating),
      ...optionalNumber("reviewCount", node.reviewCount),
      ...optionalNumber("ratingCount", node.ratingCount),
      ...(text(parent?.name) ? { itemName: text(parent?.name) } : {}),
      source: "json-ld",
    };
  });
  return found;
}

function toReview(node: TJsonObject, pageUrl: string, now: Date): TPageReview {
  const id = text(node["@id"]);
  const url = absoluteUrl(text(node.url), pageUrl);
  const idUrl = id && /^https?:\/\//i.test(id) ? absoluteUrl(id, pageUrl) : undefined;
  const localId = (id && !id.startsWith("_:") ? id : undefined) ?? url ?? identifier(node.identifier);
  const author = first(node.author);
  const authorObject = isObject(author) ? author : undefined;
  const body = text(node.reviewBody) ?? text(node.description) ?? text(node.text) ?? "";
  const dateText = text(node.datePublished) ?? text(node.dateCreated);
  const modified = text(node.dateModified);
  const rating = first(node.reviewRating);
  const review: TPageReview = {
    source: "json-ld",
    localId,
    link: url ?? idUrl,
    author: authorObject ? text(authorObject.name) : text(author),
    authorUrl: authorObject ? absoluteUrl(text(authorObject.url), pageUrl) : undefined,
    title: plain(text(node.name) ?? text(node.headline)),
    text: plain(body) ?? "",
    pros: notes(node.positiveNotes),
    cons: notes(node.negativeNotes),
    dateText,
    date: parsePageDate(dateText, now),
    updated: modified && modified !== dateText ? parsePageDate(modified, now)?.date : undefined,
    rating: isObject(rating) ? ratingOf(rating.ratingValue, rating.bestRating) : undefined,
    raw: node,
  };
  return review;
}

/** Every object in the trees, with the object that holds it. */
export function walk(roots: unknown[], visit: (node: TJsonObject, parent: TJsonObject | undefined) => void): void {
  const seen = new Set<unknown>();
  const go = (value: unknown, parent: TJsonObject | undefined, depth: number): void => {
    if (depth > MAX_DEPTH || value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const v of value) go(v, parent, depth + 1);
      return;
    }
    const node = value as TJsonObject;
    visit(node, parent);
    for (const v of Object.values(node)) go(v, node, depth + 1);
  };
  for (const root of roots) go(root, undefined, 0);
}

/** "Review", ["Review"], "http://schema.org/Review", "schema:Review" all name Review. */
export function hasType(node: TJsonObject, names: ReadonlySet<string>): boolean {
  const types = Array.isArray(node["@type"]) ? node["@type"] : [node["@type"]];
  return types.some((t) => typeof t === "string" && names.has((t.split(/[/:#]/).pop() ?? "").toLowerCase()));
}

function text(value: unknown): string | undefined {
  const v = first(value);
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (isObject(v) && "@value" in v) return text(v["@value"]);
  return undefined;
}

/** Entities and stray tags are common inside JSON-LD strings. */
function plain(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return (/[<&]/.test(value) ? htmlToText(value) : value.trim()) || undefined;
}

function notes(value: unknown): string | undefined {
  if (!isObject(value)) return plain(text(value));
  const list = value.itemListElement;
  const names = (Array.isArray(list) ? list : [list]).map((e) => (isObject(e) ? text(e.name) : text(e))).filter((n) => n !== undefined);
  return names.length > 0 ? names.join("\n") : undefined;
}

function identifier(value: unknown): string | undefined {
  const v = first(value);
  return isObject(v) ? text(v.value) : text(v);
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function isObject(value: unknown): value is TJsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalNumber<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.replace(/[\s\u00a0]/g, "")) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? ({ [key]: n } as Partial<Record<K, number>>) : {};
}

export function absoluteUrl(value: string | undefined, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
