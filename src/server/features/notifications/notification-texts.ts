import type { TLocale } from "../../db/schema/accounts.ts";
import type { TNotificationKind } from "./notification-event.ts";

/**
 * Every word the notifications say, in Russian and English. Functions receive values that are
 * already flattened (singleLine) but NOT escaped: each renderer escapes for its own format.
 * Brand names are never inflected: Russian sentences keep them out of the grammar.
 */
export type TKindTexts = {
  /** Heading of a single e-mail and of a Telegram message. */
  title: string;
  /** Heading of this kind's group in the digest. */
  group: string;
  subject(v: { brand: string; site: string; due: string }): string;
  lead(v: { actor: string | null; site: string; due: string }): string;
};

export type TNotificationTexts = {
  kinds: Record<TNotificationKind, TKindTexts>;
  labels: {
    brand: string;
    site: string;
    author: string;
    mention: string;
    response: string;
    reason: string;
    due: string;
    openCase: string;
    openMention: string;
    openPublished: string;
    /** The button of an awaiting_approval e-mail that carries the approver's own link. */
    approveOrReturn: string;
    approveHint: string;
  };
  footer: { why: string; unsubscribe: string };
  digest: {
    subject(v: { date: string; count: number; overdue: number }): string;
    heading(date: string): string;
    summary(count: number, brands: number): string;
    more(count: number): string;
    openApp: string;
  };
};

const by = (actor: string | null, before = " by ") => (actor ? `${before}${actor}` : "");
const paren = (actor: string | null) => (actor ? ` (${actor})` : "");

const EN: TNotificationTexts = {
  kinds: {
    new_negative: {
      title: "New negative mention",
      group: "New negative mentions",
      subject: (v) => `${v.brand}: new negative mention on ${v.site}`,
      lead: () => "A negative mention was found and a case was opened for it.",
    },
    awaiting_approval: {
      title: "A response awaits approval",
      group: "Awaiting approval",
      subject: (v) => `${v.brand}: a response awaits your approval`,
      lead: (v) => `A response was prepared${by(v.actor)}. Please approve it, or return it with a comment.`,
    },
    approved: {
      title: "Response approved",
      group: "Approved",
      subject: (v) => `${v.brand}: response approved`,
      lead: (v) => `The response was approved${by(v.actor)}. Publishing is the next step.`,
    },
    returned: {
      title: "Response returned for changes",
      group: "Returned for changes",
      subject: (v) => `${v.brand}: response returned for changes`,
      lead: (v) => `The response was returned for changes${by(v.actor)}.`,
    },
    overdue: {
      title: "Case overdue",
      group: "Overdue",
      subject: (v) => `${v.brand}: case overdue (response was due ${v.due})`,
      lead: (v) => `The response to this case was due ${v.due}, and the case is still open.`,
    },
    published: {
      title: "Response published",
      group: "Published",
      subject: (v) => `${v.brand}: response published on ${v.site}`,
      lead: (v) => `The response was published on ${v.site}${by(v.actor)}.`,
    },
  },
  labels: {
    brand: "Brand",
    site: "Site",
    author: "Author",
    mention: "Mention",
    response: "Response",
    reason: "Reason",
    due: "Due",
    openCase: "Open the case",
    openMention: "Original",
    openPublished: "See the published response",
    approveOrReturn: "Approve or return",
    approveHint: "This button is yours alone: it works once, without signing in. Do not forward this e-mail.",
  },
  footer: {
    why: "You receive these e-mails because notifications are on for your Repute account.",
    unsubscribe: "Unsubscribe",
  },
  digest: {
    subject: (v) => `Repute digest for ${v.date}: ${v.count} ${v.count === 1 ? "update" : "updates"}${v.overdue ? `, ${v.overdue} overdue` : ""}`,
    heading: (date) => `Daily digest, ${date}`,
    summary: (count, brands) => `${count} ${count === 1 ? "update" : "updates"} for ${brands} ${brands === 1 ? "brand" : "brands"}.`,
    more: (count) => `…and ${count} more`,
    openApp: "Open Repute",
  },
};

const ruPlural = new Intl.PluralRules("ru");
/** ru(5, ["событие", "события", "событий"]) → "событий". */
function ru(n: number, [one, few, many]: readonly [string, string, string]): string {
  const form = ruPlural.select(n);
  return form === "one" ? one : form === "few" ? few : many;
}

const RU: TNotificationTexts = {
  kinds: {
    new_negative: {
      title: "Новое негативное упоминание",
      group: "Новые негативные упоминания",
      subject: (v) => `${v.brand}: новое негативное упоминание, ${v.site}`,
      lead: () => "Найдено негативное упоминание, по нему открыт кейс.",
    },
    awaiting_approval: {
      title: "Ответ ждёт согласования",
      group: "Ждут согласования",
      subject: (v) => `${v.brand}: ответ ждёт вашего согласования`,
      lead: (v) => `Ответ подготовлен${paren(v.actor)}. Согласуйте его или верните с комментарием.`,
    },
    approved: {
      title: "Ответ согласован",
      group: "Согласованы",
      subject: (v) => `${v.brand}: ответ согласован`,
      lead: (v) => `Ответ согласован${paren(v.actor)}. Следующий шаг — публикация.`,
    },
    returned: {
      title: "Ответ возвращён на доработку",
      group: "Возвращены на доработку",
      subject: (v) => `${v.brand}: ответ возвращён на доработку`,
      lead: (v) => `Ответ возвращён на доработку${paren(v.actor)}.`,
    },
    overdue: {
      title: "Просрочен ответ",
      group: "Просрочены",
      subject: (v) => `${v.brand}: просрочен ответ (срок — ${v.due})`,
      lead: (v) => `Срок ответа по кейсу — ${v.due}, а кейс всё ещё открыт.`,
    },
    published: {
      title: "Ответ опубликован",
      group: "Опубликованы",
      subject: (v) => `${v.brand}: ответ опубликован, ${v.site}`,
      lead: (v) => `Ответ опубликован, площадка: ${v.site}${paren(v.actor)}.`,
    },
  },
  labels: {
    brand: "Бренд",
    site: "Площадка",
    author: "Автор",
    mention: "Упоминание",
    response: "Ответ",
    reason: "Причина",
    due: "Срок",
    openCase: "Открыть кейс",
    openMention: "Оригинал",
    openPublished: "Открыть опубликованный ответ",
    approveOrReturn: "Согласовать или вернуть",
    approveHint: "Эта кнопка только для вас: она срабатывает один раз и без входа в систему. Не пересылайте это письмо.",
  },
  footer: {
    why: "Вы получаете эти письма, потому что в Repute для вашей учётной записи включены уведомления.",
    unsubscribe: "Отписаться",
  },
  digest: {
    subject: (v) =>
      `Repute, сводка за ${v.date}: ${v.count} ${ru(v.count, ["событие", "события", "событий"])}${v.overdue ? `, просрочено: ${v.overdue}` : ""}`,
    heading: (date) => `Сводка за ${date}`,
    summary: (count, brands) =>
      `${count} ${ru(count, ["событие", "события", "событий"])} по ${brands} ${ru(brands, ["бренду", "брендам", "брендам"])}.`,
    more: (count) => `…и ещё ${count}`,
    openApp: "Открыть Repute",
  },
};

export const NOTIFICATION_TEXTS: Record<TLocale, TNotificationTexts> = { en: EN, ru: RU };

const INTL_LOCALE: Record<TLocale, string> = { en: "en-GB", ru: "ru-RU" };

/** "21 Nov 2026, 15:00 UTC" / "21 нояб. 2026 г., 18:00 MSK"-like, in the recipient's zone (UTC when unknown). */
export function formatInstant(iso: string | Date, locale: TLocale, timeZone = "UTC"): string {
  const at = typeof iso === "string" ? new Date(iso) : iso;
  const options: Intl.DateTimeFormatOptions = {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  };
  return formatIn(at, locale, timeZone, options);
}

/** The calendar date only, in the recipient's zone. */
export function formatDate(at: Date, locale: TLocale, timeZone = "UTC"): string {
  return formatIn(at, locale, timeZone, { day: "numeric", month: "long", year: "numeric" });
}

function formatIn(at: Date, locale: TLocale, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  try {
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone }).format(at);
  } catch {
    // An unknown zone name must not stop a notification.
    return new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: "UTC" }).format(at);
  }
}
