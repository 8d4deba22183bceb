import { and, asc, count, eq, gt, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { TExecutor } from "../../context.ts";
import {
  type TLocale,
  type TRole,
  apiTokens,
  brands,
  clients,
  grants,
  invitations,
  loginFailures,
  sessions,
  users,
  workspaces,
} from "../../db/schema/accounts.ts";

// ---------- workspaces and users ----------

export async function countUsers(db: TExecutor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function insertWorkspace(db: TExecutor, name: string): Promise<string> {
  const [row] = await db.insert(workspaces).values({ name }).returning({ id: workspaces.id });
  if (!row) throw new Error("workspace insert returned nothing");
  return row.id;
}

export async function findWorkspaceByName(db: TExecutor, name: string) {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.name, name)).limit(1);
  return row;
}

export async function firstWorkspace(db: TExecutor) {
  const [row] = await db.select().from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
  return row;
}

export type TNewUser = {
  workspaceId: string;
  email: string;
  name: string;
  passwordHash: string;
  locale: TLocale;
};

export async function insertUser(db: TExecutor, user: TNewUser) {
  const [row] = await db.insert(users).values(user).returning();
  if (!row) throw new Error("user insert returned nothing");
  return row;
}

export async function findUserByEmail(db: TExecutor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row;
}

export async function findUserProfile(db: TExecutor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      activeBrandId: users.activeBrandId,
      workspaceId: users.workspaceId,
      workspaceName: workspaces.name,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function updateUser(
  db: TExecutor,
  userId: string,
  patch: Partial<{ name: string; locale: TLocale; activeBrandId: string | null; passwordHash: string }>,
): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.update(users).set(patch).where(eq(users.id, userId));
}

export async function listWorkspaceUsers(db: TExecutor, workspaceId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

export async function findWorkspaceUser(db: TExecutor, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)))
    .limit(1);
  return row;
}

export async function deleteUser(db: TExecutor, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}

// ---------- grants and access ----------

export async function insertGrant(
  db: TExecutor,
  grant: { userId: string; role: TRole; clientId: string | null; brandId: string | null },
) {
  const [row] = await db.insert(grants).values(grant).returning();
  if (!row) throw new Error("grant insert returned nothing");
  return row;
}

export async function deleteGrant(db: TExecutor, userId: string, grantId: string): Promise<boolean> {
  const rows = await db
    .delete(grants)
    .where(and(eq(grants.id, grantId), eq(grants.userId, userId)))
    .returning({ id: grants.id });
  return rows.length > 0;
}

export async function listGrantsOfUsers(db: TExecutor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({
      id: grants.id,
      userId: grants.userId,
      role: grants.role,
      clientId: grants.clientId,
      clientName: clients.name,
      brandId: grants.brandId,
      brandName: brands.name,
    })
    .from(grants)
    .leftJoin(clients, eq(clients.id, grants.clientId))
    .leftJoin(brands, eq(brands.id, grants.brandId))
    .where(inArray(grants.userId, userIds))
    .orderBy(asc(grants.createdAt));
}

export async function countWorkspaceAdmins(db: TExecutor, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(users.workspaceId, workspaceId), eq(grants.role, "admin")));
  return row?.n ?? 0;
}

/** Every brand a user's grants reach, with the role of each grant (the caller keeps the strongest). */
export async function brandGrantRows(db: TExecutor, userId: string, workspaceId: string) {
  return db
    .select({ brandId: brands.id, role: grants.role })
    .from(grants)
    .innerJoin(
      brands,
      and(
        eq(brands.workspaceId, workspaceId),
        or(
          and(isNull(grants.clientId), isNull(grants.brandId)),
          eq(brands.clientId, grants.clientId),
          eq(brands.id, grants.brandId),
        ),
      ),
    )
    .where(eq(grants.userId, userId));
}

export async function listBrandsByIds(db: TExecutor, brandIds: string[]) {
  if (brandIds.length === 0) return [];
  return db
    .select({
      id: brands.id,
      name: brands.name,
      clientId: brands.clientId,
      clientName: clients.name,
      createdAt: brands.createdAt,
    })
    .from(brands)
    .innerJoin(clients, eq(clients.id, brands.clientId))
    .where(inArray(brands.id, brandIds))
    .orderBy(asc(clients.name), asc(brands.name));
}

// ---------- sessions and tokens ----------

export async function insertSession(
  db: TExecutor,
  session: { idHash: string; userId: string; csrfToken: string; userAgent: string | null; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findLiveSession(db: TExecutor, idHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: TExecutor, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of a user, or every one but `keepIdHash`. */
export async function deleteUserSessions(db: TExecutor, userId: string, keepIdHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepIdHash ? ne(sessions.idHash, keepIdHash) : undefined));
}

export async function deleteExpiredSessions(db: TExecutor, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.idHash });
  return rows.length;
}

export async function insertApiToken(db: TExecutor, token: { userId: string; name: string; tokenHash: string }) {
  const [row] = await db
    .insert(apiTokens)
    .values(token)
    .returning({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt });
  if (!row) throw new Error("token insert returned nothing");
  return row;
}

export async function findApiTokenByHash(db: TExecutor, tokenHash: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function touchApiToken(db: TExecutor, id: string, now: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function listApiTokens(db: TExecutor, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.createdAt));
}

export async function deleteApiToken(db: TExecutor, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

// ---------- login rate limiting ----------

export async function recordLoginFailures(db: TExecutor, keys: string[], at: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ key, at })));
}

/** The largest failure count among the keys inside the window, and when the oldest of them leaves it. */
export async function loginFailureStats(db: TExecutor, keys: string[], since: Date) {
  return db
    .select({ key: loginFailures.key, n: count(), oldest: sql<Date>`min(${loginFailures.at})`.mapWith(loginFailures.at) })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
}

export async function clearLoginFailures(db: TExecutor, keys: string[]): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, keys));
}

export async function deleteOldLoginFailures(db: TExecutor, before: Date): Promise<number> {
  const rows = await db.delete(loginFailures).where(lt(loginFailures.at, before)).returning({ id: loginFailures.id });
  return rows.length;
}

// ---------- invitations ----------

export async function insertInvitation(
  db: TExecutor,
  invitation: {
    workspaceId: string;
    email: string;
    role: TRole;
    clientId: string | null;
    brandId: string | null;
    locale: TLocale;
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db.insert(invitations).values(invitation).returning();
  if (!row) throw new Error("invitation insert returned nothing");
  return row;
}

export async function findOpenInvitation(db: TExecutor, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      invitation: invitations,
      workspaceName: workspaces.name,
      clientName: clients.name,
      brandName: brands.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(clients, eq(clients.id, invitations.clientId))
    .leftJoin(brands, eq(brands.id, invitations.brandId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

/** Marks accepted only if still open: the single-use guarantee under concurrent accepts. */
export async function claimInvitation(db: TExecutor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function listInvitations(db: TExecutor, workspaceId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      clientId: invitations.clientId,
      brandId: invitations.brandId,
      clientName: clients.name,
      brandName: brands.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(clients, eq(clients.id, invitations.clientId))
    .leftJoin(brands, eq(brands.id, invitations.brandId))
    .where(eq(invitations.workspaceId, workspaceId))
    .orderBy(sql`${invitations.createdAt} desc`);
}

export async function revokeInvitation(db: TExecutor, workspaceId: string, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.id, id), eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

// ---------- clients and brands ----------

export async function listClientsWithBrands(db: TExecutor, workspaceId: string) {
  const rows = await db
    .select({
      id: clients.id,
      name: clients.name,
      createdAt: clients.createdAt,
      brandId: brands.id,
      brandName: brands.name,
    })
    .from(clients)
    .leftJoin(brands, eq(brands.clientId, clients.id))
    .where(eq(clients.workspaceId, workspaceId))
    .orderBy(asc(clients.name), asc(brands.name));
  return rows;
}

export async function findClient(db: TExecutor, workspaceId: string, clientId: string) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

export async function findClientByName(db: TExecutor, workspaceId: string, name: string) {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), sql`lower(${clients.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertClient(db: TExecutor, workspaceId: string, name: string) {
  const [row] = await db.insert(clients).values({ workspaceId, name }).returning();
  if (!row) throw new Error("client insert returned nothing");
  return row;
}

export async function renameClient(db: TExecutor, clientId: string, name: string) {
  const [row] = await db.update(clients).set({ name }).where(eq(clients.id, clientId)).returning();
  return row;
}

export async function countClientBrands(db: TExecutor, clientId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(brands).where(eq(brands.clientId, clientId));
  return row?.n ?? 0;
}

export async function deleteClient(db: TExecutor, clientId: string): Promise<void> {
  await db.delete(clients).where(eq(clients.id, clientId));
}

export async function findBrand(db: TExecutor, workspaceId: string, brandId: string) {
  const [row] = await db
    .select()
    .from(brands)
    .where(and(eq(brands.id, brandId), eq(brands.workspaceId, workspaceId)))
    .limit(1);
  return row;
}

export async function findBrandByName(db: TExecutor, clientId: string, name: string) {
  const [row] = await db
    .select()
    .from(brands)
    .where(and(eq(brands.clientId, clientId), sql`lower(${brands.name}) = lower(${name})`))
    .limit(1);
  return row;
}

export async function insertBrand(db: TExecutor, brand: { workspaceId: string; clientId: string; name: string }) {
  const [row] = await db.insert(brands).values(brand).returning();
  if (!row) throw new Error("brand insert returned nothing");
  return row;
}

export async function renameBrand(db: TExecutor, brandId: string, name: string) {
  const [row] = await db.update(brands).set({ name }).where(eq(brands.id, brandId)).returning();
  return row;
}

export async function deleteBrand(db: TExecutor, brandId: string): Promise<void> {
  await db.delete(brands).where(eq(brands.id, brandId));
}
