import { type TEventView, type TViewLimits, eventView } from "./event-view.ts";
import type { TNotificationEvent, TNotificationKind, TRecipient } from "./notification-event.ts";
import { ELLIPSIS, escapeHtml } from "./untrusted-text.ts";

/** Bot API: a message text is 1–4096 characters. We hold the markup itself to it, a safe bound. */
export const TELEGRAM_MAX_LENGTH = 4096;

const TELEGRAM_LIMITS: TViewLimits = { excerpt: 3000, response: 3000, reason: 1500, name: 120 };

const ICON: Record<TNotificationKind, string> = {
  new_negative: "🔴",
  awaiting_approval: "📝",
  approved: "✅",
  returned: "↩️",
  overdue: "⏰",
  published: "📢",
};

type TLongField = "excerpt" | "response" | "reason";

/**
 * A short message for `sendMessage` with `parse_mode: "HTML"`: every text escaped, only <b>,
 * <blockquote> and <a> of our own. When too long, the longest quoted text is shortened (before
 * escaping, so no entity or tag is ever cut) and ends in "…".
 */
export function renderTelegramText(event: TNotificationEvent, recipient: TRecipient, maxLength = TELEGRAM_MAX_LENGTH): string {
  const view = eventView(event, recipient, TELEGRAM_LIMITS);
  const long: Record<TLongField, string | null> = { excerpt: view.excerpt, response: view.response, reason: view.reason };
  // Each round cuts the longest field by the whole overflow, so a few rounds always suffice.
  for (let round = 0; round < 4; round++) {
    const message = compose(view, long);
    const over = message.length - maxLength;
    if (over <= 0) return message;
    const field = (Object.keys(long) as TLongField[])
      .filter((k) => long[k])
      .sort((a, b) => escapeHtml(long[b] ?? "").length - escapeHtml(long[a] ?? "").length)[0];
    if (!field) break;
    const current = long[field] ?? "";
    long[field] = shortenEscaped(current, escapeHtml(current).length - over);
  }
  // Only absurd limits get here: say what happened and link to the case.
  const minimal = `<b>${escapeHtml(`${ICON[view.kind]} ${view.title}`)}</b>${view.caseUrl ? `\n<a href="${escapeHtml(view.caseUrl)}">${escapeHtml(view.texts.labels.openCase)}</a>` : ""}`;
  return minimal.length <= maxLength ? minimal : escapeHtml(view.title.slice(0, Math.max(0, maxLength - 1))) + ELLIPSIS;
}

function compose(v: TEventView, long: Record<TLongField, string | null>): string {
  const l = v.texts.labels;
  const lines = [`<b>${escapeHtml(`${ICON[v.kind]} ${v.title}`)}</b>`];
  lines.push([`<b>${escapeHtml(v.brand)}</b>`, escapeHtml(v.site), v.author ? escapeHtml(v.author) : ""].filter(Boolean).join(" · "));
  lines.push(escapeHtml(v.lead));
  if (long.excerpt) lines.push(`<blockquote>${escapeHtml(long.excerpt)}</blockquote>`);
  if (long.reason) lines.push(`<b>${escapeHtml(l.reason)}:</b>`, `<blockquote>${escapeHtml(long.reason)}</blockquote>`);
  if (long.response) lines.push(`<b>${escapeHtml(l.response)}:</b>`, `<blockquote>${escapeHtml(long.response)}</blockquote>`);
  if (v.publishedUrl) lines.push(`<a href="${escapeHtml(v.publishedUrl)}">${escapeHtml(l.openPublished)}</a>`);
  if (v.caseUrl) lines.push(`<a href="${escapeHtml(v.caseUrl)}">${escapeHtml(l.openCase)}</a>`);
  return lines.join("\n");
}

/** The longest prefix (whole code points) whose escaped form plus "…" fits in `maxEscaped`. */
function shortenEscaped(text: string, maxEscaped: number): string {
  const budget = maxEscaped - ELLIPSIS.length;
  if (budget <= 0) return ELLIPSIS;
  let used = 0;
  let cut = 0;
  for (const ch of text) {
    const size = escapeHtml(ch).length;
    if (used + size > budget) break;
    used += size;
    cut += ch.length;
  }
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}
