import type { TExecutor } from "../../context.ts";
import type { TRuleHit } from "../../db/schema/monitoring.ts";
import { type TBrandMatcher, type TMatchFields, createBrandMatcher } from "../ingest/brand-matcher.ts";
import { type TPreviewMention, recentMentionsPage } from "./queries.ts";
import { type TCompiledQuery, compileQuery, match } from "./query-matcher.ts";
import { MAX_QUERY_LENGTH } from "./query-parser.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";
import { variantQueryTerm } from "./variants.ts";

/**
 * What a query (and each spelling variant) would find among the brand's stored mentions,
 * evaluated with the pipeline's own matcher over the newest mentions — so a specialist sees
 * the effect of a rule before saving it. A syntax error is an answer here, not a failure: the
 * editor shows it with a caret under the column.
 */
export const PREVIEW_SCAN_LIMIT = 20_000;
export const PREVIEW_SAMPLE_SIZE = 5;
const PAGE_SIZE = 2_000;
const SNIPPET_CONTEXT = 80;

export type TSyntaxProblem = { message: string; position: number; column: number; expected: string; found: string | null };

export type TPreviewSample = {
  id: string;
  url: string;
  publishedAt: string;
  field: "title" | "text" | "pros" | "cons";
  /** Text around the first highlight, with `…` where it was cut. */
  snippet: string;
  /** UTF-16 offsets into `snippet`. */
  highlights: { start: number; end: number }[];
};

export type TPreviewResult = {
  valid: boolean;
  /** The query's syntax error; null when it parses (or was not given). */
  error: TSyntaxProblem | null;
  /** Mentions looked at: the newest ones, at most `limit`. */
  scanned: number;
  /** More mentions exist than were looked at. */
  capped: boolean;
  /** Mentions matched by the query or any variant: what the saved rule would match. */
  total: number;
  /** Mentions matched by the query alone; null without a query. */
  query: number | null;
  variants: { variant: string; matches: number; error: string | null }[];
  sample: TPreviewSample[];
};

export type TPreviewInput = { query?: string; variants?: readonly string[]; limit?: number };

export function syntaxProblem(error: QuerySyntaxError): TSyntaxProblem {
  return { message: error.message, position: error.position, column: error.column, expected: error.expected, found: error.found ?? null };
}

function matcherFor(query: string): TBrandMatcher {
  // One non-exclusion rule: the brand-name fallback never applies, so the name is irrelevant.
  return createBrandMatcher("", [{ id: null, group: "brand", name: "preview", query, variants: [] }]);
}

export async function previewRule(db: TExecutor, brandId: string, input: TPreviewInput): Promise<TPreviewResult> {
  const query = input.query?.trim() ? input.query : undefined;
  const empty = { scanned: 0, capped: false, total: 0, query: null, variants: [], sample: [] };
  let queryMatcher: TBrandMatcher | undefined;
  if (query !== undefined) {
    try {
      compileQuery(query);
      queryMatcher = matcherFor(query);
    } catch (error) {
      if (error instanceof QuerySyntaxError) return { valid: false, error: syntaxProblem(error), ...empty };
      throw error;
    }
  }
  const variants = prepareVariants(input.variants ?? []);
  // Every variant is one leaf, so an OR of them tells, by the leaves that lit up, which variants
  // a text contains: one pass over each text instead of one per variant.
  const combined = combineVariants(variants.filter((v) => v.label !== undefined));
  const solo = variants.filter((v) => v.label === undefined && v.matcher);
  const report = () => variants.map(({ variant, matches, error }) => ({ variant, matches, error }));
  if (!queryMatcher && combined.length === 0 && solo.length === 0) return { valid: true, error: null, ...empty, query: query === undefined ? null : 0, variants: report() };

  const limit = Math.min(input.limit ?? PREVIEW_SCAN_LIMIT, PREVIEW_SCAN_LIMIT);
  let scanned = 0;
  let total = 0;
  let queryMatches = 0;
  const sample: TPreviewSample[] = [];
  let before: { publishedAt: Date; id: string } | undefined;
  let exhausted = false;
  while (!exhausted && scanned < limit) {
    const want = Math.min(PAGE_SIZE, limit - scanned);
    const page = await recentMentionsPage(db, brandId, want, before);
    for (const mention of page) {
      const fields: TMatchFields = { title: mention.title, text: mention.text, pros: mention.pros, cons: mention.cons };
      const byQuery = queryMatcher?.match(fields);
      if (byQuery?.matched) queryMatches++;
      const lit: TVariantCount[] = [];
      const joined = combined.length > 0 ? joinFields(fields) : "";
      for (const { compiled, byLabel } of combined) {
        const result = match(compiled, joined);
        if (result.matched) for (const label of new Set(result.highlights.map((h) => h.term))) lit.push(...(byLabel.get(label) ?? []));
      }
      for (const v of solo) if (v.matcher?.match(fields).matched) lit.push(v);
      for (const v of lit) v.matches++;
      if (!byQuery?.matched && lit.length === 0) continue;
      total++;
      if (sample.length < PREVIEW_SAMPLE_SIZE) {
        const hits: TRuleHit[] = [...(byQuery?.matched ? byQuery.hits : []), ...lit.flatMap((v) => v.matcher?.match(fields).hits ?? [])];
        sample.push(sampleOf(mention, hits));
      }
    }
    scanned += page.length;
    const last = page.at(-1);
    if (last) before = { publishedAt: last.publishedAt, id: last.id };
    exhausted = page.length < want;
  }
  const capped = !exhausted && before !== undefined && (await recentMentionsPage(db, brandId, 1, before)).length > 0;
  return { valid: true, error: null, scanned, capped, total, query: query === undefined ? null : queryMatches, variants: report(), sample };
}

type TVariantCount = { variant: string; term: string; label: string | undefined; matcher: TBrandMatcher | undefined; matches: number; error: string | null };

/** Each distinct variant as the query term that finds it, or the reason it cannot be searched. */
function prepareVariants(variants: readonly string[]): TVariantCount[] {
  return [...new Set(variants.map((v) => v.trim()).filter(Boolean))].map((variant) => {
    const term = variantQueryTerm(variant);
    try {
      const compiled = compileQuery(term);
      return { variant, term, label: compiled.labels.length === 1 ? compiled.labels[0] : undefined, matcher: matcherFor(term), matches: 0, error: null };
    } catch (error) {
      if (error instanceof QuerySyntaxError) return { variant, term, label: undefined, matcher: undefined, matches: 0, error: error.message };
      throw error;
    }
  });
}

/** ORs of variant terms, each well under the parser's length limit, with the variants by leaf label. */
function combineVariants(variants: readonly TVariantCount[]): { compiled: TCompiledQuery; byLabel: Map<string, TVariantCount[]> }[] {
  const groups: TVariantCount[][] = [];
  let length = 0;
  for (const v of variants) {
    const last = groups.at(-1);
    if (!last || length + v.term.length + 4 > MAX_QUERY_LENGTH / 2) {
      groups.push([v]);
      length = v.term.length;
    } else {
      last.push(v);
      length += v.term.length + 4;
    }
  }
  return groups.map((group) => {
    const byLabel = new Map<string, TVariantCount[]>();
    for (const v of group) byLabel.set(v.label as string, [...(byLabel.get(v.label as string) ?? []), v]);
    return { compiled: compileQuery(group.map((v) => v.term).join(" OR ")), byLabel };
  });
}

/** The fields as the brand matcher joins them (`brand-matcher.ts`), so phrases see the same text. */
function joinFields(fields: TMatchFields): string {
  return [fields.title, fields.text, fields.pros, fields.cons].filter((v): v is string => Boolean(v)).join("\n\n");
}

/** The field of the first highlight, cut around it, with every highlight inside the cut. */
export function sampleOf(mention: TPreviewMention, hits: readonly TRuleHit[]): TPreviewSample {
  const all = hits.flatMap((h) => h.highlights);
  const order = ["title", "text", "pros", "cons"] as const;
  const first = [...all].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field) || a.start - b.start)[0];
  const field = first?.field ?? "text";
  const value = mention[field] ?? "";
  const from = Math.max(0, wordStart(value, (first?.start ?? 0) - SNIPPET_CONTEXT));
  const to = Math.min(value.length, wordEnd(value, (first?.end ?? 0) + SNIPPET_CONTEXT));
  const lead = from > 0 ? "…" : "";
  const snippet = `${lead}${value.slice(from, to)}${to < value.length ? "…" : ""}`;
  const seen = new Set<string>();
  const highlights = all
    .filter((h) => h.field === field && h.start >= from && h.end <= to)
    .map((h) => ({ start: h.start - from + lead.length, end: h.end - from + lead.length }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((h) => {
      const key = `${h.start}:${h.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { id: mention.id, url: mention.url, publishedAt: mention.publishedAt.toISOString(), field, snippet, highlights };
}

/** Moves a cut forward to the next whitespace, so a snippet does not start mid-word. */
function wordStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const space = text.slice(at, at + 20).search(/\s/);
  return space === -1 ? at : at + space + 1;
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const slice = text.slice(Math.max(0, at - 20), at);
  const space = slice.search(/\s\S*$/);
  return space === -1 ? at : at - slice.length + space;
}
