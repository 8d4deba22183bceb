import type { TRole } from "../../db/schema/accounts.ts";
import type { TCaseEventVia } from "../../db/schema/cases.ts";
import type { TAuth } from "../accounts/access.ts";
import { roleOnBrand } from "../accounts/permissions.ts";
import type { TActor } from "../audit/record-audit.ts";

/** Who acts on a case: a signed-in person, an approver through an e-mailed link, or the system. */
export type TCaseActor = {
  userId: string | null;
  /** E-mail of a person, or the system's name (`rule`, `job:cases.sla`). */
  label: string;
  role: TRole | undefined;
  via: TCaseEventVia;
};

export function caseActorOf(auth: TAuth, brandId: string): TCaseActor {
  return { userId: auth.userId, label: auth.email, role: roleOnBrand(auth, brandId), via: "app" };
}

export const systemActor = (label: string): TCaseActor => ({ userId: null, label, role: "admin", via: "system" });

export const auditActorOf = (actor: TCaseActor): TActor =>
  actor.userId ? { userId: actor.userId, label: actor.via === "approval_link" ? `${actor.label} (approval link)` : actor.label } : { userId: null, label: actor.label };

/** Agency roles work cases: open, assign, write and publish responses. */
export const isAgencyRole = (role: TRole | undefined): boolean => role === "admin" || role === "specialist";

/** Those who take part in the chat: everyone on the brand but a read-only viewer. */
export const canTalkOnCase = (role: TRole | undefined): boolean => role !== undefined && role !== "client_viewer";
