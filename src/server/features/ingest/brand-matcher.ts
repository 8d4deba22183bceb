import type { TRuleGroup, TRuleHit } from "../../db/schema/monitoring.ts";
import { type TCompiledQuery, compileQuery, match } from "../semantic-core/query-matcher.ts";
import { tokenize } from "../semantic-core/text-normalize.ts";
import { quotePhrase } from "../semantic-core/query-printer.ts";
import { variantQueryTerm } from "../semantic-core/variants.ts";

/**
 * A brand's semantic core compiled once and applied to every incoming mention. Exclusion rules
 * veto a match (a homonym, a namesake, spam); the hits of every matching rule are recorded with
 * per-field highlight offsets so the feed can show why a mention is here.
 */
export type TRuleInput = { id: string | null; group: TRuleGroup; name: string; query: string; variants: readonly { variant: string }[] };

export type TMatchFields = { title: string | null; text: string; pros: string | null; cons: string | null };

export type TBrandMatch = {
  matched: boolean;
  /** An exclusion rule fired: the mention is kept out even if other rules matched. */
  excluded: boolean;
  groups: TRuleGroup[];
  hits: TRuleHit[];
};

export type TBrandMatcher = { match(fields: TMatchFields): TBrandMatch };

type TCompiledRule = { id: string | null; group: TRuleGroup; name: string; compiled: TCompiledQuery };

const FIELDS = ["title", "text", "pros", "cons"] as const;
const SEPARATOR = "\n\n";

/** The rule's query with its kept variants as alternatives. */
export function ruleQuery(rule: Pick<TRuleInput, "query" | "variants">): string {
  if (rule.variants.length === 0) return rule.query;
  return [`(${rule.query})`, ...rule.variants.map((v) => variantQueryTerm(v.variant))].join(" OR ");
}

/**
 * With no rules at all a brand still finds mentions of its own name (as an exact phrase), so
 * a new brand's keyword sources do not silently drop everything.
 */
export function createBrandMatcher(brandName: string, rules: readonly TRuleInput[]): TBrandMatcher {
  const effective: readonly TRuleInput[] = rules.some((r) => r.group !== "exclusions")
    ? rules
    : [...rules, { id: null, group: "brand", name: brandName, query: quotePhrase(brandName), variants: [] }];
  const compiled: TCompiledRule[] = effective.map((r) => ({ id: r.id, group: r.group, name: r.name, compiled: compileQuery(ruleQuery(r)) }));
  return {
    match(fields) {
      const { joined, starts } = join(fields);
      const tokens = tokenize(joined);
      const hits: TRuleHit[] = [];
      let excluded = false;
      for (const rule of compiled) {
        const result = match(rule.compiled, joined, tokens);
        if (!result.matched) continue;
        if (rule.group === "exclusions") excluded = true;
        hits.push({ ruleId: rule.id, group: rule.group, name: rule.name, highlights: result.highlights.map((h) => locate(h, starts)) });
      }
      const positive = hits.filter((h) => h.group !== "exclusions");
      const groups = [...new Set(hits.map((h) => h.group))];
      return { matched: positive.length > 0 && !excluded, excluded, groups, hits };
    },
  };
}

function join(fields: TMatchFields): { joined: string; starts: { field: (typeof FIELDS)[number]; start: number; end: number }[] } {
  let joined = "";
  const starts: { field: (typeof FIELDS)[number]; start: number; end: number }[] = [];
  for (const field of FIELDS) {
    const value = fields[field];
    if (!value) continue;
    if (joined) joined += SEPARATOR;
    starts.push({ field, start: joined.length, end: joined.length + value.length });
    joined += value;
  }
  return { joined, starts };
}

function locate(h: { start: number; end: number }, starts: { field: (typeof FIELDS)[number]; start: number; end: number }[]) {
  const part = starts.find((s) => h.start >= s.start && h.start < s.end) ?? starts[0];
  const offset = part?.start ?? 0;
  return { field: part?.field ?? "text", start: h.start - offset, end: Math.min(h.end, part?.end ?? h.end) - offset };
}
