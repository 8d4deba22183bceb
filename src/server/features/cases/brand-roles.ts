import type { TExecutor } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { strongerRole } from "../accounts/roles.ts";
import { brandMemberRows } from "./queries.ts";

/** Everyone on the brand with their strongest role there (workspace, client and brand grants). */
export async function brandRoles(db: TExecutor, brandId: string): Promise<Map<string, TRole>> {
  const roles = new Map<string, TRole>();
  for (const row of await brandMemberRows(db, brandId)) roles.set(row.userId, strongerRole(roles.get(row.userId), row.role));
  return roles;
}
