import { aspectSet, detectAspects } from "../classification/aspects.ts";
import { classifyNegativeType } from "../classification/negative-type-classifier.ts";
import type { TAspect, TNegativeType, TSentiment } from "../../db/schema/monitoring.ts";
import { SOURCE_KINDS, type TSourceKind } from "../../connectors/connector.ts";
import type { TNormalizedMention } from "./normalize-item.ts";

const KNOWN_KINDS: ReadonlySet<string> = new Set(SOURCE_KINDS);
const sourceKindOf = (kind: string): TSourceKind | null => (KNOWN_KINDS.has(kind) ? (kind as TSourceKind) : null);

export type TMentionDescription = {
  aspects: TAspect[];
  negativeType: TNegativeType | null;
  negativeTypeConfidence: number | null;
  negativeTypeOrigin: "model" | null;
};

/**
 * Beyond polarity: which aspects a mention talks about (every mention), and for a negative one
 * which type of negative it is — what decides the recommended reaction. Both are cue-based and
 * cheap (tens of thousands of texts a second), so they run inline with the sentiment model.
 */
export function describeMention(item: TNormalizedMention, sentiment: TSentiment | null, matchedGroups: readonly string[]): TMentionDescription {
  const text = [item.text, item.pros, item.cons].filter(Boolean).join("\n");
  const aspects = aspectSet(detectAspects([item.title, text].filter(Boolean).join("\n"), item.lang)) as TAspect[];
  if (sentiment !== "negative") return { aspects, negativeType: null, negativeTypeConfidence: null, negativeTypeOrigin: null };
  const rating = item.ratingValue !== null && item.ratingScale ? { value: item.ratingValue, scale: item.ratingScale } : null;
  const result = classifyNegativeType({ text, title: item.title, rating, lang: item.lang, sourceKind: sourceKindOf(item.sourceKind), matchedGroups });
  return { aspects, negativeType: result.type, negativeTypeConfidence: result.confidence, negativeTypeOrigin: "model" };
}
