import type { TAppContext } from "../../../context.ts";
import type { TNotificationChannel, TNotificationMode } from "../../../db/schema/cases.ts";
import { invalid } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { listBrandsByIds } from "../../accounts/queries.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { NOTIFICATION_KINDS, type TNotificationKind } from "../../notifications/notification-event.ts";
import { defaultPreference, mayReceive } from "./notification-policy.ts";
import { countUnreadInApp, findSettings, listInApp, markInAppRead, preferencesOfUser, upsertPreference, upsertSettings } from "./queries.ts";

/** The caller's own notification settings: where to reach them, and per brand and kind what to get. */
export async function getMyNotifications(app: TAppContext, auth: TAuth) {
  const brandIds = [...auth.brandRoles.keys()];
  const [settings, stored, brands] = await Promise.all([findSettings(app.db, auth.userId), preferencesOfUser(app.db, auth.userId, brandIds), listBrandsByIds(app.db, brandIds)]);
  const byKey = new Map(stored.map((p) => [`${p.brandId}:${p.kind}`, p]));
  return {
    settings: { telegramChatId: settings?.telegramChatId ?? null, timeZone: settings?.timeZone ?? null },
    available: { email: app.config.smtp !== undefined, telegram: app.config.telegramBotToken !== undefined },
    brands: brands.map((b) => {
      const role = auth.brandRoles.get(b.id) ?? "client_viewer";
      return {
        brandId: b.id,
        brandName: b.name,
        role,
        kinds: NOTIFICATION_KINDS.map((kind) => {
          const own = byKey.get(`${b.id}:${kind}`);
          const effective = own ?? defaultPreference(role, kind);
          return {
            kind,
            /** overdue: admins always; others when a case is assigned to them. */
            eligible: kind === "overdue" ? true : mayReceive(role, kind, false),
            mode: effective.mode,
            channels: effective.channels,
            isDefault: own === undefined,
          };
        }),
      };
    }),
  };
}

export type TPreferenceInput = { brandId: string; kind: TNotificationKind; mode: TNotificationMode; channels: TNotificationChannel[] };

export async function setMyPreferences(app: TAppContext, auth: TAuth, items: readonly TPreferenceInput[], now = new Date()): Promise<void> {
  items.forEach((item, i) => {
    if (!auth.brandRoles.has(item.brandId)) throw invalid(`preferences.${i}.brandId`, "not a brand you see");
    if (item.mode !== "off" && item.channels.length === 0) throw invalid(`preferences.${i}.channels`, "pick at least one channel, or set mode to off");
  });
  await app.db.transaction(async (tx) => {
    for (const item of items) {
      await upsertPreference(tx, { userId: auth.userId, brandId: item.brandId, kind: item.kind, mode: item.mode, channels: [...new Set(item.channels)], updatedAt: now });
    }
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "notifications.preferences", objectType: "user", objectId: auth.userId, details: { changes: items.map((i) => ({ brandId: i.brandId, kind: i.kind, mode: i.mode, channels: i.channels })) } });
  });
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function setMySettings(app: TAppContext, auth: TAuth, patch: { telegramChatId?: string | null; timeZone?: string | null }, now = new Date()) {
  if (patch.timeZone && !validTimeZone(patch.timeZone)) throw invalid("timeZone", "an IANA time zone such as Europe/Moscow");
  const current = await findSettings(app.db, auth.userId);
  const next = {
    telegramChatId: patch.telegramChatId === undefined ? (current?.telegramChatId ?? null) : patch.telegramChatId,
    timeZone: patch.timeZone === undefined ? (current?.timeZone ?? null) : patch.timeZone,
  };
  await app.db.transaction(async (tx) => {
    await upsertSettings(tx, { userId: auth.userId, ...next, updatedAt: now });
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "notifications.settings", objectType: "user", objectId: auth.userId, details: { fields: Object.keys(patch).sort() } });
  });
  return next;
}

export async function listMyInApp(app: TAppContext, auth: TAuth, options: { unreadOnly: boolean; limit: number; before?: Date }) {
  const brandIds = [...auth.brandRoles.keys()];
  const [rows, unread] = await Promise.all([listInApp(app.db, auth.userId, brandIds, options), countUnreadInApp(app.db, auth.userId, brandIds)]);
  return { items: rows.map(inAppView), unread };
}

export const inAppView = (row: Awaited<ReturnType<typeof listInApp>>[number]) => ({
  id: row.id,
  brandId: row.brandId,
  caseId: row.caseId,
  kind: row.kind,
  event: row.event,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function markMyInAppRead(app: TAppContext, auth: TAuth, ids: readonly string[] | "all", now = new Date()): Promise<number> {
  return markInAppRead(app.db, auth.userId, ids, now);
}
