import type { TAppContext } from "../../../context.ts";
import type { TSiteClass } from "../../../db/schema/serm.ts";
import { invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { enqueue } from "../scan/enqueue.ts";
import { RECOMPUTE_JOB } from "../scan/recompute-brand.ts";
import { requireSermWork } from "../serm-access.ts";
import { SitePatternError, type TSiteTableEntry, mergeSiteTable, normalizeSitePattern, siteLabel } from "../site-defaults.ts";
import { type TTonalityColour, tonalityColour } from "../tonality-colour.ts";
import { deleteSiteDefault, findSiteDefault, listSiteDefaults, upsertSiteDefault } from "./queries.ts";

/**
 * The site-defaults table of a brand: the code's defaults (SERM.md §1.1) with the brand's own
 * entries over them — its own sites and official profiles, corrections. A change re-resolves
 * the brand's stored results and recomputes its Ex series in the background (`serm.recompute`).
 */
export type TSiteDefaultView = TSiteTableEntry & {
  /** The T this entry gives a result with no manual label and no rating; null = left to the text. */
  effectiveT: number | null;
  needsReview: boolean;
  colour: TTonalityColour | null;
};

export type TSiteDefaultInput = { pattern: string; siteClass: TSiteClass; t?: number | null; note?: string | null };

function present(entry: TSiteTableEntry): TSiteDefaultView {
  const label = siteLabel(entry);
  return { ...entry, effectiveT: label?.t ?? null, needsReview: label?.needsReview === true, colour: label ? tonalityColour(label) : null };
}

export async function siteTable(app: TAppContext, brandId: string): Promise<TSiteDefaultView[]> {
  const custom = (await listSiteDefaults(app.db, brandId)).map((r) => ({ id: r.id, pattern: r.pattern, siteClass: r.siteClass, t: r.t, note: r.note }));
  return mergeSiteTable(custom).map(present);
}

export async function setSiteDefault(app: TAppContext, auth: TAuth, brandId: string, input: TSiteDefaultInput): Promise<{ entry: TSiteDefaultView; recomputing: boolean }> {
  requireSermWork(auth, brandId);
  let pattern: string;
  try {
    pattern = normalizeSitePattern(input.pattern);
  } catch (error) {
    if (error instanceof SitePatternError) throw invalid("pattern", error.message);
    throw error;
  }
  const row = await app.db.transaction(async (tx) => {
    const saved = await upsertSiteDefault(tx, { brandId, pattern, siteClass: input.siteClass, t: input.t ?? null, note: input.note ?? null });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.site_default.set",
      objectType: "serm_site_default",
      objectId: saved.id,
      brandId,
      details: { pattern, siteClass: saved.siteClass, t: saved.t },
    });
    return saved;
  });
  const recomputing = await enqueue(app, RECOMPUTE_JOB, { brandId }, brandId);
  return { entry: present({ id: row.id, pattern: row.pattern, siteClass: row.siteClass, t: row.t, note: row.note, origin: "custom" }), recomputing };
}

export async function removeSiteDefault(app: TAppContext, auth: TAuth, brandId: string, id: string): Promise<{ recomputing: boolean }> {
  requireSermWork(auth, brandId);
  await app.db.transaction(async (tx) => {
    const row = await findSiteDefault(tx, brandId, id);
    if (!row) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.site_default.delete",
      objectType: "serm_site_default",
      objectId: id,
      brandId,
      details: { pattern: row.pattern, siteClass: row.siteClass, t: row.t },
    });
    await deleteSiteDefault(tx, id);
  });
  return { recomputing: await enqueue(app, RECOMPUTE_JOB, { brandId }, brandId) };
}
