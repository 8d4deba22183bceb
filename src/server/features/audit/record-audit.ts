import type { TExecutor } from "../../context.ts";
import { insertAuditEntry } from "./queries.ts";

/** A person (by id and e-mail) or a named system actor such as `cli` or `job:accounts.cleanup`. */
export type TActor = { userId: string; label: string } | { userId: null; label: string };

/** The signed-in caller as an audit actor. */
export const actorOf = (auth: { userId: string; email: string }): TActor => ({ userId: auth.userId, label: auth.email });

export type TRecordAuditOptions = {
  workspaceId: string;
  actor: TActor;
  action: string;
  objectType: string;
  objectId?: string | null;
  brandId?: string | null;
  details?: Record<string, unknown>;
};

/** Call inside the mutation's own transaction, so the change and its record commit together. */
export async function recordAudit(db: TExecutor, options: TRecordAuditOptions): Promise<void> {
  await insertAuditEntry(db, {
    workspaceId: options.workspaceId,
    actorUserId: options.actor.userId,
    actorLabel: options.actor.label,
    action: options.action,
    objectType: options.objectType,
    objectId: options.objectId ?? null,
    brandId: options.brandId ?? null,
    details: options.details ?? {},
  });
}
