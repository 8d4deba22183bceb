import type { TAppContext } from "../../../context.ts";
import type { TSermDevice, TSermEngine, TSermRegion } from "../../../db/schema/serm.ts";
import { invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { requireSermWork } from "../serm-access.ts";
import { type TQuerySuggestion, suggestQueries } from "../suggest-queries.ts";
import { type TSermQueryRow, brandNameAndPersons, deleteQuery, findBrandQuery, findSameQuery, insertQuery, listBrandQueries, updateQuery } from "./queries.ts";

/**
 * A brand's search queries: what is searched every day, on which engines, from where, how
 * deep, and how much each weighs in Ex (its monthly frequency).
 */
export const DEFAULT_REGION: TSermRegion = { yandex: "213", country: "ru", lang: "ru", location: null };

export type TSermQueryView = {
  id: string;
  brandId: string;
  text: string;
  frequency: number | null;
  engines: TSermEngine[];
  region: TSermRegion;
  device: TSermDevice;
  depth: 10 | 20;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export type TQueryInput = {
  text: string;
  frequency?: number | null;
  engines: TSermEngine[];
  region?: Partial<TSermRegion>;
  device?: TSermDevice;
  depth?: 10 | 20;
  enabled?: boolean;
};

export type TQueryPatch = Partial<Omit<TQueryInput, "region">> & { region?: Partial<TSermRegion> };

export function presentQuery(row: TSermQueryRow): TSermQueryView {
  return {
    id: row.id,
    brandId: row.brandId,
    text: row.text,
    frequency: row.frequency,
    engines: row.engines,
    region: { ...DEFAULT_REGION, ...row.region },
    device: row.device,
    depth: row.depth === 20 ? 20 : 10,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** Country and language codes lower-case, an empty place name none. */
function regionOf(base: TSermRegion, patch: Partial<TSermRegion> | undefined): TSermRegion {
  const region = { ...DEFAULT_REGION, ...base, ...patch };
  return { yandex: region.yandex.trim(), country: region.country.toLowerCase(), lang: region.lang.toLowerCase(), location: region.location?.trim() || null };
}

function uniqueEngines(engines: readonly TSermEngine[]): TSermEngine[] {
  return [...new Set(engines)];
}

async function assertUnique(app: TAppContext, brandId: string, text: string, device: string, exceptId?: string): Promise<void> {
  if (await findSameQuery(app.db, brandId, text, device, exceptId)) throw invalid("text", `"${text}" is already tracked for ${device}`);
}

export async function listQueries(app: TAppContext, brandId: string): Promise<TSermQueryView[]> {
  return (await listBrandQueries(app.db, brandId)).map(presentQuery);
}

export async function querySuggestions(app: TAppContext, brandId: string): Promise<TQuerySuggestion[]> {
  const brand = await brandNameAndPersons(app.db, brandId);
  if (!brand) throw notFound();
  const existing = await listBrandQueries(app.db, brandId);
  return suggestQueries(brand.name, brand.persons, existing.map((q) => q.text));
}

export async function createQuery(app: TAppContext, auth: TAuth, brandId: string, input: TQueryInput): Promise<TSermQueryView> {
  requireSermWork(auth, brandId);
  const text = squash(input.text);
  const device = input.device ?? "desktop";
  await assertUnique(app, brandId, text, device);
  const row = await app.db.transaction(async (tx) => {
    const query = await insertQuery(tx, {
      brandId,
      text,
      frequency: input.frequency ?? null,
      engines: uniqueEngines(input.engines),
      region: regionOf(DEFAULT_REGION, input.region),
      device,
      depth: input.depth ?? 10,
      enabled: input.enabled ?? true,
    });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.query.create",
      objectType: "serm_query",
      objectId: query.id,
      brandId,
      details: { text: query.text, engines: query.engines, device: query.device, depth: query.depth },
    });
    return query;
  });
  return presentQuery(row);
}

export async function changeQuery(app: TAppContext, auth: TAuth, brandId: string, queryId: string, patch: TQueryPatch): Promise<TSermQueryView> {
  requireSermWork(auth, brandId);
  const before = await findBrandQuery(app.db, brandId, queryId);
  if (!before) throw notFound();
  const next = {
    text: patch.text === undefined ? before.text : squash(patch.text),
    frequency: patch.frequency === undefined ? before.frequency : patch.frequency,
    engines: patch.engines === undefined ? before.engines : uniqueEngines(patch.engines),
    region: patch.region === undefined ? before.region : regionOf(before.region, patch.region),
    device: patch.device ?? before.device,
    depth: patch.depth ?? before.depth,
    enabled: patch.enabled ?? before.enabled,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
  if (changed.length === 0) return presentQuery(before);
  if (changed.includes("text") || changed.includes("device")) await assertUnique(app, brandId, next.text, next.device, queryId);
  const row = await app.db.transaction(async (tx) => {
    const query = await updateQuery(tx, queryId, { ...next, updatedAt: new Date() });
    if (!query) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.query.update",
      objectType: "serm_query",
      objectId: queryId,
      brandId,
      details: { text: query.text, changed },
    });
    return query;
  });
  return presentQuery(row);
}

/** Deleting a query deletes its history too; disabling it (`enabled: false`) keeps the history. */
export async function removeQuery(app: TAppContext, auth: TAuth, brandId: string, queryId: string): Promise<void> {
  requireSermWork(auth, brandId);
  await app.db.transaction(async (tx) => {
    const query = await findBrandQuery(tx, brandId, queryId);
    if (!query) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.query.delete",
      objectType: "serm_query",
      objectId: queryId,
      brandId,
      details: { text: query.text },
    });
    await deleteQuery(tx, queryId);
  });
}
