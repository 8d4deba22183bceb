import type { caseRules } from "../../db/schema/cases.ts";
import type { TNegativeType, TSentiment, TSentimentOrigin } from "../../db/schema/monitoring.ts";

/**
 * Per brand: which new mentions open a case by themselves, and how long a response may take.
 * A brand without its own row has the defaults below.
 */
export type TCaseRules = {
  autoOpen: boolean;
  /** Empty = any type, an untyped negative too. */
  negativeTypes: string[];
  /** Empty = any source kind. */
  sourceKinds: string[];
  minConfidence: number;
  /** Null = any age. */
  maxAgeDays: number | null;
  responseTargetHours: number;
};

export const DEFAULT_CASE_RULES: TCaseRules = {
  autoOpen: true,
  negativeTypes: [],
  sourceKinds: [],
  minConfidence: 0,
  maxAgeDays: 30,
  responseTargetHours: 24,
};

export function caseRulesOf(row: typeof caseRules.$inferSelect | undefined): TCaseRules {
  if (!row) return { ...DEFAULT_CASE_RULES };
  return {
    autoOpen: row.autoOpen,
    negativeTypes: row.negativeTypes,
    sourceKinds: row.sourceKinds,
    minConfidence: row.minConfidence,
    maxAgeDays: row.maxAgeDays,
    responseTargetHours: row.responseTargetHours,
  };
}

export type TRuleCandidate = {
  sentiment: TSentiment | null;
  sentimentConfidence: number | null;
  sentimentOrigin: TSentimentOrigin | null;
  negativeType: TNegativeType | null;
  sourceKind: string;
  status: string;
  authorIsOwner: boolean;
  publishedAt: Date;
};

/** Whether a mention opens a case by the brand's rules (a person may open one on any mention). */
export function opensCase(rules: TCaseRules, m: TRuleCandidate, now: Date): boolean {
  if (!rules.autoOpen) return false;
  if (m.sentiment !== "negative" || m.status === "irrelevant" || m.authorIsOwner) return false;
  // A person's label is certain; a machine's must be sure enough.
  if (m.sentimentOrigin !== "specialist" && (m.sentimentConfidence ?? 0) < rules.minConfidence) return false;
  if (rules.negativeTypes.length > 0 && (!m.negativeType || !rules.negativeTypes.includes(m.negativeType))) return false;
  if (rules.sourceKinds.length > 0 && !rules.sourceKinds.includes(m.sourceKind)) return false;
  if (rules.maxAgeDays !== null && now.getTime() - m.publishedAt.getTime() > rules.maxAgeDays * 86_400_000) return false;
  return true;
}

/** The response is due this long after the mention appeared. */
export function dueAtFor(publishedAt: Date, rules: Pick<TCaseRules, "responseTargetHours">): Date {
  return new Date(publishedAt.getTime() + rules.responseTargetHours * 3_600_000);
}
