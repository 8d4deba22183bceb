import type { TRole } from "../../db/schema/accounts.ts";
import { AppError } from "../../lib/errors.ts";

/** Higher wins when several grants cover one brand. */
const RANK: Record<TRole, number> = { client_viewer: 1, client_approver: 2, specialist: 3, admin: 4 };

export function strongerRole(a: TRole | undefined, b: TRole): TRole {
  return a && RANK[a] >= RANK[b] ? a : b;
}

export type TGrantScope = { clientId: string | null; brandId: string | null };

/** Admins govern the whole workspace; client roles always belong to a client or a brand. */
export function scopeProblem(role: TRole, scope: TGrantScope): string | undefined {
  if (scope.clientId && scope.brandId) return "give either clientId or brandId, not both";
  const workspaceWide = !scope.clientId && !scope.brandId;
  if (role === "admin" && !workspaceWide) return "admin is a workspace-wide role: give neither clientId nor brandId";
  if ((role === "client_approver" || role === "client_viewer") && workspaceWide)
    return "a client role needs clientId or brandId";
  return undefined;
}

export function assertScope(role: TRole, scope: TGrantScope): void {
  const problem = scopeProblem(role, scope);
  if (problem) throw new AppError("validation_failed", `role: ${problem}`, { fields: [{ path: "role", message: problem }] });
}
