import type { TAppContext } from "../../context.ts";
import { conflict, notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { afterCaseChange } from "./after-case-change.ts";
import { applyTransition } from "./apply-transition.ts";
import { caseActorOf } from "./case-actor.ts";
import type { TCaseAction } from "./case-state.ts";
import type { TCaseView } from "./case-view.ts";
import { loadCaseView } from "./load-case-view.ts";
import { findCase } from "./queries.ts";

/** Publishing needs a URL or the connector: it has routes of its own. */
export type TTransitionRequest = { action: Exclude<TCaseAction, "publish">; reason?: string | null };

export async function transitionCase(app: TAppContext, auth: TAuth, brandId: string, caseId: string, request: TTransitionRequest, now = new Date()): Promise<TCaseView> {
  if ((request.action as TCaseAction) === "publish") throw conflict("Publish through /publish (the platform's API) or /publish-manual (a URL)");
  const actor = caseActorOf(auth, brandId);
  await app.db.transaction(async (tx) => {
    const caseRow = await findCase(tx, brandId, caseId, true);
    if (!caseRow) throw notFound("No such case");
    await applyTransition(tx, app.config, { caseRow, action: request.action, actor, reason: request.reason, workspaceId: auth.workspaceId, now });
  });
  await afterCaseChange(app);
  return loadCaseView(app.db, brandId, caseId, actor.role, now);
}
