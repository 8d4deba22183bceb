import { escapeHtml } from "../../notifications/untrusted-text.ts";
import type { TUnsubscribeView } from "./unsubscribe.ts";

/** The page an e-mail's unsubscribe link opens: a confirmation with one button (GET changes nothing). */
const T = {
  en: {
    title: "Unsubscribe",
    event: (brand: string, kind: string) => `Stop e-mails about “${kind}” for ${brand} to`,
    digest: "Stop the daily digest e-mails to",
    button: "Unsubscribe",
    done: "Done: you will not receive these e-mails any more. Other notifications stay as they were; change them in your Repute account.",
    invalid: "This unsubscribe link is not valid or has expired. Change your notifications in your Repute account.",
  },
  ru: {
    title: "Отписка",
    event: (brand: string, kind: string) => `Больше не присылать письма «${kind}» по бренду ${brand} на`,
    digest: "Больше не присылать ежедневные сводки на",
    button: "Отписаться",
    done: "Готово: эти письма больше не придут. Остальные уведомления остались как были; их можно изменить в учётной записи Repute.",
    invalid: "Ссылка для отписки недействительна или устарела. Настройте уведомления в учётной записи Repute.",
  },
} as const;

const KIND_NAMES: Record<"en" | "ru", Record<string, string>> = {
  en: { new_negative: "new negative", awaiting_approval: "awaiting approval", approved: "approved", returned: "returned", overdue: "overdue", published: "published" },
  ru: { new_negative: "новый негатив", awaiting_approval: "ждёт согласования", approved: "согласовано", returned: "возвращено", overdue: "просрочено", published: "опубликовано" },
};

function frame(locale: "ru" | "en", body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(T[locale].title)}</title></head><body style="margin:0;background:#f3f4f6;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937;"><main style="max-width:560px;margin:24px auto;background:#fff;border-radius:8px;padding:24px;line-height:1.5;">${body}</main></body></html>`;
}

export function unsubscribePageHtml(view: TUnsubscribeView, token: string): string {
  const t = T[view.locale];
  const what = view.brandName && view.kind ? t.event(view.brandName, KIND_NAMES[view.locale][view.kind] ?? view.kind) : t.digest;
  return frame(
    view.locale,
    `<p style="margin:0 0 16px;">${escapeHtml(what)} <strong>${escapeHtml(view.email)}</strong>?</p><form method="post" action="/unsubscribe/${escapeHtml(token)}"><button type="submit" style="padding:10px 18px;background:#2563eb;color:#fff;border:0;border-radius:6px;font-weight:600;cursor:pointer;">${escapeHtml(t.button)}</button></form>`,
  );
}

export const unsubscribeDoneHtml = (locale: "ru" | "en"): string => frame(locale, `<p style="margin:0;">${escapeHtml(T[locale].done)}</p>`);
export const unsubscribeInvalidHtml = (): string => frame("en", `<p style="margin:0;">${escapeHtml(T.en.invalid)}</p><p style="margin:12px 0 0;">${escapeHtml(T.ru.invalid)}</p>`);
