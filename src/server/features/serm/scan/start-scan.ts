import type { TAppContext, TExecutor } from "../../../context.ts";
import type { TScanTrigger } from "../../../db/schema/serm.ts";
import { conflict } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { findSettingsRow } from "../config/queries.ts";
import { settingsOf } from "../config/serm-settings.ts";
import { localDayAndHour } from "../local-day.ts";
import { requireSermWork } from "../serm-access.ts";
import { enqueue } from "./enqueue.ts";
import { type TScanRow, enabledQueries, findUnfinishedScan, insertItems, insertScan } from "./queries.ts";

/**
 * A scan is created with all its items at once (every enabled query × each of its engines), so
 * the job that runs it — and any retry after a crash — knows exactly what is left to do. An
 * engine without a provider is a failed item from the start: a gap that says why.
 */
export const SCAN_JOB = "serm.scan";

export async function createScan(db: TExecutor, brandId: string, options: { trigger: TScanTrigger; createdBy?: string | null; now: Date }): Promise<TScanRow | null> {
  const settings = settingsOf(await findSettingsRow(db, brandId));
  const queries = await enabledQueries(db, brandId);
  const { day } = localDayAndHour(options.now, settings.timeZone);
  const scan = await insertScan(db, { brandId, day, trigger: options.trigger, status: "queued", createdBy: options.createdBy ?? null, createdAt: options.now });
  if (!scan) return null;
  await insertItems(
    db,
    queries.flatMap((query) =>
      query.engines.map((engine) => {
        const configured = settings.engineProviders[engine] !== undefined;
        return {
          scanId: scan.id,
          brandId,
          queryId: query.id,
          engine,
          day,
          depth: query.depth,
          ...(configured ? {} : { status: "failed" as const, errorKind: "not_configured", error: `no provider is chosen for ${engine}`, searchedAt: options.now }),
        };
      }),
    ),
  );
  return scan;
}

export async function runScanNow(app: TAppContext, auth: TAuth, brandId: string): Promise<{ scan: TScanRow; enqueued: boolean }> {
  requireSermWork(auth, brandId);
  const scan = await app.db.transaction(async (tx) => {
    const running = await findUnfinishedScan(tx, brandId);
    if (running) throw conflict(`A scan of this brand is already ${running.status} (started ${running.createdAt.toISOString()})`);
    if ((await enabledQueries(tx, brandId)).length === 0) throw conflict("The brand has no enabled search query: add one first");
    const created = await createScan(tx, brandId, { trigger: "manual", createdBy: auth.userId, now: new Date() });
    if (!created) throw conflict("The scan could not be created");
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "serm.scan.run", objectType: "serm_scan", objectId: created.id, brandId, details: { day: created.day } });
    return created;
  });
  const enqueued = await enqueue(app, SCAN_JOB, { scanId: scan.id }, scan.id);
  return { scan, enqueued };
}
