import type { TAppContext } from "../../context.ts";
import type { TLocale } from "../../db/schema/accounts.ts";
import { invalid } from "../../lib/errors.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import { canSeeBrand } from "./permissions.ts";
import { updateUser } from "./queries.ts";

export type TProfilePatch = { name?: string; locale?: TLocale; activeBrandId?: string | null };

/** The user's own preferences: name, interface language, and the brand the UI opens on. */
export async function updateProfile(app: TAppContext, auth: TAuth, patch: TProfilePatch): Promise<void> {
  if (patch.activeBrandId && !canSeeBrand(auth, patch.activeBrandId))
    throw invalid("activeBrandId", "no such brand among yours");
  const changes = {
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    ...(patch.activeBrandId !== undefined ? { activeBrandId: patch.activeBrandId } : {}),
  };
  await app.db.transaction(async (tx) => {
    await updateUser(tx, auth.userId, changes);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "user.profile_update",
      objectType: "user",
      objectId: auth.userId,
      brandId: patch.activeBrandId ?? null,
      details: changes,
    });
  });
}
