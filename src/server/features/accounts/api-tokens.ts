import type { TAppContext } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { hashSecret, newSecret } from "../../lib/tokens.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import { deleteApiToken, findUserByEmail, findUserProfile, insertApiToken, listApiTokens } from "./queries.ts";
import { API_TOKEN_PREFIX } from "./sessions.ts";

/** A personal token acts as its user with exactly that user's access; the secret is shown once. */
export async function createApiToken(app: TAppContext, userId: string, name: string, actorLabel: string) {
  const user = await findUserProfile(app.db, userId);
  if (!user) throw notFound();
  const secret = newSecret(API_TOKEN_PREFIX);
  const token = await app.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, { userId, name: name.trim(), tokenHash: hashSecret(secret) });
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      actor: { userId: actorLabel === user.email ? userId : null, label: actorLabel },
      action: "token.create",
      objectType: "api_token",
      objectId: row.id,
      details: { name: row.name, userId },
    });
    return row;
  });
  return { token: { ...token, createdAt: token.createdAt.toISOString() }, secret };
}

export async function createApiTokenForEmail(app: TAppContext, email: string, name: string) {
  const user = await findUserByEmail(app.db, email);
  if (!user) throw notFound(`No user with e-mail ${email}`);
  return createApiToken(app, user.id, name, "cli");
}

export async function listOwnApiTokens(app: TAppContext, auth: TAuth) {
  const rows = await listApiTokens(app.db, auth.userId);
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeOwnApiToken(app: TAppContext, auth: TAuth, tokenId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    if (!(await deleteApiToken(tx, auth.userId, tokenId))) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "token.revoke",
      objectType: "api_token",
      objectId: tokenId,
    });
  });
}
