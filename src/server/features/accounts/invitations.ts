import type { TAppContext } from "../../context.ts";
import type { TLocale, TRole } from "../../db/schema/accounts.ts";
import { conflict, invalid, notFound } from "../../lib/errors.ts";
import { hashSecret, newSecret } from "../../lib/tokens.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import { createUser } from "./create-user.ts";
import {
  claimInvitation,
  findBrand,
  findClient,
  findOpenInvitation,
  findUserByEmail,
  insertInvitation,
  listInvitations,
  revokeInvitation,
} from "./queries.ts";
import { assertScope } from "./roles.ts";
import { createSession } from "./sessions.ts";

export type TCreateInvitationOptions = {
  email: string;
  role: TRole;
  clientId?: string | null;
  brandId?: string | null;
  locale?: TLocale;
};

/** Creates a single-use, expiring invitation; the link is returned once and stored only hashed. */
export async function createInvitation(app: TAppContext, auth: TAuth, options: TCreateInvitationOptions) {
  const email = options.email.trim().toLowerCase();
  const scope = { clientId: options.clientId ?? null, brandId: options.brandId ?? null };
  assertScope(options.role, scope);
  if (scope.clientId && !(await findClient(app.db, auth.workspaceId, scope.clientId)))
    throw invalid("clientId", "no such client in this workspace");
  if (scope.brandId && !(await findBrand(app.db, auth.workspaceId, scope.brandId)))
    throw invalid("brandId", "no such brand in this workspace");
  if (await findUserByEmail(app.db, email)) throw conflict(`${email} already has an account: add a grant instead`);
  const token = newSecret();
  const invitation = await app.db.transaction(async (tx) => {
    const row = await insertInvitation(tx, {
      workspaceId: auth.workspaceId,
      email,
      role: options.role,
      ...scope,
      locale: options.locale ?? "en",
      tokenHash: hashSecret(token),
      invitedBy: auth.userId,
      expiresAt: new Date(Date.now() + app.config.invitationTtlHours * 3600_000),
    });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "invitation.create",
      objectType: "invitation",
      objectId: row.id,
      brandId: scope.brandId,
      details: { email, role: options.role, ...scope },
    });
    return row;
  });
  return { invitation, link: `${app.config.publicUrl}/invite/${token}` };
}

export async function describeInvitation(app: TAppContext, token: string) {
  const found = await findOpenInvitation(app.db, hashSecret(token), new Date());
  if (!found) throw notFound("This invitation is unknown, used, revoked or expired");
  return {
    email: found.invitation.email,
    role: found.invitation.role,
    locale: found.invitation.locale,
    workspaceName: found.workspaceName,
    scope: { clientName: found.clientName, brandName: found.brandName },
    expiresAt: found.invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(
  app: TAppContext,
  token: string,
  options: { name: string; password: string; locale?: TLocale },
  userAgent: string | null,
) {
  return app.db.transaction(async (tx) => {
    const now = new Date();
    const found = await findOpenInvitation(tx, hashSecret(token), now);
    if (!found || !(await claimInvitation(tx, found.invitation.id, now)))
      throw notFound("This invitation is unknown, used, revoked or expired");
    const inv = found.invitation;
    const user = await createUser(tx, {
      workspaceId: inv.workspaceId,
      email: inv.email,
      name: options.name,
      password: options.password,
      locale: options.locale ?? inv.locale,
      role: inv.role,
      clientId: inv.clientId,
      brandId: inv.brandId,
      actor: { userId: null, label: `invitation:${inv.email}` },
    });
    await recordAudit(tx, {
      workspaceId: inv.workspaceId,
      actor: { userId: user.id, label: user.email },
      action: "invitation.accept",
      objectType: "invitation",
      objectId: inv.id,
      brandId: inv.brandId,
    });
    const session = await createSession(app, tx, user.id, userAgent);
    return { userId: user.id, session };
  });
}

export async function listWorkspaceInvitations(app: TAppContext, auth: TAuth) {
  const now = Date.now();
  const rows = await listInvitations(app.db, auth.workspaceId);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    clientId: r.clientId,
    brandId: r.brandId,
    scopeName: r.brandName ?? r.clientName ?? null,
    status: (r.acceptedAt ? "accepted" : r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "pending") as
      | "accepted"
      | "revoked"
      | "expired"
      | "pending",
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function revokeWorkspaceInvitation(app: TAppContext, auth: TAuth, invitationId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    if (!(await revokeInvitation(tx, auth.workspaceId, invitationId, new Date()))) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "invitation.revoke",
      objectType: "invitation",
      objectId: invitationId,
    });
  });
}
