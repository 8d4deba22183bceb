import type { TRole } from "../../db/schema/accounts.ts";
import { strongerRole } from "./roles.ts";

/** Who is calling and what they may see: computed once per request from their grants. */
export type TAuth = {
  userId: string;
  email: string;
  workspaceId: string;
  isAdmin: boolean;
  brandRoles: ReadonlyMap<string, TRole>;
  via: "session" | "token";
  sessionIdHash: string | undefined;
  csrfToken: string | undefined;
};

export function brandRolesFromGrants(rows: { brandId: string; role: TRole }[]): Map<string, TRole> {
  const roles = new Map<string, TRole>();
  for (const row of rows) roles.set(row.brandId, strongerRole(roles.get(row.brandId), row.role));
  return roles;
}
