import type { TNotificationEvent, TRecipient } from "./notification-event.ts";
import { NOTIFICATION_TEXTS, type TNotificationTexts, formatInstant } from "./notification-texts.ts";
import { multiLine, safeHttpUrl, singleLine, truncate } from "./untrusted-text.ts";

/**
 * An event reduced to what a reader sees, in the reader's language: texts cleaned of control
 * and bidi characters and shortened, links vetted, times formatted — but nothing escaped yet,
 * since an e-mail, a plain-text part and a Telegram message each escape their own way.
 */
export type TEventView = {
  kind: TNotificationEvent["kind"];
  texts: TNotificationTexts;
  title: string;
  subject: string;
  lead: string;
  brand: string;
  site: string;
  author: string | null;
  excerpt: string;
  /** The proposed or published response; null for kinds without one. */
  response: string | null;
  reason: string | null;
  /** Formatted due time of an overdue case. */
  due: string | null;
  caseUrl: string | null;
  mentionUrl: string | null;
  publishedUrl: string | null;
  occurredAt: string;
};

export type TViewLimits = { excerpt: number; response: number; reason: number; name: number };

export const EMAIL_LIMITS: TViewLimits = { excerpt: 2000, response: 4000, reason: 2000, name: 200 };

export function eventView(event: TNotificationEvent, recipient: TRecipient, limits: TViewLimits = EMAIL_LIMITS): TEventView {
  const texts = NOTIFICATION_TEXTS[recipient.locale];
  const kindTexts = texts.kinds[event.kind];
  const name = (s: string) => truncate(singleLine(s), limits.name);
  const brand = name(event.brandName);
  const site = name(event.mention.site);
  const actor = event.actorName === null ? null : name(event.actorName) || null;
  const due = event.kind === "overdue" ? formatInstant(event.dueAt, recipient.locale, recipient.timeZone) : null;
  const vars = { brand, site, actor, due: due ?? "" };
  return {
    kind: event.kind,
    texts,
    title: kindTexts.title,
    subject: singleLine(kindTexts.subject(vars)),
    lead: kindTexts.lead(vars),
    brand,
    site,
    author: event.mention.author === null ? null : name(event.mention.author) || null,
    excerpt: truncate(multiLine(event.mention.excerpt), limits.excerpt),
    response: "responseText" in event ? truncate(multiLine(event.responseText), limits.response) : null,
    reason: event.kind === "returned" ? truncate(multiLine(event.reason), limits.reason) : null,
    due,
    caseUrl: safeHttpUrl(event.caseUrl),
    mentionUrl: safeHttpUrl(event.mention.url),
    publishedUrl: event.kind === "published" ? safeHttpUrl(event.publishedUrl) : null,
    occurredAt: formatInstant(event.occurredAt, recipient.locale, recipient.timeZone),
  };
}
