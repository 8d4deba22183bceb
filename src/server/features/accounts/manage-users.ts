import type { TAppContext } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { conflict, invalid, notFound } from "../../lib/errors.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import {
  countWorkspaceAdmins,
  deleteGrant,
  deleteUser,
  findBrand,
  findClient,
  findWorkspaceUser,
  insertGrant,
  listGrantsOfUsers,
  listWorkspaceUsers,
} from "./queries.ts";
import { assertScope } from "./roles.ts";

export async function listUsers(app: TAppContext, auth: TAuth) {
  const users = await listWorkspaceUsers(app.db, auth.workspaceId);
  const grants = await listGrantsOfUsers(app.db, users.map((u) => u.id));
  return users.map((u) => ({
    ...u,
    createdAt: u.createdAt.toISOString(),
    grants: grants
      .filter((g) => g.userId === u.id)
      .map(({ userId: _userId, ...g }) => g),
  }));
}

export async function addGrant(
  app: TAppContext,
  auth: TAuth,
  userId: string,
  options: { role: TRole; clientId?: string | null; brandId?: string | null },
) {
  const scope = { clientId: options.clientId ?? null, brandId: options.brandId ?? null };
  assertScope(options.role, scope);
  return app.db.transaction(async (tx) => {
    if (!(await findWorkspaceUser(tx, auth.workspaceId, userId))) throw notFound();
    if (scope.clientId && !(await findClient(tx, auth.workspaceId, scope.clientId)))
      throw invalid("clientId", "no such client in this workspace");
    if (scope.brandId && !(await findBrand(tx, auth.workspaceId, scope.brandId)))
      throw invalid("brandId", "no such brand in this workspace");
    const grant = await insertGrant(tx, { userId, role: options.role, ...scope });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "grant.add",
      objectType: "user",
      objectId: userId,
      brandId: scope.brandId,
      details: { grantId: grant.id, role: grant.role, ...scope },
    });
    return grant;
  });
}

export async function removeGrant(app: TAppContext, auth: TAuth, userId: string, grantId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    if (!(await findWorkspaceUser(tx, auth.workspaceId, userId))) throw notFound();
    const before = (await listGrantsOfUsers(tx, [userId])).find((g) => g.id === grantId);
    if (!before || !(await deleteGrant(tx, userId, grantId))) throw notFound();
    if ((await countWorkspaceAdmins(tx, auth.workspaceId)) === 0) throw conflict("The workspace must keep at least one admin");
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "grant.remove",
      objectType: "user",
      objectId: userId,
      brandId: before.brandId,
      details: { grantId, role: before.role, clientId: before.clientId, brandId: before.brandId },
    });
  });
}

export async function removeUser(app: TAppContext, auth: TAuth, userId: string): Promise<void> {
  if (userId === auth.userId) throw conflict("You cannot delete yourself");
  await app.db.transaction(async (tx) => {
    const user = await findWorkspaceUser(tx, auth.workspaceId, userId);
    if (!user) throw notFound();
    await deleteUser(tx, userId);
    if ((await countWorkspaceAdmins(tx, auth.workspaceId)) === 0) throw conflict("The workspace must keep at least one admin");
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "user.delete",
      objectType: "user",
      objectId: userId,
      details: { email: user.email },
    });
  });
}
