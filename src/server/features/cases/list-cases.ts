import type { TExecutor } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { CASE_STATES } from "../../db/schema/cases.ts";
import { caseView, peopleOf } from "./case-view.ts";
import { type TCaseFilter, caseStateCounts, countCases, listCaseRows, userNames } from "./queries.ts";
import { latestResponsesOf } from "./responses/queries.ts";

/** A page of a brand's cases with the total under the filter and the counts for the section's tabs. */
export async function listCases(db: TExecutor, filter: TCaseFilter, page: { sort: "opened" | "due"; limit: number; offset: number }, role: TRole | undefined) {
  const rows = await listCaseRows(db, filter, page);
  const latestByCase = await latestResponsesOf(db, rows.map((r) => r.c.id));
  const latest = rows.map((r) => latestByCase.get(r.c.id));
  const names = await userNames(db, peopleOf(rows, latest));
  const [total, counts] = await Promise.all([countCases(db, filter), caseStateCounts(db, filter.brandId, filter.now)]);
  const byState = Object.fromEntries(CASE_STATES.map((s) => [s, 0])) as Record<(typeof CASE_STATES)[number], number>;
  for (const r of counts.byState) byState[r.state] = r.n;
  return {
    items: rows.map((row, i) => caseView(row, { names, latest: latest[i], role, now: filter.now })),
    total,
    counts: { byState, overdue: counts.overdue, unassignedOpen: counts.unassigned, all: Object.values(byState).reduce((a, b) => a + b, 0) },
  };
}
