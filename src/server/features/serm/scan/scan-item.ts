import { gzipSync } from "node:zlib";
import type { TAppContext } from "../../../context.ts";
import type { TResultRating } from "../../../db/schema/serm.ts";
import type { TSermQueryRow } from "../config/queries.ts";
import type { TSermSettings } from "../config/serm-settings.ts";
import type { TSerpProvider } from "../providers/provider.ts";
import { resultUrl } from "../url-key.ts";
import { providerContext } from "./provider-context.ts";
import { type TResultInsert, type TScanItemRow, replaceItemResults, updateItem } from "./queries.ts";
import { type TSearchOutcome, searchItem } from "./search-item.ts";
import { type TSnippetClassifier, classifySnippets } from "./snippet-sentiment.ts";

/**
 * One item of a scan: search, label each result's title and snippet, and store the results
 * together with the item's outcome in one transaction — so a scan killed at any point keeps
 * every item it finished and does the rest when it is taken up again.
 */
export type TItemDeps = {
  classifier: TSnippetClassifier;
  providers: (id: string) => TSerpProvider | undefined;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  jitter: () => number;
  now: () => Date;
  signal: AbortSignal;
};

export type TItemContext = { brandId: string; brandName: string; settings: TSermSettings };

async function fail(app: TAppContext, item: TScanItemRow, provider: string | null, errorKind: string, error: string, at: Date): Promise<void> {
  await updateItem(app.db, item.id, { status: "failed", provider, errorKind, error, attempts: item.attempts + 1, searchedAt: at });
}

function ratingOf(rating: { value: number; scale: number; count?: number } | undefined): TResultRating | null {
  if (!rating) return null;
  return rating.count === undefined ? { value: rating.value, scale: rating.scale } : { value: rating.value, scale: rating.scale, count: rating.count };
}

export async function scanItem(app: TAppContext, deps: TItemDeps, context: TItemContext, item: TScanItemRow, query: TSermQueryRow): Promise<TSearchOutcome["status"]> {
  const providerId = context.settings.engineProviders[item.engine] ?? null;
  const provider = providerId ? deps.providers(providerId) : undefined;
  if (!providerId || !provider) {
    await fail(app, item, providerId, "not_configured", providerId ? `unknown provider "${providerId}"` : `no provider is chosen for ${item.engine}`, deps.now());
    return "failed";
  }
  const parsed = provider.configSchema.safeParse(context.settings.providerConfigs[provider.id] ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join(".") || "(config)").join(", ");
    await fail(app, item, provider.id, "not_configured", `the ${provider.title.en} settings are incomplete or invalid: ${fields}`, deps.now());
    return "failed";
  }
  const logger = app.logger.child({ scanId: item.scanId, itemId: item.id, provider: provider.id, engine: item.engine });
  const ctx = providerContext(app.config, provider, context.brandId, context.settings.providerRateLimits[provider.id], logger, deps.signal, { now: deps.now(), sleep: deps.sleep });
  const outcome = await searchItem({ ctx, sleep: deps.sleep, jitter: deps.jitter }, provider, parsed.data, {
    engine: item.engine,
    query: query.text,
    region: query.region,
    device: query.device,
    depth: item.depth,
  });
  const labels = await classifySnippets(deps.classifier, context.brandName, outcome.results);
  const rows: TResultInsert[] = outcome.results.map((r, i) => {
    const url = resultUrl(r.url);
    return {
      itemId: item.id,
      brandId: context.brandId,
      scanId: item.scanId,
      queryId: item.queryId,
      engine: item.engine,
      day: item.day,
      position: r.position,
      absolutePosition: r.absolutePosition ?? null,
      url: r.url,
      urlKey: url?.key ?? r.url,
      domain: url?.domain ?? "",
      title: r.title,
      snippet: r.snippet,
      rating: ratingOf(r.rating),
      textLabel: labels[i]?.textLabel ?? null,
      textConfidence: labels[i]?.textConfidence ?? null,
    };
  });
  await app.db.transaction(async (tx) => {
    await replaceItemResults(tx, item.id, rows);
    await updateItem(tx, item.id, {
      status: outcome.status,
      provider: provider.id,
      coverage: outcome.coverage,
      attempts: item.attempts + outcome.attempts,
      errorKind: outcome.errorKind,
      error: outcome.error,
      requests: item.requests + outcome.requests,
      cost: outcome.cost ?? null,
      totalFound: outcome.totalFound ?? null,
      requestId: outcome.requestId ?? null,
      rawGz: outcome.raw.length > 0 ? gzipSync(JSON.stringify(outcome.raw)) : null,
      htmlGz: outcome.html ? gzipSync(outcome.html) : null,
      searchedAt: deps.now(),
    });
  });
  logger.debug({ status: outcome.status, results: rows.length, attempts: outcome.attempts }, "SERM item searched");
  return outcome.status;
}
