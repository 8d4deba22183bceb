import type { TExecutor } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import type { TAuth } from "./access.ts";
import { findUserProfile } from "./queries.ts";

/** The signed-in user as the API presents it. */
export async function presentUser(db: TExecutor, auth: TAuth) {
  const user = await findUserProfile(db, auth.userId);
  if (!user) throw notFound();
  const activeBrandId = user.activeBrandId && auth.brandRoles.has(user.activeBrandId) ? user.activeBrandId : null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    activeBrandId,
    isAdmin: auth.isAdmin,
    workspaceId: user.workspaceId,
    workspaceName: user.workspaceName,
  };
}
