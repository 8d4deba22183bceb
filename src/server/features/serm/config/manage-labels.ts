import type { TAppContext } from "../../../context.ts";
import { invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { resolveStoredResults } from "../scan/resolve-results.ts";
import { storeExDays } from "../scan/store-ex.ts";
import { requireSermWork } from "../serm-access.ts";
import { type TTonalityClass, CLASS_TONALITY, classOfTonality } from "../tonality.ts";
import { type TTonalityColour, tonalityColour } from "../tonality-colour.ts";
import { resultUrl } from "../url-key.ts";
import { type TSermLabelRow, deleteLabel, findLabel, listBrandLabels, upsertLabel } from "./queries.ts";

/**
 * Manual tonality labels (SERM.md §1.1 step 1): a specialist's T or class for a normalized
 * URL, on every engine and day (or within `validFrom`…`validUntil`). Setting or clearing one
 * resolves that URL's stored results again and recomputes the Ex of the days it appears on.
 */
export type TLabelView = {
  id: string;
  url: string;
  urlKey: string;
  t: number;
  labelClass: TTonalityClass | null;
  tonalityClass: TTonalityClass;
  colour: TTonalityColour;
  note: string | null;
  validFrom: string | null;
  validUntil: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export type TLabelInput = { url: string; t?: number; labelClass?: TTonalityClass; note?: string | null; validFrom?: string | null; validUntil?: string | null };

export type TLabelOutcome = { resultsChanged: number; daysRecomputed: number };

function present(row: TSermLabelRow): TLabelView {
  const own = row.labelClass === "own";
  return {
    id: row.id,
    url: row.url,
    urlKey: row.urlKey,
    t: row.t,
    labelClass: row.labelClass,
    tonalityClass: own ? "own" : classOfTonality(row.t),
    colour: tonalityColour({ t: row.t, own }),
    note: row.note,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listLabels(app: TAppContext, brandId: string): Promise<TLabelView[]> {
  return (await listBrandLabels(app.db, brandId)).map(present);
}

async function relabel(app: TAppContext, brandId: string, urlKey: string): Promise<TLabelOutcome> {
  const { days, changed } = await resolveStoredResults(app.db, brandId, { urlKeys: [urlKey] });
  const daysRecomputed = await storeExDays(app.db, brandId, days);
  return { resultsChanged: changed, daysRecomputed };
}

export async function setLabel(app: TAppContext, auth: TAuth, brandId: string, input: TLabelInput): Promise<{ label: TLabelView } & TLabelOutcome> {
  requireSermWork(auth, brandId);
  const target = resultUrl(input.url);
  if (!target) throw invalid("url", "an http(s) URL");
  if ((input.t === undefined) === (input.labelClass === undefined)) throw invalid("t", "give either t (−100…100) or labelClass, not both");
  const validFrom = input.validFrom ? new Date(input.validFrom) : null;
  const validUntil = input.validUntil ? new Date(input.validUntil) : null;
  if (validFrom && validUntil && validUntil <= validFrom) throw invalid("validUntil", "must be after validFrom");
  const t = input.t ?? CLASS_TONALITY[input.labelClass ?? "neutral"];
  const row = await app.db.transaction(async (tx) => {
    const label = await upsertLabel(tx, {
      brandId,
      urlKey: target.key,
      url: input.url.trim(),
      t,
      labelClass: input.labelClass ?? null,
      note: input.note ?? null,
      validFrom,
      validUntil,
      createdBy: auth.userId,
    });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.label.set",
      objectType: "serm_label",
      objectId: label.id,
      brandId,
      details: { url: label.url, urlKey: label.urlKey, t: label.t, labelClass: label.labelClass, validFrom: input.validFrom ?? null, validUntil: input.validUntil ?? null },
    });
    return label;
  });
  return { label: present(row), ...(await relabel(app, brandId, row.urlKey)) };
}

export async function clearLabel(app: TAppContext, auth: TAuth, brandId: string, labelId: string): Promise<TLabelOutcome> {
  requireSermWork(auth, brandId);
  const removed = await app.db.transaction(async (tx) => {
    const label = await findLabel(tx, brandId, labelId);
    if (!label) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.label.clear",
      objectType: "serm_label",
      objectId: labelId,
      brandId,
      details: { url: label.url, urlKey: label.urlKey, t: label.t, labelClass: label.labelClass },
    });
    await deleteLabel(tx, labelId);
    return label;
  });
  return relabel(app, brandId, removed.urlKey);
}
