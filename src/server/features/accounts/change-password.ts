import type { TAppContext } from "../../context.ts";
import { AppError, invalid } from "../../lib/errors.ts";
import { PASSWORD_MIN_LENGTH, hashPassword, verifyPassword } from "../../lib/passwords.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import { deleteUserSessions, findUserProfile, updateUser } from "./queries.ts";

/** Changes the password and ends every other session of the user. */
export async function changePassword(
  app: TAppContext,
  auth: TAuth,
  options: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await findUserProfile(app.db, auth.userId);
  if (!user || !(await verifyPassword(user.passwordHash, options.currentPassword)))
    throw new AppError("validation_failed", "currentPassword: wrong password", {
      fields: [{ path: "currentPassword", message: "wrong password" }],
    });
  if (options.newPassword.length < PASSWORD_MIN_LENGTH)
    throw invalid("newPassword", `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  const passwordHash = await hashPassword(options.newPassword);
  await app.db.transaction(async (tx) => {
    await updateUser(tx, auth.userId, { passwordHash });
    await deleteUserSessions(tx, auth.userId, auth.sessionIdHash);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "user.password_change",
      objectType: "user",
      objectId: auth.userId,
    });
  });
}
