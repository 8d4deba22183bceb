import type { TExecutor } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { mentionView } from "./mention-view.ts";
import { clusterMembers, findMention, mentionRevisionRows } from "./queries.ts";

/** Copies listed with a mention; the count says how many there are in all. */
const COPIES_SHOWN = 100;

/** One mention with its edit history and the other copies of its text. */
export async function mentionDetail(db: TExecutor, brandId: string, mentionId: string) {
  const row = await findMention(db, brandId, mentionId);
  if (!row) throw notFound("No such mention");
  const revisions = await mentionRevisionRows(db, row.id);
  const copies = await clusterMembers(db, brandId, row.clusterId, row.id, COPIES_SHOWN);
  return {
    mention: {
      ...mentionView(row, { searchHighlights: [], copies: copies.total }),
      externalId: row.externalId,
      originalUrl: row.originalUrl,
      sourceUpdatedAt: row.sourceUpdatedAt?.toISOString() ?? null,
      changedAt: row.changedAt.toISOString(),
      sentimentModel: row.sentimentModel,
      sentimentByName: row.sentimentByName,
    },
    revisions: revisions.map((r) => ({
      revision: r.revision,
      title: r.title,
      text: r.text,
      ratingValue: r.ratingValue,
      sourceUpdatedAt: r.sourceUpdatedAt?.toISOString() ?? null,
      recordedAt: r.recordedAt.toISOString(),
    })),
    copies: copies.rows.map((c) => ({
      id: c.id,
      sourceKind: c.sourceKind,
      sourceName: c.sourceName,
      url: c.url,
      site: c.site,
      title: c.title,
      authorName: c.authorName,
      publishedAt: c.publishedAt.toISOString(),
      sentiment: c.sentiment,
      status: c.status,
    })),
    copiesTotal: copies.total,
  };
}
