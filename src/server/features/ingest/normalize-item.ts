import { detect } from "tinyld";
import type { TConnectorItem, TMentionKind, TReplyCapability } from "../../connectors/connector.ts";
import type { TSentiment } from "../../db/schema/monitoring.ts";
import { canonicalizeUrl } from "./canonical-url.ts";
import { htmlToText } from "./html-to-text.ts";
import { fingerprintText } from "./simhash.ts";

/**
 * A connector item made ready to store: plain text, a language, the canonical URL and its
 * dedupe key, the content hash and SimHash. Pure; the same item always normalizes the same way.
 */
export type TNormalizedMention = {
  sourceKind: string;
  externalId: string;
  kind: TMentionKind;
  url: string;
  urlKey: string | null;
  originalUrl: string | null;
  site: string | null;
  target: Record<string, string> | null;
  parentExternalId: string | null;
  parentUrl: string | null;
  authorExternalId: string | null;
  authorName: string | null;
  authorHandle: string | null;
  authorUrl: string | null;
  authorIsOwner: boolean;
  title: string | null;
  text: string;
  pros: string | null;
  cons: string | null;
  lang: string | null;
  ratingValue: number | null;
  ratingScale: number | null;
  publishedAt: Date;
  sourceUpdatedAt: Date | null;
  metrics: Record<string, number> | null;
  ownerReply: Record<string, string> | null;
  replyCapability: TReplyCapability;
  replyTarget: Record<string, string> | null;
  contentHash: string;
  simhash: string | null;
  bands: string[];
  raw: unknown;
  /** A label the item arrived with (an imported file's sentiment column); stored with origin "import". */
  sentiment?: TSentiment | null;
};

/** Mentions longer than this are cut (a whole article pasted into a feed item); the URL keeps the rest. */
export const MAX_TEXT_CHARS = 20_000;
const LATIN_LANGS = ["en", "de", "fr", "es", "it", "pt", "pl", "tr", "nl"];

/** `now` stands in for a publication time the platform did not give or gave unreadably. */
export function normalizeItem(sourceKind: string, item: TConnectorItem, now: Date): TNormalizedMention {
  const text = clip(item.textIsHtml ? htmlToText(item.text) : item.text.trim());
  const title = item.title ? clip(htmlToText(item.title)) || null : null;
  const canonical = canonicalizeUrl(item.url);
  const hashed = [title, text, item.pros, item.cons].filter(Boolean).join("\n");
  const fingerprint = fingerprintText(hashed);
  return {
    sourceKind,
    externalId: item.externalId,
    kind: item.kind,
    url: canonical?.canonical ?? item.url,
    urlKey: canonical?.key ?? null,
    originalUrl: canonical && canonical.canonical !== item.url ? item.url : null,
    site: siteOf(canonical?.canonical ?? item.url),
    target: item.target ? compact(item.target) : null,
    parentExternalId: item.parent?.externalId ?? null,
    parentUrl: item.parent?.url ?? null,
    authorExternalId: item.author.externalId ?? null,
    authorName: item.author.name ?? null,
    authorHandle: item.author.handle ?? null,
    authorUrl: item.author.url ?? null,
    authorIsOwner: item.author.isOwner ?? false,
    title,
    text,
    pros: item.pros?.trim() || null,
    cons: item.cons?.trim() || null,
    lang: languageOf(item.lang, [title, text].filter(Boolean).join(" ")),
    ratingValue: item.rating && Number.isFinite(item.rating.value) ? item.rating.value : null,
    ratingScale: item.rating && item.rating.scale > 0 ? item.rating.scale : null,
    publishedAt: toDate(item.publishedAt) ?? now,
    sourceUpdatedAt: item.updatedAt ? toDate(item.updatedAt) : null,
    metrics: item.metrics ? numbersOnly(item.metrics) : null,
    ownerReply: item.ownerReply ? compact(item.ownerReply) : null,
    replyCapability: item.replyCapability,
    replyTarget: item.replyTarget ?? null,
    contentHash: fingerprint.contentHash,
    simhash: fingerprint.simhash,
    bands: fingerprint.bands,
    raw: item.raw ?? null,
  };
}

/**
 * The platform's word first. Then the script decides what it can: Cyrillic text is Russian
 * unless letters only Ukrainian, Belarusian or Kazakh use say otherwise — a statistical detector
 * costs about a millisecond a text, which at a million mentions is most of the pipeline. Latin
 * text, where the script says little, goes to the detector (its first 300 characters).
 */
export function languageOf(declared: string | undefined, text: string): string | null {
  const tag = declared?.toLowerCase().split(/[-_]/)[0];
  if (tag && /^[a-z]{2,3}$/.test(tag)) return tag;
  const sample = text.slice(0, 500);
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/[a-z]/gi) ?? []).length;
  if (cyrillic === 0 && latin === 0) return null;
  if (cyrillic >= latin) {
    if (/[іїєґ]/i.test(sample) && !/[ыэъё]/i.test(sample)) return "uk";
    if (/ў/i.test(sample)) return "be";
    if (/[әғқңөұүһ]/i.test(sample)) return "kk";
    return "ru";
  }
  if (sample.length < 12) return "en";
  return detect(sample.slice(0, 300), { only: [...LATIN_LANGS] }) || "en";
}

function siteOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function clip(text: string): string {
  return text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
}

function toDate(iso: string): Date | null {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t) : null;
}

function compact(record: Record<string, string | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = String(v);
  return out;
}

function numbersOnly(record: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(record)) if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  return out;
}
