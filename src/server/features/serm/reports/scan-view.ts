import type { TAppContext } from "../../../context.ts";
import type { TScanStats } from "../../../db/schema/serm.ts";
import { notFound } from "../../../lib/errors.ts";
import { findSerpProvider } from "../providers/registry.ts";
import { type TScanItemRow, type TScanRow, findBrandScan, itemsOfScan, latestPageShots, latestScan, listBrandScans, queriesByIds, resultsOfScan } from "../scan/queries.ts";
import { type TResultView, blobUrl, presentResult } from "./result-view.ts";

/**
 * Scans as the API shows them: the list (one line each), and one scan in full — every query ×
 * engine with its status, provider, coverage, error and result-page screenshot (or the note why
 * there is none), and its results coloured by tonality with their page screenshots.
 */
export type TScanSummary = {
  id: string;
  day: string;
  trigger: string;
  status: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number;
  error: string | null;
  stats: TScanStats | null;
};

export type TScanItemView = {
  id: string;
  queryId: string;
  query: string | null;
  engine: string;
  depth: number;
  status: string;
  provider: string | null;
  providerTitle: string | null;
  coverage: string | null;
  attempts: number;
  errorKind: string | null;
  error: string | null;
  requests: number;
  cost: { amount: number; currency: string } | null;
  totalFound: number | null;
  searchedAt: string | null;
  serpShot: { hash: string; url: string } | null;
  serpShotNote: string | null;
  results: TResultView[];
};

export type TScanDetail = TScanSummary & { items: TScanItemView[] };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentScan(row: TScanRow): TScanSummary {
  return {
    id: row.id,
    day: row.day,
    trigger: row.trigger,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    attempts: row.attempts,
    error: row.error,
    stats: row.stats,
  };
}

function presentItem(item: TScanItemRow, query: string | null, results: TResultView[]): TScanItemView {
  return {
    id: item.id,
    queryId: item.queryId,
    query,
    engine: item.engine,
    depth: item.depth,
    status: item.status,
    provider: item.provider,
    providerTitle: item.provider ? (findSerpProvider(item.provider)?.title.en ?? null) : null,
    coverage: item.coverage,
    attempts: item.attempts,
    errorKind: item.errorKind,
    error: item.error,
    requests: item.requests,
    cost: item.cost,
    totalFound: item.totalFound,
    searchedAt: iso(item.searchedAt),
    serpShot: item.serpShotHash ? { hash: item.serpShotHash, url: blobUrl(item.brandId, item.serpShotHash) } : null,
    serpShotNote: item.serpShotNote,
    results,
  };
}

export async function scanDetail(app: TAppContext, scan: TScanRow): Promise<TScanDetail> {
  const items = await itemsOfScan(app.db, scan.id);
  const results = await resultsOfScan(app.db, scan.id);
  const shots = await latestPageShots(app.db, scan.brandId, [...new Set(results.map((r) => r.urlKey))]);
  const queries = new Map((await queriesByIds(app.db, [...new Set(items.map((i) => i.queryId))])).map((q) => [q.id, q]));
  const byItem = new Map<string, TResultView[]>();
  for (const r of results) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), presentResult(r, shots)]);
  const order = [...queries.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((q) => q.id);
  const sorted = [...items].sort((a, b) => order.indexOf(a.queryId) - order.indexOf(b.queryId) || a.engine.localeCompare(b.engine));
  return { ...presentScan(scan), items: sorted.map((item) => presentItem(item, queries.get(item.queryId)?.text ?? null, byItem.get(item.id) ?? [])) };
}

export async function listScans(app: TAppContext, brandId: string, limit: number, before?: string): Promise<TScanSummary[]> {
  return (await listBrandScans(app.db, brandId, limit, before ? new Date(before) : undefined)).map(presentScan);
}

export async function getScan(app: TAppContext, brandId: string, scanId: string): Promise<TScanDetail> {
  const scan = await findBrandScan(app.db, brandId, scanId);
  if (!scan) throw notFound();
  return scanDetail(app, scan);
}

export async function getLatestScan(app: TAppContext, brandId: string): Promise<TScanDetail | null> {
  const scan = await latestScan(app.db, brandId);
  return scan ? scanDetail(app, scan) : null;
}
