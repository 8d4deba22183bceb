import type { TAppContext } from "../../../context.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { type TNotificationEvent, ZNotificationEvent } from "../../notifications/notification-event.ts";
import { renderEventEmail } from "../../notifications/render-event-email.ts";
import { renderTelegramText } from "../../notifications/render-telegram-text.ts";
import { type TTelegramOptions, sendTelegramMessage } from "../../notifications/send-telegram-message.ts";
import { type TMailer, createSmtpMailer } from "../../notifications/smtp-mailer.ts";
import { issueApprovalLink } from "../approval/issue-approval-link.ts";
import { brandRoles } from "../brand-roles.ts";
import { approvalUrl, unsubscribeUrl } from "../case-links.ts";
import { CASE_JOBS } from "../jobs/job-names.ts";
import { kickJob } from "../jobs/kick-job.ts";
import { nudgeLive } from "../live/live-hub.ts";
import { findCase } from "../queries.ts";
import { queueWebhookDeliveries } from "../webhooks/queue-webhook-deliveries.ts";
import { approvesByLink, defaultPreference, mayReceive } from "./notification-policy.ts";
import { claimOutbox, insertDigestItems, insertInApp, preferencesOfBrand, setOutboxError, userContacts } from "./queries.ts";
import type { TOutboxPayload } from "./queue-case-notification.ts";
import { issueUnsubscribeToken } from "./unsubscribe.ts";

/**
 * The `notifications.dispatch` job: takes waiting outbox events (each by one worker only) and
 * fans each out — to everyone on the brand who may receive its kind, by their preference or the
 * role's default, never to the person who caused it — through the in-app inbox, e-mail
 * (immediately, with the approver's own approval link for `awaiting_approval`, or into the daily
 * digest) and Telegram; and to the brand's webhooks, whose deliveries retry on their own.
 * A failure of one channel for one person is written on the event and does not stop the others.
 */
export type TDispatchDeps = {
  /** Default: SMTP from the config, or no e-mail when it is not set. */
  mailer?: TMailer | null;
  telegram?: TTelegramOptions;
  now?: () => Date;
};

const BATCH = 20;
const MAX_ROUNDS = 20;

export async function dispatchNotifications(app: TAppContext, deps: TDispatchDeps = {}): Promise<{ events: number; emails: number; errors: number }> {
  const now = deps.now ?? (() => new Date());
  const ownMailer = deps.mailer === undefined && app.config.smtp ? createSmtpMailer(app.config.smtp) : undefined;
  const mailer = deps.mailer === undefined ? (ownMailer ?? null) : deps.mailer;
  const totals = { events: 0, emails: 0, errors: 0 };
  let webhooks = 0;
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const rows = await claimOutbox(app.db, BATCH, now());
      if (rows.length === 0) break;
      for (const row of rows) {
        const payload = row.event as unknown as TOutboxPayload;
        const parsed = ZNotificationEvent.safeParse(payload.event);
        if (!parsed.success) {
          await setOutboxError(app.db, row.id, "not a notification event");
          totals.errors++;
          continue;
        }
        const outcome = await dispatchOne(app, { ...row, payload: { ...payload, event: parsed.data } }, { mailer, telegram: deps.telegram, now: now() });
        totals.events++;
        totals.emails += outcome.emails;
        totals.errors += outcome.errors.length;
        webhooks += outcome.webhooks;
        if (outcome.errors.length > 0) await setOutboxError(app.db, row.id, outcome.errors.join("; ").slice(0, 2000));
      }
    }
  } finally {
    ownMailer?.close();
  }
  if (totals.events > 0) nudgeLive(app);
  if (webhooks > 0) await kickJob(app, CASE_JOBS.webhooks);
  return totals;
}

type TOutboxItem = { id: string; brandId: string; caseId: string | null; kind: string; payload: TOutboxPayload & { event: TNotificationEvent } };

async function dispatchOne(app: TAppContext, item: TOutboxItem, deps: { mailer: TMailer | null; telegram?: TTelegramOptions; now: Date }) {
  const { event, actorUserId, responseId } = item.payload;
  const kind = event.kind;
  const errors: string[] = [];
  let emails = 0;
  const roles = await brandRoles(app.db, item.brandId);
  const caseRow = item.caseId ? await findCase(app.db, item.brandId, item.caseId) : undefined;
  const stored = new Map((await preferencesOfBrand(app.db, item.brandId, kind)).map((p) => [p.userId, p]));
  const recipients = [...roles].filter(([userId, role]) => userId !== actorUserId && mayReceive(role, kind, caseRow?.assigneeId === userId));
  const contacts = new Map((await userContacts(app.db, recipients.map(([id]) => id))).map((c) => [c.id, c]));

  const inApp: Parameters<typeof insertInApp>[1] = [];
  const digest: Parameters<typeof insertDigestItems>[1] = [];
  for (const [userId, role] of recipients) {
    const preference = stored.get(userId) ?? defaultPreference(role, kind);
    const contact = contacts.get(userId);
    if (preference.mode === "off" || !contact) continue;
    const channels = new Set(preference.channels);
    if (channels.has("in_app")) inApp.push({ userId, brandId: item.brandId, caseId: item.caseId, kind, event, createdAt: deps.now });
    if (preference.mode === "digest") {
      if (channels.has("email")) digest.push({ userId, brandId: item.brandId, kind, event, createdAt: deps.now });
      continue;
    }
    const recipient = { locale: contact.locale, ...(contact.timeZone ? { timeZone: contact.timeZone } : {}) };
    if (channels.has("email") && deps.mailer) {
      try {
        const link = kind === "awaiting_approval" && responseId && item.caseId && approvesByLink(role)
          ? await issueApprovalLink(app.db, { caseId: item.caseId, brandId: item.brandId, responseId, approverId: userId, now: deps.now })
          : undefined;
        const unsubscribeToken = await issueUnsubscribeToken(app.db, { userId, brandId: item.brandId, kind }, deps.now);
        const email = renderEventEmail(event, recipient, { url: unsubscribeUrl(app.config, unsubscribeToken), oneClick: true }, link ? { approvalUrl: approvalUrl(app.config, link.token) } : {});
        const sent = await deps.mailer.send(contact.email, email);
        if (sent.ok) emails++;
        else errors.push(`e-mail to user ${userId}: ${sent.reason} (${sent.error})`);
      } catch (error) {
        errors.push(`e-mail to user ${userId}: ${errorMessage(error)}`);
      }
    }
    if (channels.has("telegram") && contact.telegramChatId && app.config.telegramBotToken) {
      const sent = await sendTelegramMessage(
        { botToken: app.config.telegramBotToken, chatId: contact.telegramChatId, text: renderTelegramText(event, recipient) },
        { contactUrl: app.config.fetchContactUrl, ...deps.telegram },
      );
      if (!sent.ok) errors.push(`telegram to user ${userId}: ${sent.reason} (${sent.description})`);
    }
  }
  await insertInApp(app.db, inApp);
  await insertDigestItems(app.db, digest);
  const webhooks = await queueWebhookDeliveries(app.db, item.brandId, event, deps.now);
  return { emails, errors, webhooks };
}
