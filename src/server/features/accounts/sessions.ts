import type { TAppContext, TExecutor } from "../../context.ts";
import type { TDb } from "../../db/client.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { hashSecret, newSecret } from "../../lib/tokens.ts";
import { type TAuth, brandRolesFromGrants } from "./access.ts";
import {
  brandGrantRows,
  deleteSession,
  deleteUserSessions,
  findApiTokenByHash,
  findLiveSession,
  findUserProfile,
  insertSession,
  listGrantsOfUsers,
  touchApiToken,
} from "./queries.ts";

export const SESSION_COOKIE = "repute_session";
export const API_TOKEN_PREFIX = "rpt_";

export type TNewSession = { cookieValue: string; csrfToken: string; expiresAt: Date };

export async function createSession(
  app: TAppContext,
  db: TExecutor,
  userId: string,
  userAgent: string | null,
): Promise<TNewSession> {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(Date.now() + app.config.sessionTtlHours * 3600_000);
  await insertSession(db, {
    idHash: hashSecret(cookieValue),
    userId,
    csrfToken,
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt,
  });
  return { cookieValue, csrfToken, expiresAt };
}

export async function endSession(db: TExecutor, sessionIdHash: string): Promise<void> {
  await deleteSession(db, sessionIdHash);
}

/** Signs a user out everywhere (e.g. a lost laptop); recorded in the audit log. */
export async function endAllSessions(db: TDb, auth: TAuth): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteUserSessions(tx, auth.userId);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "session.logout_all",
      objectType: "user",
      objectId: auth.userId,
    });
  });
}

/** Resolves a cookie or a bearer token to the caller's identity and reach; undefined = anonymous. */
export async function authenticate(
  db: TExecutor,
  credentials: { cookie?: string; bearer?: string },
): Promise<TAuth | undefined> {
  const now = new Date();
  let userId: string;
  let via: TAuth["via"];
  let sessionIdHash: string | undefined;
  let csrfToken: string | undefined;
  if (credentials.bearer) {
    const token = await findApiTokenByHash(db, hashSecret(credentials.bearer));
    if (!token) return undefined;
    // One write per minute at most, not one per API call.
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) await touchApiToken(db, token.id, now);
    userId = token.userId;
    via = "token";
  } else if (credentials.cookie) {
    const idHash = hashSecret(credentials.cookie);
    const session = await findLiveSession(db, idHash, now);
    if (!session) return undefined;
    userId = session.userId;
    via = "session";
    sessionIdHash = idHash;
    csrfToken = session.csrfToken;
  } else {
    return undefined;
  }
  return loadAuth(db, userId, { via, sessionIdHash, csrfToken });
}

export async function loadAuth(
  db: TExecutor,
  userId: string,
  how: Pick<TAuth, "via" | "sessionIdHash" | "csrfToken">,
): Promise<TAuth | undefined> {
  const user = await findUserProfile(db, userId);
  if (!user) return undefined;
  const grants = await brandGrantRows(db, user.id, user.workspaceId);
  const brandRoles = brandRolesFromGrants(grants);
  const own = await listGrantsOfUsers(db, [user.id]);
  const isAdmin = own.some((g) => g.role === "admin" && !g.clientId && !g.brandId);
  return { userId: user.id, email: user.email, workspaceId: user.workspaceId, isAdmin, brandRoles, ...how };
}
