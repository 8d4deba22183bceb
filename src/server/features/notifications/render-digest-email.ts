import { type TRenderedEmail, type THtml, type TUnsubscribe, composeEmail, el } from "./email-layout.ts";
import { type TEventView, type TViewLimits, eventView } from "./event-view.ts";
import type { TNotificationEvent, TNotificationKind, TRecipient } from "./notification-event.ts";
import { NOTIFICATION_TEXTS, formatDate } from "./notification-texts.ts";

/** Kinds in the order a reader should act on them. */
export const DIGEST_ORDER: readonly TNotificationKind[] = ["overdue", "awaiting_approval", "returned", "new_negative", "approved", "published"];

const DIGEST_LIMITS: TViewLimits = { excerpt: 240, response: 240, reason: 240, name: 120 };

export type TDigestInput = {
  events: readonly TNotificationEvent[];
  recipient: TRecipient;
  unsubscribe: TUnsubscribe;
  /** The day the digest covers, shown in the recipient's zone; default now. */
  date?: Date;
  /** Repute's own address, linked at the end. */
  appUrl?: string;
  /** Events listed per brand and kind before "…and N more"; default 10. */
  maxPerGroup?: number;
};

type TGroup = { kind: TNotificationKind; views: TEventView[] };
type TBrandGroup = { brand: string; groups: TGroup[] };

/**
 * One e-mail for many events: grouped by brand (alphabetically), then by kind (most urgent
 * first), newest first within a kind. Null when there is nothing to say.
 */
export function renderDigestEmail(input: TDigestInput): TRenderedEmail | null {
  if (input.events.length === 0) return null;
  const { recipient } = input;
  const texts = NOTIFICATION_TEXTS[recipient.locale];
  const maxPerGroup = Math.max(1, input.maxPerGroup ?? 10);
  const date = formatDate(input.date ?? new Date(), recipient.locale, recipient.timeZone);
  const brands = groupEvents(input.events, recipient);
  const overdue = input.events.filter((e) => e.kind === "overdue").length;

  const body: THtml[] = [el.h1(texts.digest.heading(date)), el.p(texts.digest.summary(input.events.length, brands.length))];
  const text: string[] = [texts.digest.heading(date), "", texts.digest.summary(input.events.length, brands.length)];
  for (const { brand, groups } of brands) {
    body.push(el.h2(brand));
    text.push("", brand.toUpperCase(), "=".repeat(Math.min(brand.length, 60)));
    for (const { kind, views } of groups) {
      const heading = `${texts.kinds[kind].group} (${views.length})`;
      const shown = views.slice(0, maxPerGroup);
      const items = shown.map(itemHtml);
      if (views.length > shown.length) items.push(el.join([texts.digest.more(views.length - shown.length)]));
      body.push(el.h3(heading), el.list(items));
      text.push("", heading);
      for (const v of shown) text.push(...itemText(v));
      if (views.length > shown.length) text.push(`  ${texts.digest.more(views.length - shown.length)}`);
    }
  }
  if (input.appUrl) {
    body.push(el.button(input.appUrl, texts.digest.openApp));
    text.push("", `${texts.digest.openApp}: ${input.appUrl}`);
  }
  const subject = texts.digest.subject({ date, count: input.events.length, overdue });
  return composeEmail({ locale: recipient.locale, subject, body, textBody: text, unsubscribe: input.unsubscribe });
}

function groupEvents(events: readonly TNotificationEvent[], recipient: TRecipient): TBrandGroup[] {
  const byBrand = new Map<string, Map<TNotificationKind, { at: number; view: TEventView }[]>>();
  for (const event of events) {
    const view = eventView(event, recipient, DIGEST_LIMITS);
    const kinds = byBrand.get(view.brand) ?? new Map<TNotificationKind, { at: number; view: TEventView }[]>();
    byBrand.set(view.brand, kinds);
    const list = kinds.get(event.kind) ?? [];
    kinds.set(event.kind, list);
    list.push({ at: Date.parse(event.occurredAt), view });
  }
  const collator = new Intl.Collator(recipient.locale);
  return [...byBrand]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([brand, kinds]) => ({
      brand,
      groups: DIGEST_ORDER.flatMap((kind) => {
        const list = kinds.get(kind);
        return list ? [{ kind, views: list.sort((a, b) => b.at - a.at).map((x) => x.view) }] : [];
      }),
    }));
}

function itemHtml(v: TEventView): THtml {
  const l = v.texts.labels;
  const parts: (string | THtml)[] = [el.strong(v.site)];
  if (v.author) parts.push(` · ${v.author}`);
  parts.push(` · ${v.occurredAt}`, el.quote(v.excerpt));
  if (v.due) parts.push(el.muted(`${l.due}: ${v.due}`));
  if (v.reason !== null) parts.push(el.muted(`${l.reason}: ${v.reason}`));
  parts.push(el.link(v.caseUrl, l.openCase));
  return el.join(parts);
}

function itemText(v: TEventView): string[] {
  const l = v.texts.labels;
  const lines = [`- ${[v.site, v.author, v.occurredAt].filter(Boolean).join(" · ")}`];
  lines.push(...v.excerpt.split("\n").map((line) => `  > ${line}`));
  if (v.due) lines.push(`  ${l.due}: ${v.due}`);
  if (v.reason !== null) lines.push(`  ${l.reason}: ${v.reason.replace(/\n/g, " ")}`);
  if (v.caseUrl) lines.push(`  ${l.openCase}: ${v.caseUrl}`);
  return lines;
}
