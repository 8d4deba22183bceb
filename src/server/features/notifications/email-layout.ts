import type { TLocale } from "../../db/schema/accounts.ts";
import { NOTIFICATION_TEXTS } from "./notification-texts.ts";
import { escapeHtml, safeHttpUrl } from "./untrusted-text.ts";

/**
 * The frame shared by every e-mail: an HTML part with inline styles only (no remote images, no
 * external CSS, nothing a mail client fetches) and a plain-text part, both ending with the
 * unsubscribe link. Helpers here take raw text and escape it; only `THtml` values pass as is.
 */
export type TRenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** Goes into the footer of both parts and into the List-Unsubscribe header. */
  unsubscribeUrl: string;
  /** Also send `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). */
  oneClickUnsubscribe: boolean;
};

export type TUnsubscribe = {
  /** Absolute http(s) URL that unsubscribes this recipient; opened by people (GET). */
  url: string;
  /**
   * The URL also unsubscribes on a POST with the body `List-Unsubscribe=One-Click` and no
   * cookies (RFC 8058), as large mailbox providers expect of bulk senders. Default false.
   */
  oneClick?: boolean;
};

/** Markup we built ourselves; a plain string is always text and always escaped. */
export type THtml = { readonly html: string };
export const html = (markup: string): THtml => ({ html: markup });
const isHtml = (part: string | THtml): part is THtml => typeof part !== "string";

/** Escaped text with line breaks kept. */
export function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>\n");
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const MUTED = "color:#6b7280;";

export const el = {
  h1: (text: string) => html(`<h1 style="${FONT}font-size:20px;line-height:1.3;margin:0 0 12px;color:#111827;">${escapeHtml(text)}</h1>`),
  h2: (text: string) => html(`<h2 style="${FONT}font-size:17px;margin:24px 0 8px;color:#111827;">${escapeHtml(text)}</h2>`),
  h3: (text: string) => html(`<h3 style="${FONT}font-size:15px;margin:16px 0 6px;color:#374151;">${escapeHtml(text)}</h3>`),
  p: (...parts: (string | THtml)[]) => html(`<p style="margin:0 0 12px;">${joinParts(parts)}</p>`),
  muted: (...parts: (string | THtml)[]) => html(`<p style="margin:0 0 12px;font-size:13px;${MUTED}">${joinParts(parts)}</p>`),
  label: (text: string) =>
    html(`<p style="margin:16px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;${MUTED}">${escapeHtml(text)}</p>`),
  quote: (text: string) =>
    html(
      `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #d1d5db;background:#f9fafb;color:#1f2937;">${textHtml(text)}</blockquote>`,
    ),
  strong: (text: string) => html(`<strong>${escapeHtml(text)}</strong>`),
  /** A link, or just the label when the URL is not http(s). */
  link: (url: string | null, label: string) => {
    const href = safeHttpUrl(url);
    return html(href ? `<a href="${escapeHtml(href)}" style="color:#2563eb;">${escapeHtml(label)}</a>` : escapeHtml(label));
  },
  button: (url: string | null, label: string) => {
    const href = safeHttpUrl(url);
    if (!href) return html("");
    return html(
      `<p style="margin:20px 0 4px;"><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;background:#2563eb;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${escapeHtml(label)}</a></p>`,
    );
  },
  list: (items: THtml[]) => html(`<ul style="margin:0 0 12px;padding-left:20px;">${items.map((i) => `<li style="margin:0 0 10px;">${i.html}</li>`).join("")}</ul>`),
  join: (parts: (string | THtml)[]) => html(joinParts(parts)),
};

function joinParts(parts: (string | THtml)[]): string {
  return parts.map((p) => (isHtml(p) ? p.html : escapeHtml(p))).join("");
}

/** Both parts of an e-mail from its body; the subject and the footer are added here. */
export function composeEmail(input: {
  locale: TLocale;
  subject: string;
  body: THtml[];
  textBody: string[];
  unsubscribe: TUnsubscribe;
}): TRenderedEmail {
  const unsubscribeUrl = safeHttpUrl(input.unsubscribe.url);
  if (!unsubscribeUrl) throw new Error("The unsubscribe link must be an absolute http(s) URL");
  const footer = NOTIFICATION_TEXTS[input.locale].footer;
  const htmlPart = [
    "<!doctype html>",
    `<html lang="${input.locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f4f6;">',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;${FONT}font-size:15px;line-height:1.5;color:#1f2937;">`,
    `<tr><td style="padding:24px;">${input.body.map((b) => b.html).join("\n")}</td></tr>`,
    `<tr><td style="padding:16px 24px;border-top:1px solid #e5e7eb;font-size:12px;${MUTED}">`,
    `${escapeHtml(footer.why)}<br><a href="${escapeHtml(unsubscribeUrl)}" style="${MUTED}">${escapeHtml(footer.unsubscribe)}</a>`,
    "</td></tr></table>",
    "</td></tr></table></body></html>",
  ].join("\n");
  const textPart = [...input.textBody, "", "--", footer.why, `${footer.unsubscribe}: ${unsubscribeUrl}`].join("\n");
  return {
    subject: input.subject,
    html: htmlPart,
    text: `${textPart.replace(/\n{3,}/g, "\n\n").trim()}\n`,
    unsubscribeUrl,
    oneClickUnsubscribe: input.unsubscribe.oneClick === true,
  };
}

/** A quoted block for the plain-text part, so quoted text cannot pass for ours. */
export function textQuote(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
}
