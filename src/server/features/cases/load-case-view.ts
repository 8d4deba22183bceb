import type { TExecutor } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { notFound } from "../../lib/errors.ts";
import { type TCaseView, caseView, peopleOf } from "./case-view.ts";
import { caseWithMention, userNames } from "./queries.ts";
import { latestResponse } from "./responses/queries.ts";

/** One case as the API shows it, for the caller's role; 404 when it is not this brand's. */
export async function loadCaseView(db: TExecutor, brandId: string, caseId: string, role: TRole | undefined, now = new Date()): Promise<TCaseView> {
  const row = await caseWithMention(db, brandId, caseId);
  if (!row) throw notFound("No such case");
  const latest = await latestResponse(db, caseId);
  const names = await userNames(db, peopleOf([row], [latest]));
  return caseView(row, { names, latest, role, now });
}
