import type { TAppContext } from "../../../context.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { brandRolesFromGrants } from "../../accounts/access.ts";
import { brandGrantRows, findUserProfile } from "../../accounts/queries.ts";
import { type TNotificationEvent, ZNotificationEvent } from "../../notifications/notification-event.ts";
import { renderDigestEmail } from "../../notifications/render-digest-email.ts";
import { type TMailer, createSmtpMailer } from "../../notifications/smtp-mailer.ts";
import { unsubscribeUrl } from "../case-links.ts";
import { claimDigestItems, markDigestSent, pendingDigestUsers, userContacts } from "./queries.ts";
import { issueUnsubscribeToken } from "./unsubscribe.ts";

/**
 * The `notifications.digest` job (hourly): a person's waiting digest events go out as one
 * e-mail at DIGEST_LOCAL_HOUR in their own time zone (UTC when they set none), or as soon as the
 * oldest has waited MAX_WAIT_HOURS (a zone we cannot read, a missed hour). Events of brands the
 * person no longer sees are dropped. Items are marked sent before the e-mail goes: a failed
 * send is logged, never sent twice.
 */
export const DIGEST_LOCAL_HOUR = 8;
const MAX_WAIT_HOURS = 26;
const MAX_ITEMS = 500;

export function localHour(at: Date, timeZone: string | null | undefined): number {
  try {
    return Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone: timeZone ?? "UTC" }).format(at));
  } catch {
    return at.getUTCHours();
  }
}

export async function sendDigests(app: TAppContext, deps: { mailer?: TMailer | null; now?: Date; force?: boolean } = {}): Promise<{ sent: number; failed: number }> {
  const now = deps.now ?? new Date();
  const ownMailer = deps.mailer === undefined && app.config.smtp ? createSmtpMailer(app.config.smtp) : undefined;
  const mailer = deps.mailer === undefined ? (ownMailer ?? null) : deps.mailer;
  const result = { sent: 0, failed: 0 };
  if (!mailer) return result;
  try {
    const waiting = await pendingDigestUsers(app.db);
    const contacts = new Map((await userContacts(app.db, waiting.map((w) => w.userId))).map((c) => [c.id, c]));
    for (const w of waiting) {
      const contact = contacts.get(w.userId);
      if (!contact) continue;
      const oldest = new Date(w.oldest);
      const due = deps.force || localHour(now, contact.timeZone) === DIGEST_LOCAL_HOUR || now.getTime() - oldest.getTime() > MAX_WAIT_HOURS * 3_600_000;
      if (!due) continue;
      const events = await app.db.transaction(async (tx) => {
        const profile = await findUserProfile(tx, w.userId);
        const visible = profile ? brandRolesFromGrants(await brandGrantRows(tx, w.userId, profile.workspaceId)) : new Map();
        const items = await claimDigestItems(tx, w.userId, MAX_ITEMS);
        await markDigestSent(tx, items.map((i) => i.id), now);
        return items.flatMap((i): TNotificationEvent[] => {
          const parsed = ZNotificationEvent.safeParse(i.event);
          return visible.has(i.brandId) && parsed.success ? [parsed.data] : [];
        });
      });
      const recipient = { locale: contact.locale, ...(contact.timeZone ? { timeZone: contact.timeZone } : {}) };
      const token = await issueUnsubscribeToken(app.db, { userId: w.userId, brandId: null, kind: null }, now);
      const email = renderDigestEmail({ events, recipient, unsubscribe: { url: unsubscribeUrl(app.config, token), oneClick: true }, date: now, appUrl: app.config.publicUrl });
      if (!email) continue;
      try {
        const sent = await mailer.send(contact.email, email);
        if (sent.ok) result.sent++;
        else {
          result.failed++;
          app.logger.warn({ userId: w.userId, reason: sent.reason, err: sent.error }, "digest e-mail failed");
        }
      } catch (error) {
        result.failed++;
        app.logger.warn({ userId: w.userId, err: errorMessage(error) }, "digest e-mail failed");
      }
    }
  } finally {
    ownMailer?.close();
  }
  return result;
}
