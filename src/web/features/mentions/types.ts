/** Shapes of the mentions API as documented in docs/API.md ("Mentions"). */

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export type TSentiment = (typeof SENTIMENTS)[number];
/** Types of negative (docs/API.md "Mentions"), in the order of the `t` 1–5 keys. */
export const NEGATIVE_TYPES = ["complaint", "outburst", "attack", "troll", "employee"] as const;
export type TNegativeType = (typeof NEGATIVE_TYPES)[number];

export const ASPECTS = ["service", "staff", "price", "quality", "delivery", "product", "employer", "other"] as const;
export type TAspect = (typeof ASPECTS)[number];

export type TSentimentFilter = TSentiment | "unlabelled";
export const SENTIMENT_FILTERS: readonly TSentimentFilter[] = [...SENTIMENTS, "unlabelled"];

export const MENTION_STATUSES = ["new", "read", "irrelevant"] as const;
export type TMentionStatus = (typeof MENTION_STATUSES)[number];

export const RULE_GROUPS = ["brand", "products", "persons", "competitors", "employer", "topics", "exclusions"] as const;
export type TRuleGroup = (typeof RULE_GROUPS)[number];

export type TTextField = "title" | "text" | "pros" | "cons";
export type TRange = { field: TTextField; start: number; end: number };

export type TRuleHit = { ruleId: string | null; group: TRuleGroup; name: string; highlights: TRange[] };

export type TMention = {
  id: string;
  sourceKind: string;
  sourceId: string | null;
  sourceName: string | null;
  origin: "connector" | "import";
  kind: string;
  url: string;
  site: string | null;
  parentUrl: string | null;
  target: Record<string, string> | null;
  author: { name: string | null; handle: string | null; url: string | null; isOwner: boolean };
  title: string | null;
  text: string;
  pros: string | null;
  cons: string | null;
  lang: string | null;
  rating: { value: number; scale: number } | null;
  publishedAt: string;
  firstSeenAt: string;
  sentiment: { label: TSentiment; confidence: number | null; origin: "model" | "rating" | "specialist" | "import" | null; at: string | null } | null;
  /** Negative mentions only: the machine's type (`confidence` is a cue-score margin) or a specialist's, with the recommended reaction. */
  negativeType: { type: TNegativeType; confidence: number | null; origin: "model" | "specialist" | null; reaction: { en: string; ru: string } } | null;
  aspects: TAspect[];
  status: TMentionStatus;
  tags: string[];
  matched: boolean;
  matchedGroups: string[];
  matches: TRuleHit[];
  searchHighlights: { field: "title" | "text"; start: number; end: number }[];
  clusterId: string;
  copies: number | null;
  revision: number;
  metrics: Record<string, number> | null;
  ownerReply: Record<string, string> | null;
  replyCapability: string;
};

export type TMentionPage = { items: TMention[]; total: number; totalIsExact: boolean; nextCursor: string | null };

export type TMentionDetail = {
  mention: TMention & {
    externalId: string;
    originalUrl: string | null;
    sourceUpdatedAt: string | null;
    changedAt: string;
    sentimentModel: string | null;
    sentimentByName: string | null;
  };
  revisions: { revision: number; title: string | null; text: string; ratingValue: number | null; sourceUpdatedAt: string | null; recordedAt: string }[];
  copies: {
    id: string;
    sourceKind: string;
    sourceName: string | null;
    url: string;
    site: string | null;
    title: string | null;
    authorName: string | null;
    publishedAt: string;
    sentiment: TSentiment | null;
    status: TMentionStatus;
  }[];
  copiesTotal: number;
};

export type TFacetValue = { value: string; label: string | null; count: number };
export type TFacets = Record<"sourceKind" | "sourceId" | "site" | "sentiment" | "group" | "lang" | "status", TFacetValue[]> & {
  /** Mentions in scope that were counted; `capped` when there were more (counts are of a part). */
  scanned: number;
  capped: boolean;
};

/** Confirming or correcting the machine's labels (the specialist in the loop). */
export type TLabelAction =
  | { action: "set_sentiment"; sentiment: TSentiment }
  | { action: "confirm_sentiment" }
  | { action: "set_negative_type"; negativeType: TNegativeType }
  | { action: "confirm_negative_type" };

export type TBulkAction =
  | TLabelAction
  | { action: "add_tag"; tag: string }
  | { action: "remove_tag"; tag: string }
  | { action: "set_status"; status: TMentionStatus };
