import type { TAppContext } from "../../context.ts";
import type { TLocale } from "../../db/schema/accounts.ts";
import { conflict } from "../../lib/errors.ts";
import { createUser } from "./create-user.ts";
import { countUsers, insertWorkspace } from "./queries.ts";
import { createSession } from "./sessions.ts";

export type TSetupOptions = { workspaceName: string; name: string; email: string; password: string; locale: TLocale };

/** The first start: creates the agency's workspace and its first admin, and signs them in. */
export async function setupFirstAdmin(app: TAppContext, options: TSetupOptions, userAgent: string | null) {
  return app.db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) throw conflict("Setup is already done: sign in instead");
    const workspaceId = await insertWorkspace(tx, options.workspaceName.trim());
    const user = await createUser(tx, {
      workspaceId,
      email: options.email,
      name: options.name,
      password: options.password,
      locale: options.locale,
      role: "admin",
      actor: { userId: null, label: "setup" },
    });
    const session = await createSession(app, tx, user.id, userAgent);
    return { userId: user.id, session };
  });
}
