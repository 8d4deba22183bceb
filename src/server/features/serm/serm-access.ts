import { forbidden } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";

/**
 * Who may do what in the reputation environment: every member of a brand reads it (the brand
 * guard has already answered 404 to everyone else); agency roles configure it, run scans and
 * label results. Client roles are read-only (403).
 */
export function requireSermWork(auth: TAuth, brandId: string): void {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles change the reputation environment");
}
