import type { TAppContext } from "../../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { afterCaseChange } from "./after-case-change.ts";
import { queueCaseNotification } from "./notify/queue-case-notification.ts";
import { brandInfo, markOverdueNotified, overdueCasesToNotify } from "./queries.ts";

/**
 * The `cases.sla` job: an open case past its due time gets one escalation notice (`overdue`, to
 * the brand's admins and the case's assignee), and the audit log says when. Marking and queueing
 * commit together, so the notice goes out exactly once however many workers run this.
 */
export async function checkOverdueCases(app: TAppContext, now = new Date()): Promise<number> {
  let notified = 0;
  for (;;) {
    const due = await overdueCasesToNotify(app.db, now, 100);
    if (due.length === 0) break;
    for (const c of due) {
      const done = await app.db.transaction(async (tx) => {
        if (!(await markOverdueNotified(tx, c.id, now))) return false;
        const brand = await brandInfo(tx, c.brandId);
        if (brand) {
          await recordAudit(tx, { workspaceId: brand.workspaceId, actor: { userId: null, label: "job:cases.sla" }, action: "case.overdue", objectType: "case", objectId: c.id, brandId: c.brandId });
        }
        await queueCaseNotification(tx, app.config, { kind: "overdue", caseId: c.id, actor: { userId: null, name: null }, now });
        return true;
      });
      if (done) notified++;
    }
    if (due.length < 100) break;
  }
  if (notified > 0) await afterCaseChange(app);
  return notified;
}
