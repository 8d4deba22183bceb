import type { TConfig } from "../../../config.ts";
import type { TExecutor } from "../../../context.ts";
import { type TNotificationEvent, type TNotificationKind, ZNotificationEvent } from "../../notifications/notification-event.ts";
import { caseUrl, httpUrlOrNull } from "../case-links.ts";
import { caseNotificationFacts, insertOutbox } from "./queries.ts";

/**
 * Writes an event about a case into the outbox, inside the transaction of the change that
 * caused it: the change and its notice commit together, and `notifications.dispatch` fans it
 * out to people (by their preferences) and to the brand's webhooks.
 */
export type TOutboxPayload = {
  event: TNotificationEvent;
  /** Who caused it: they are not told about their own action. */
  actorUserId: string | null;
  /** The response version an awaiting_approval event asks about (the approval link is for it). */
  responseId: string | null;
};

export type TCaseNotice = {
  kind: TNotificationKind;
  caseId: string;
  actor: { userId: string | null; name: string | null };
  responseText?: string;
  responseId?: string;
  reason?: string;
  now: Date;
};

const EXCERPT_CHARS = 2000;

export async function queueCaseNotification(tx: TExecutor, config: Pick<TConfig, "publicUrl">, notice: TCaseNotice): Promise<void> {
  const facts = await caseNotificationFacts(tx, notice.caseId);
  if (!facts) return;
  const text = [facts.mentionTitle, facts.mentionText].filter(Boolean).join("\n");
  const base = {
    brandName: facts.brandName,
    caseId: facts.caseId,
    caseUrl: caseUrl(config, facts.brandId, facts.caseId),
    mention: {
      excerpt: Array.from(text).slice(0, EXCERPT_CHARS).join(""),
      author: facts.authorName,
      site: facts.site ?? facts.sourceKind,
      url: httpUrlOrNull(facts.mentionUrl),
    },
    occurredAt: notice.now.toISOString(),
    actorName: notice.actor.name,
  };
  const responseText = notice.responseText ?? "";
  const candidate: Record<TNotificationKind, () => unknown> = {
    new_negative: () => ({ kind: "new_negative", ...base }),
    awaiting_approval: () => ({ kind: "awaiting_approval", ...base, responseText }),
    approved: () => ({ kind: "approved", ...base, responseText }),
    returned: () => ({ kind: "returned", ...base, responseText, reason: notice.reason ?? "" }),
    overdue: () => ({ kind: "overdue", ...base, dueAt: facts.dueAt.toISOString() }),
    published: () => ({ kind: "published", ...base, responseText, publishedUrl: httpUrlOrNull(facts.publishedUrl) }),
  };
  const event = ZNotificationEvent.parse(candidate[notice.kind]());
  const payload: TOutboxPayload = { event, actorUserId: notice.actor.userId, responseId: notice.responseId ?? null };
  await insertOutbox(tx, { brandId: facts.brandId, caseId: facts.caseId, kind: notice.kind, event: payload, createdAt: notice.now });
}
