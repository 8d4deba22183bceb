import type { TAppContext } from "../../context.ts";
import type { TLocale, TRole } from "../../db/schema/accounts.ts";
import { invalid } from "../../lib/errors.ts";
import { createUser } from "./create-user.ts";
import { findBrand, findClient, findWorkspaceByName, firstWorkspace, insertWorkspace } from "./queries.ts";

export type TShellUserOptions = {
  email: string;
  password: string;
  role: TRole;
  name?: string;
  clientId?: string;
  brandId?: string;
  locale: TLocale;
  workspaceName?: string;
};

/**
 * `repute user create`: joins the named (or the first) workspace; with none yet, an admin
 * creates it, exactly as the first-start form does.
 */
export async function createUserFromShell(app: TAppContext, options: TShellUserOptions) {
  return app.db.transaction(async (tx) => {
    let workspace = options.workspaceName
      ? await findWorkspaceByName(tx, options.workspaceName)
      : await firstWorkspace(tx);
    if (!workspace) {
      if (options.role !== "admin") throw invalid("role", "no workspace exists yet: create an admin first");
      const id = await insertWorkspace(tx, options.workspaceName ?? "My agency");
      workspace = { id, name: options.workspaceName ?? "My agency", createdAt: new Date() };
    }
    if (options.clientId && !(await findClient(tx, workspace.id, options.clientId))) throw invalid("client", "no such client");
    if (options.brandId && !(await findBrand(tx, workspace.id, options.brandId))) throw invalid("brand", "no such brand");
    const user = await createUser(tx, {
      workspaceId: workspace.id,
      email: options.email,
      name: options.name ?? options.email,
      password: options.password,
      locale: options.locale,
      role: options.role,
      clientId: options.clientId ?? null,
      brandId: options.brandId ?? null,
      actor: { userId: null, label: "cli" },
    });
    return { id: user.id, email: user.email, workspaceName: workspace.name };
  });
}
