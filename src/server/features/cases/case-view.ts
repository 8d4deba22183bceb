import type { TRole } from "../../db/schema/accounts.ts";
import { findConnector } from "../../connectors/registry.ts";
import { negativeType } from "../classification/negative-types.ts";
import { blobPath, httpUrlOrNull } from "./case-links.ts";
import { allowedActions, isOpenState } from "./case-state.ts";
import type { TCaseWithMention } from "./queries.ts";
import type { TResponseRow } from "./responses/queries.ts";

/** A case as the API shows it (docs/API.md, "Negative reviews"). */
export type TCaseView = ReturnType<typeof caseView>;

export type TCaseViewExtra = {
  names: ReadonlyMap<string, string>;
  latest: TResponseRow | undefined;
  role: TRole | undefined;
  now: Date;
};

const person = (id: string | null, names: ReadonlyMap<string, string>) => (id ? { id, name: names.get(id) ?? null } : null);
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Through the source's connector when it can answer this mention, else by hand. */
export function publishRoute(m: TCaseWithMention["m"]): "api" | "manual" {
  if (m.replyCapability !== "api" || !m.sourceConnector) return "manual";
  return findConnector(m.sourceConnector)?.reply ? "api" : "manual";
}

/** Ids of every person a view names, to look their names up in one query. */
export function peopleOf(rows: readonly TCaseWithMention[], latest: readonly (TResponseRow | undefined)[] = []): string[] {
  const ids: (string | null)[] = [];
  for (const { c } of rows) ids.push(c.assigneeId, c.openedBy, c.approvedBy, c.publishedBy);
  for (const r of latest) ids.push(r?.authorId ?? null);
  return ids.filter((id): id is string => id !== null);
}

export function caseView(row: TCaseWithMention, extra: TCaseViewExtra) {
  const { c, m } = row;
  const { latest, names, now } = extra;
  const type = m.negativeType ? negativeType(m.negativeType) : null;
  const open = isOpenState(c.state);
  return {
    id: c.id,
    brandId: c.brandId,
    state: c.state,
    stateReason: c.stateReason,
    stateChangedAt: c.stateChangedAt.toISOString(),
    mention: {
      id: m.id,
      sourceKind: m.sourceKind,
      sourceName: m.sourceName,
      kind: m.kind,
      url: m.url,
      /** The link to open: the canonical URL when it is http(s). */
      link: httpUrlOrNull(m.originalUrl) ?? httpUrlOrNull(m.url),
      site: m.site,
      title: m.title,
      text: m.text,
      pros: m.pros,
      cons: m.cons,
      lang: m.lang,
      author: { name: m.authorName, handle: m.authorHandle, url: httpUrlOrNull(m.authorUrl) },
      rating: m.ratingValue !== null && m.ratingScale !== null ? { value: m.ratingValue, scale: m.ratingScale } : null,
      publishedAt: m.publishedAt.toISOString(),
      sentiment: m.sentiment ? { label: m.sentiment, confidence: m.sentimentConfidence, origin: m.sentimentOrigin } : null,
      negativeType: type ? { type: type.id, title: type.title, reaction: type.reaction, confidence: m.negativeTypeConfidence, origin: m.negativeTypeOrigin } : null,
      aspects: m.aspects,
      replyCapability: m.replyCapability,
      ownerReply: m.ownerReply,
      revision: m.revision,
    },
    clusterId: c.clusterId,
    assignee: person(c.assigneeId, names),
    dueAt: c.dueAt.toISOString(),
    overdue: open && c.dueAt.getTime() < now.getTime(),
    /** Seconds until the response is due (negative: overdue); null once answered or closed. */
    secondsLeft: open ? Math.round((c.dueAt.getTime() - now.getTime()) / 1000) : null,
    opened: { how: c.openedHow, by: person(c.openedBy, names), at: c.openedAt.toISOString() },
    screenshot: { status: c.screenshotStatus, hash: c.screenshotHash, url: blobPath(c.brandId, c.screenshotHash), at: iso(c.screenshotAt), error: c.screenshotError },
    latestResponse: latest
      ? { id: latest.id, version: latest.version, text: latest.text, origin: latest.origin, author: person(latest.authorId, names) ?? { id: null, name: latest.authorLabel }, createdAt: latest.createdAt.toISOString() }
      : null,
    approval: c.approvedResponseId
      ? { responseId: c.approvedResponseId, by: person(c.approvedBy, names), at: iso(c.approvedAt), ofLatest: latest?.id === c.approvedResponseId }
      : null,
    publishVia: publishRoute(m),
    publication: c.publishedAt
      ? {
          how: c.publishedHow,
          url: c.publishedUrl,
          externalId: c.publishedExternalId,
          at: c.publishedAt.toISOString(),
          by: person(c.publishedBy, names),
          confirmation: c.confirmationStatus,
          checkedAt: iso(c.confirmationCheckedAt),
          screenshot: { status: c.confirmationScreenshotStatus, hash: c.confirmationScreenshotHash, url: blobPath(c.brandId, c.confirmationScreenshotHash) },
        }
      : null,
    firstProposedAt: iso(c.firstProposedAt),
    resolvedAt: iso(c.resolvedAt),
    overdueNotifiedAt: iso(c.overdueNotifiedAt),
    /** What the caller may do now. */
    actions: allowedActions(c.state, extra.role, {
      hasResponse: latest !== undefined,
      latestApproved: latest !== undefined && latest.id === c.approvedResponseId,
    }),
  };
}
