/** Shapes of the semantic-core API (docs/API.md, "Semantic core"). */
export const RULE_GROUPS = ["brand", "products", "persons", "competitors", "employer", "topics", "exclusions"] as const;
export type TRuleGroup = (typeof RULE_GROUPS)[number];

export const VARIANT_KINDS = ["translit", "layout", "typo", "abbreviation", "manual"] as const;
export type TVariantKind = (typeof VARIANT_KINDS)[number];

export type TVariant = { variant: string; kind: TVariantKind; from: string };

export type TRule = {
  id: string;
  brandId: string;
  group: TRuleGroup;
  name: string;
  query: string;
  variants: TVariant[];
  enabled: boolean;
  matchedMentions: number;
  createdAt: string;
  updatedAt: string;
};

export type TRuleInput = { group: TRuleGroup; name: string; query: string; variants: TVariant[]; enabled: boolean };

export type TSyntaxError = { message: string; position: number; column: number; expected: string; found: string | null };

export type TPreview = {
  valid: boolean;
  error: TSyntaxError | null;
  scanned: number;
  capped: boolean;
  total: number;
  query: number | null;
  variants: { variant: string; matches: number; error: string | null }[];
  sample: {
    id: string;
    url: string;
    publishedAt: string;
    field: "title" | "text" | "pros" | "cons";
    snippet: string;
    highlights: { start: number; end: number }[];
  }[];
};
