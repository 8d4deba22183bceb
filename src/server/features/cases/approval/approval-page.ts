import { escapeHtml, multiLine, safeHttpUrl } from "../../notifications/untrusted-text.ts";
import type { TApprovalLinkView, TLinkStatus } from "./approval-link-use.ts";

/**
 * The page an approver lands on from the e-mail: no sign-in, no script, inline styles only
 * (the CSP allows them), every shown value escaped. It shows the mention and the proposed
 * response and has one form that POSTs back to the same address with the decision; that POST
 * refuses other origins, and the page is never cached or indexed.
 */
type TLocale = "ru" | "en";

const T = {
  en: {
    title: "Response awaiting your approval",
    brand: "Brand",
    site: "Site",
    author: "Author",
    published: "Published",
    due: "Response due",
    mention: "The mention",
    original: "Open the original",
    response: "Proposed response",
    version: "version",
    reason: "What should change (required to return)",
    approve: "Approve",
    return: "Return for changes",
    openCase: "Open the case in Repute",
    approved: "Approved. Thank you — the agency will publish the response.",
    returned: "Returned. The agency will revise the response and ask again.",
    expiresAt: "This link works once, until",
    statuses: {
      used: "This link has already been used.",
      expired: "This link has expired. Open the case in Repute to approve or return the response.",
      superseded: "This response is no longer awaiting approval (a newer version was proposed, or the case moved on).",
      not_allowed: "You no longer approve responses for this brand.",
      unknown: "This link is not valid.",
    } satisfies Record<Exclude<TLinkStatus, "open"> | "unknown", string>,
  },
  ru: {
    title: "Ответ ждёт вашего согласования",
    brand: "Бренд",
    site: "Площадка",
    author: "Автор",
    published: "Опубликовано",
    due: "Срок ответа",
    mention: "Упоминание",
    original: "Открыть оригинал",
    response: "Предлагаемый ответ",
    version: "версия",
    reason: "Что изменить (обязательно, чтобы вернуть)",
    approve: "Согласовать",
    return: "Вернуть на доработку",
    openCase: "Открыть кейс в Repute",
    approved: "Согласовано. Спасибо — агентство опубликует ответ.",
    returned: "Возвращено. Агентство доработает ответ и пришлёт снова.",
    expiresAt: "Ссылка действует один раз, до",
    statuses: {
      used: "Эта ссылка уже использована.",
      expired: "Срок действия ссылки истёк. Откройте кейс в Repute, чтобы согласовать или вернуть ответ.",
      superseded: "Этот ответ больше не ждёт согласования (предложена новая версия или кейс уже двинулся дальше).",
      not_allowed: "Вы больше не согласуете ответы этого бренда.",
      unknown: "Ссылка недействительна.",
    } satisfies Record<Exclude<TLinkStatus, "open"> | "unknown", string>,
  },
} as const;

const INTL: Record<TLocale, string> = { en: "en-GB", ru: "ru-RU" };
const when = (iso: string, locale: TLocale) =>
  new Intl.DateTimeFormat(INTL[locale], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" }).format(new Date(iso));
const paragraphs = (text: string) => escapeHtml(multiLine(text)).replace(/\n/g, "<br>");

function frame(locale: TLocale, title: string, body: string): string {
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;background:#f3f4f6;font-family:-apple-system,\'Segoe UI\',Roboto,Helvetica,Arial,sans-serif;color:#1f2937;">',
    `<main style="max-width:680px;margin:24px auto;background:#fff;border-radius:8px;padding:24px;line-height:1.5;">${body}</main>`,
    "</body></html>",
  ].join("\n");
}

const label = (text: string) => `<p style="margin:16px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;">${escapeHtml(text)}</p>`;
const quote = (html: string) => `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:3px solid #d1d5db;background:#f9fafb;">${html}</blockquote>`;
const link = (url: string | null, text: string) => {
  const href = safeHttpUrl(url);
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer" target="_blank" style="color:#2563eb;">${escapeHtml(text)}</a>` : "";
};

export function approvalPageHtml(view: TApprovalLinkView, token: string, error?: string): string {
  const t = T[view.locale];
  const review = view.review;
  if (view.status !== "open" || !review) return approvalMessageHtml(view.locale, t.statuses[view.status === "open" ? "superseded" : view.status]);
  const m = review.mention;
  const meta = [`${t.brand}: <strong>${escapeHtml(view.brand.name)}</strong>`, `${t.site}: ${escapeHtml(m.site)}`];
  if (m.author) meta.push(`${t.author}: ${escapeHtml(m.author)}`);
  meta.push(`${t.published}: ${escapeHtml(when(m.publishedAt, view.locale))}`);
  const body = [
    `<h1 style="font-size:20px;margin:0 0 12px;">${escapeHtml(t.title)}</h1>`,
    `<p style="margin:0 0 12px;font-size:14px;color:#6b7280;">${meta.join(" · ")}</p>`,
    `<p style="margin:0 0 12px;font-size:14px;">${escapeHtml(t.due)}: <strong>${escapeHtml(when(review.dueAt, view.locale))}</strong></p>`,
    label(t.mention),
    quote([m.title ? `<strong>${escapeHtml(m.title)}</strong><br>` : "", paragraphs(m.text)].join("")),
    m.url ? `<p style="margin:0 0 12px;font-size:14px;">${link(m.url, t.original)}</p>` : "",
    label(`${t.response} (${t.version} ${review.response.version})`),
    quote(paragraphs(review.response.text)),
    error ? `<p role="alert" style="margin:12px 0;padding:8px 12px;background:#fef2f2;color:#991b1b;border-radius:6px;">${escapeHtml(error)}</p>` : "",
    `<form method="post" action="/approve/${escapeHtml(token)}" style="margin:20px 0 0;">`,
    `<input type="hidden" name="response" value="${escapeHtml(review.response.id)}">`,
    `<label for="reason" style="display:block;font-size:14px;margin:0 0 4px;">${escapeHtml(t.reason)}</label>`,
    '<textarea id="reason" name="reason" rows="4" maxlength="2000" style="width:100%;box-sizing:border-box;padding:8px;border:1px solid #d1d5db;border-radius:6px;font:inherit;"></textarea>',
    '<p style="margin:16px 0 0;display:flex;gap:12px;flex-wrap:wrap;">',
    `<button type="submit" name="decision" value="approve" style="padding:10px 18px;background:#16a34a;color:#fff;border:0;border-radius:6px;font-weight:600;cursor:pointer;">${escapeHtml(t.approve)}</button>`,
    `<button type="submit" name="decision" value="return" style="padding:10px 18px;background:#fff;color:#b91c1c;border:1px solid #b91c1c;border-radius:6px;font-weight:600;cursor:pointer;">${escapeHtml(t.return)}</button>`,
    "</p></form>",
    `<p style="margin:20px 0 0;font-size:13px;color:#6b7280;">${escapeHtml(t.expiresAt)} ${escapeHtml(when(view.expiresAt, view.locale))}. ${link(review.caseUrl, t.openCase)}</p>`,
  ];
  return frame(view.locale, t.title, body.join("\n"));
}

export function approvalMessageHtml(locale: TLocale, message: string, caseLink?: string): string {
  const t = T[locale];
  return frame(locale, t.title, `<p style="margin:0;font-size:16px;">${escapeHtml(message)}</p>${caseLink ? `<p style="margin:16px 0 0;">${link(caseLink, t.openCase)}</p>` : ""}`);
}

export function approvalDoneHtml(locale: TLocale, decision: "approved" | "returned", caseLink: string): string {
  return approvalMessageHtml(locale, T[locale][decision], caseLink);
}

export const unknownLinkHtml = (): string => approvalMessageHtml("en", `${T.en.statuses.unknown} / ${T.ru.statuses.unknown}`);
