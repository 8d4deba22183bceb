import type { TAppContext } from "../../context.ts";
import { afterCaseChange } from "./after-case-change.ts";
import { systemActor } from "./case-actor.ts";
import { openCases } from "./open-cases.ts";
import { brandInfo } from "./queries.ts";

/** New or edited mentions of a brand that its rules select get cases; returns how many opened. */
export async function openCasesByRules(app: TAppContext, brandId: string, mentionIds: readonly string[], now = new Date()): Promise<number> {
  if (mentionIds.length === 0) return 0;
  const opened = await app.db.transaction(async (tx) => {
    const brand = await brandInfo(tx, brandId);
    if (!brand) return 0;
    const result = await openCases(tx, app.config, { brandId, workspaceId: brand.workspaceId, mentionIds, how: "rule", actor: systemActor("rule"), now });
    return result.opened.length;
  });
  if (opened > 0) await afterCaseChange(app, { notify: true, screenshots: true });
  return opened;
}
