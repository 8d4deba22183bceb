import type { TExecutor } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { notFound } from "../../lib/errors.ts";
import { clusterMembers, mentionRevisionRows } from "../mentions/queries.ts";
import { caseView, peopleOf } from "./case-view.ts";
import { caseWithMention, listCaseEvents, mentionsBySameAuthor, userNames } from "./queries.ts";
import { latestResponse } from "./responses/queries.ts";

const RELATED_SHOWN = 20;
const COPIES_SHOWN = 50;

/**
 * The case card: the case and its mention, the mention's edits, its copies (which share the
 * case), other mentions by the same author (with their cases), and every transition so far.
 */
export async function caseCard(db: TExecutor, brandId: string, caseId: string, role: TRole | undefined, now = new Date()) {
  const row = await caseWithMention(db, brandId, caseId);
  if (!row) throw notFound("No such case");
  const latest = await latestResponse(db, caseId);
  const names = await userNames(db, peopleOf([row], [latest]));
  const [revisions, copies, related, events] = await Promise.all([
    mentionRevisionRows(db, row.m.id),
    clusterMembers(db, brandId, row.c.clusterId, row.m.id, COPIES_SHOWN),
    mentionsBySameAuthor(db, brandId, { clusterId: row.c.clusterId, sourceKind: row.m.sourceKind, site: row.m.site, authorExternalId: row.m.authorExternalId, authorName: row.m.authorName }, RELATED_SHOWN),
    listCaseEvents(db, caseId),
  ]);
  return {
    case: caseView(row, { names, latest, role, now }),
    revisions: revisions.map((r) => ({ revision: r.revision, title: r.title, text: r.text, ratingValue: r.ratingValue, sourceUpdatedAt: r.sourceUpdatedAt?.toISOString() ?? null, recordedAt: r.recordedAt.toISOString() })),
    copies: copies.rows.map((c) => ({ id: c.id, sourceKind: c.sourceKind, sourceName: c.sourceName, url: c.url, site: c.site, title: c.title, authorName: c.authorName, publishedAt: c.publishedAt.toISOString() })),
    copiesTotal: copies.total,
    relatedByAuthor: related.map((r) => ({
      id: r.id,
      url: r.url,
      site: r.site,
      title: r.title,
      excerpt: Array.from(r.text).slice(0, 300).join(""),
      publishedAt: r.publishedAt.toISOString(),
      sentiment: r.sentiment,
      negativeType: r.negativeType,
      case: r.caseId ? { id: r.caseId, state: r.caseState } : null,
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.fromState,
      to: e.toState,
      reason: e.reason,
      actor: { id: e.actorUserId, name: e.actorName, label: e.actorLabel },
      via: e.via,
      at: e.at.toISOString(),
    })),
  };
}
