import type { TAppContext, TExecutor } from "../../../context.ts";
import { type TRole } from "../../../db/schema/accounts.ts";
import { NOTIFICATION_KINDS, type TNotificationKind } from "../../notifications/notification-event.ts";
import { hashSecret, newSecret } from "../../../lib/tokens.ts";
import { brandRolesFromGrants } from "../../accounts/access.ts";
import { brandGrantRows, findUserProfile } from "../../accounts/queries.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { defaultPreference } from "./notification-policy.ts";
import { findUnsubscribeToken, insertUnsubscribeToken, markUnsubscribeUsed, preferencesOfUser, upsertPreference } from "./queries.ts";

/**
 * Every e-mail carries its own unsubscribe link (and List-Unsubscribe with one-click POST).
 * An event e-mail's link takes e-mail off that brand's kind for its recipient; a digest's takes
 * e-mail off every kind the person gets as a digest. Other channels stay as they were. Tokens
 * are stored as hashes and last UNSUBSCRIBE_TTL_DAYS; using one twice changes nothing more.
 */
export const UNSUBSCRIBE_TTL_DAYS = 180;
export const UNSUBSCRIBE_TOKEN_PREFIX = "uns_";

export async function issueUnsubscribeToken(db: TExecutor, scope: { userId: string; brandId: string | null; kind: TNotificationKind | null }, now: Date): Promise<string> {
  const token = newSecret(UNSUBSCRIBE_TOKEN_PREFIX);
  await insertUnsubscribeToken(db, {
    tokenHash: hashSecret(token),
    userId: scope.userId,
    brandId: scope.brandId,
    kind: scope.kind,
    createdAt: now,
    expiresAt: new Date(now.getTime() + UNSUBSCRIBE_TTL_DAYS * 86_400_000),
  });
  return token;
}

export type TUnsubscribeView = { email: string; locale: "ru" | "en"; brandName: string | null; kind: string | null; used: boolean };

export async function readUnsubscribe(app: TAppContext, token: string, now = new Date()): Promise<TUnsubscribeView | undefined> {
  if (!/^uns_[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await findUnsubscribeToken(app.db, hashSecret(token), now);
  if (!row) return undefined;
  return { email: row.email, locale: row.locale, brandName: row.brandName, kind: row.token.kind, used: row.token.usedAt !== null };
}

/** Takes e-mail off what the token names; false for an unknown or expired token. */
export async function applyUnsubscribe(app: TAppContext, token: string, now = new Date()): Promise<boolean> {
  if (!/^uns_[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return app.db.transaction(async (tx) => {
    const row = await findUnsubscribeToken(tx, hashSecret(token), now);
    if (!row) return false;
    const { userId, brandId, kind } = row.token;
    const profile = await findUserProfile(tx, userId);
    if (!profile) return false;
    const roles = brandRolesFromGrants(await brandGrantRows(tx, userId, profile.workspaceId));
    const stored = new Map((await preferencesOfUser(tx, userId, [...roles.keys()])).map((p) => [`${p.brandId}:${p.kind}`, p]));
    const targets: { brandId: string; kind: TNotificationKind; role: TRole }[] = [];
    for (const [b, role] of roles) {
      if (brandId && b !== brandId) continue;
      for (const k of NOTIFICATION_KINDS) if (!kind || k === kind) targets.push({ brandId: b, kind: k, role });
    }
    const changed: string[] = [];
    for (const t of targets) {
      const current = stored.get(`${t.brandId}:${t.kind}`) ?? defaultPreference(t.role, t.kind);
      if (!current.channels.includes("email")) continue;
      if (!brandId && current.mode !== "digest") continue; // a digest's link: digests only
      const channels = current.channels.filter((c) => c !== "email");
      await upsertPreference(tx, { userId, brandId: t.brandId, kind: t.kind, mode: channels.length ? current.mode : "off", channels, updatedAt: now });
      changed.push(`${t.brandId}:${t.kind}`);
    }
    await markUnsubscribeUsed(tx, hashSecret(token), now);
    await recordAudit(tx, { workspaceId: profile.workspaceId, actor: { userId, label: `${profile.email} (unsubscribe link)` }, action: "notifications.unsubscribe", objectType: "user", objectId: userId, details: { brandId, kind, changed } });
    return true;
  });
}
