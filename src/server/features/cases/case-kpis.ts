import type { TExecutor } from "../../context.ts";
import { caseKpiRow } from "./queries.ts";

/**
 * KPIs of a brand's negative-review work over the cases opened in [from, to) on negative
 * mentions: median and 90th percentile of the time from opening to the first proposal, to the
 * approval and to the publication (seconds; null with no such case), the share of cases that
 * needed an answer and got one, and the share answered by the due time.
 */
const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const secondsOrNull = (value: number | string | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(Number(value)));

export async function caseKpis(db: TExecutor, brandId: string, period: { from: Date; to: Date }, now = new Date()) {
  const row = await caseKpiRow(db, brandId, period.from, period.to, now);
  const opened = Number(row?.opened ?? 0);
  const needing = Number(row?.needingResponse ?? 0);
  const answered = Number(row?.answered ?? 0);
  const within = Number(row?.answeredWithinTarget ?? 0);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    opened,
    needingResponse: needing,
    answered,
    answeredWithinTarget: within,
    overdueOpen: Number(row?.overdueOpen ?? 0),
    shareAnswered: ratio(answered, needing),
    shareWithinTarget: ratio(within, needing),
    timeToFirstProposal: { medianSeconds: secondsOrNull(row?.proposalP50), p90Seconds: secondsOrNull(row?.proposalP90) },
    timeToApproval: { medianSeconds: secondsOrNull(row?.approvalP50), p90Seconds: secondsOrNull(row?.approvalP90) },
    timeToPublication: { medianSeconds: secondsOrNull(row?.publicationP50), p90Seconds: secondsOrNull(row?.publicationP90) },
  };
}
