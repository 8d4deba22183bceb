import { load } from "cheerio";
import type { TAggregateRating } from "./rating-tonality.ts";

/**
 * schema.org AggregateRating of a captured page (SERM.md §1.1 step 2, the second rating
 * source): from JSON-LD (`aggregateRating` of any node, or a node of that type, @graph and
 * arrays included), else from microdata (`itemprop="ratingValue"` …). Scraped data: anything
 * unreadable is passed over; the first usable rating wins.
 */
const MAX_NODES = 2_000;

export function pageAggregateRating(html: string): TAggregateRating | undefined {
  const $ = load(html);
  for (const script of $('script[type="application/ld+json"]').toArray()) {
    const parsed = parseJson($(script).text());
    const found = parsed === undefined ? undefined : findInJson(parsed);
    if (found) return found;
  }
  const scope = $('[itemtype*="AggregateRating"]').first();
  const prop = (name: string) => {
    const selector = `[itemprop="${name}"]`;
    const el = (scope.length > 0 ? scope.find(selector) : $(selector)).first();
    return el.length > 0 ? (el.attr("content") ?? el.text()) : undefined;
  };
  return toRating({ ratingValue: prop("ratingValue"), bestRating: prop("bestRating"), worstRating: prop("worstRating"), ratingCount: prop("ratingCount"), reviewCount: prop("reviewCount") });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function findInJson(root: unknown): TAggregateRating | undefined {
  const queue: unknown[] = [root];
  for (let seen = 0; queue.length > 0 && seen < MAX_NODES; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    const record = node as Record<string, unknown>;
    const type = record["@type"];
    const isRating = type === "AggregateRating" || (Array.isArray(type) && type.includes("AggregateRating"));
    const candidate = isRating ? toRating(record) : undefined;
    if (candidate) return candidate;
    queue.push(...Object.values(record));
  }
  return undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const n = Number(value.trim().replace(",", "."));
  return value.trim() !== "" && Number.isFinite(n) ? n : undefined;
}

function toRating(record: Record<string, unknown>): TAggregateRating | undefined {
  const ratingValue = toNumber(record.ratingValue);
  if (ratingValue === undefined) return undefined;
  const rating: TAggregateRating = { ratingValue };
  const best = toNumber(record.bestRating);
  const worst = toNumber(record.worstRating);
  const ratingCount = toNumber(record.ratingCount);
  const reviewCount = toNumber(record.reviewCount);
  if (best !== undefined) rating.bestRating = best;
  if (worst !== undefined) rating.worstRating = worst;
  if (ratingCount !== undefined) rating.ratingCount = ratingCount;
  if (reviewCount !== undefined) rating.reviewCount = reviewCount;
  return rating;
}
