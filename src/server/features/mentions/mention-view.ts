import type { TRuleHit } from "../../db/schema/monitoring.ts";
import { negativeType } from "../classification/negative-types.ts";
import type { TFeedRow } from "./queries.ts";
import type { TSearchHighlight } from "./search-highlights.ts";

/** A mention as the API shows it (docs/API.md, "Mentions"). */
export type TMentionView = ReturnType<typeof mentionView>;

export function mentionView(row: TFeedRow, extra: { searchHighlights: TSearchHighlight[]; copies: number | null }) {
  return {
    id: row.id,
    sourceKind: row.sourceKind,
    sourceId: row.sourceId,
    sourceName: row.sourceName,
    origin: row.origin,
    kind: row.kind,
    url: row.url,
    site: row.site,
    parentUrl: row.parentUrl,
    target: row.target,
    author: { name: row.authorName, handle: row.authorHandle, url: row.authorUrl, isOwner: row.authorIsOwner },
    title: row.title,
    text: row.text,
    pros: row.pros,
    cons: row.cons,
    lang: row.lang,
    rating: row.ratingValue !== null && row.ratingScale !== null ? { value: row.ratingValue, scale: row.ratingScale } : null,
    publishedAt: row.publishedAt.toISOString(),
    firstSeenAt: row.firstSeenAt.toISOString(),
    sentiment: row.sentiment
      ? { label: row.sentiment, confidence: row.sentimentConfidence, origin: row.sentimentOrigin, at: row.sentimentAt?.toISOString() ?? null }
      : null,
    negativeType: row.negativeType
      ? { type: row.negativeType, confidence: row.negativeTypeConfidence, origin: row.negativeTypeOrigin, reaction: negativeType(row.negativeType).reaction }
      : null,
    aspects: row.aspects,
    status: row.status,
    tags: row.tags,
    matched: row.matched,
    matchedGroups: row.matchedGroups,
    matches: row.matches as TRuleHit[],
    searchHighlights: extra.searchHighlights,
    clusterId: row.clusterId,
    copies: extra.copies,
    revision: row.revision,
    metrics: row.metrics,
    ownerReply: row.ownerReply,
    replyCapability: row.replyCapability,
  };
}
