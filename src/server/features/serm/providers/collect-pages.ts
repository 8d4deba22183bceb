import { asSerpProviderError } from "./define-provider.ts";
import type { TSerpCost, TSerpCoverage, TSerpResponse, TSerpResult } from "./provider.ts";

/**
 * The shared part of every search: read the pages the depth needs, keep organic results in
 * order, drop a URL a later page repeats, number them 1..N, and say why there are as many as
 * there are. A failed first page is the search's failure; a failed later page leaves the
 * earlier results standing, flagged `page_failed`.
 */
export type TSerpItem = Omit<TSerpResult, "position">;

export type TSerpPage = {
  /** Organic results of this page, in the engine's order. */
  items: TSerpItem[];
  /** The engine has nothing after this page. */
  isLast: boolean;
  totalFound?: number;
  requestId?: string;
  cost?: TSerpCost;
  html?: string;
  /** The answer as received, kept for the archive. */
  raw?: string;
};

export type TCollectOptions = {
  providerName: string;
  depth: number;
  /** Calls the depth needs (2 for a top-20 in pages of 10, 1 when one call returns it all). */
  pages: number;
  signal: AbortSignal;
  fetchPage: (index: number) => Promise<TSerpPage>;
};

export async function collectPages(options: TCollectOptions): Promise<TSerpResponse> {
  const items: TSerpItem[] = [];
  const seen = new Set<string>();
  const requestIds: string[] = [];
  const raw: string[] = [];
  let requests = 0;
  let totalFound: number | undefined;
  let cost: TSerpCost | undefined;
  let html: string | undefined;
  let lastPageWasLast = false;
  let failure: TSerpCoverage | undefined;

  for (let index = 0; index < options.pages; index++) {
    requests++;
    let page: TSerpPage;
    try {
      page = await options.fetchPage(index);
    } catch (error) {
      if (index === 0 || options.signal.aborted) throw error;
      failure = { status: "page_failed", page: index + 1, error: asSerpProviderError(error, options.providerName).info() };
      break;
    }
    for (const item of page.items) {
      if (seen.has(item.url)) continue;
      seen.add(item.url);
      items.push(item);
    }
    totalFound ??= page.totalFound;
    html ??= page.html;
    if (page.requestId) requestIds.push(page.requestId);
    if (page.raw !== undefined) raw.push(page.raw);
    cost = addCost(cost, page.cost);
    lastPageWasLast = page.isLast;
    if (page.isLast) break;
  }

  const results = items.slice(0, options.depth).map((item, i) => ({ position: i + 1, ...item }));
  const coverage: TSerpCoverage =
    failure ?? (lastPageWasLast && results.length < options.depth ? { status: "exhausted" } : { status: "complete" });
  const response: TSerpResponse = { results, coverage, requests, raw };
  if (html !== undefined) response.html = html;
  if (totalFound !== undefined) response.totalFound = totalFound;
  if (requestIds.length > 0) response.requestId = requestIds.join(",");
  if (cost) response.cost = cost;
  return response;
}

function addCost(sum: TSerpCost | undefined, next: TSerpCost | undefined): TSerpCost | undefined {
  if (!next) return sum;
  if (!sum) return { ...next };
  // Providers bill in one currency; a mixed sum would be meaningless, so the first one stands.
  return sum.currency === next.currency ? { amount: roundCost(sum.amount + next.amount), currency: sum.currency } : sum;
}

const roundCost = (n: number) => Math.round(n * 1e6) / 1e6;
