import type { TAppContext, TExecutor } from "../../context.ts";
import type { TConfig } from "../../config.ts";
import { forbidden, notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { roleOnBrand } from "../accounts/permissions.ts";
import { afterCaseChange } from "./after-case-change.ts";
import { caseActorOf, isAgencyRole } from "./case-actor.ts";
import type { TCaseView } from "./case-view.ts";
import { loadCaseView } from "./load-case-view.ts";
import { openCases } from "./open-cases.ts";

/** A specialist opens a case on any mention; when its cluster already has one, that case is returned. */
export async function openCaseForMention(app: TAppContext, auth: TAuth, brandId: string, mentionId: string, now = new Date()): Promise<{ case: TCaseView; created: boolean }> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles open cases");
  const result = await app.db.transaction((tx) => openCases(tx, app.config, { brandId, workspaceId: auth.workspaceId, mentionIds: [mentionId], how: "person", actor, now }));
  const entry = result.opened[0] ?? result.existing[0];
  if (!entry) throw notFound("No such mention");
  const created = result.opened.length > 0;
  if (created) await afterCaseChange(app, { notify: true, screenshots: true });
  return { case: await loadCaseView(app.db, brandId, entry.caseRow.id, actor.role, now), created };
}

/**
 * The mentions bulk action `open_case`, inside its transaction: returns the ids of the mentions a
 * new case was opened on. The live counter and the jobs notice the new cases on their next poll.
 */
export async function openCasesInBulk(tx: TExecutor, config: Pick<TConfig, "publicUrl">, auth: TAuth, brandId: string, ids: readonly string[], now: Date): Promise<string[]> {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(roleOnBrand(auth, brandId))) throw forbidden("Only the agency's roles open cases");
  const result = await openCases(tx, config, { brandId, workspaceId: auth.workspaceId, mentionIds: ids, how: "person", actor, now });
  return result.opened.map((o) => o.mentionId);
}
