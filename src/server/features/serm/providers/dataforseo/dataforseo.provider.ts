import { type TSerpPage, collectPages } from "../collect-pages.ts";
import { defineSerpProvider } from "../define-provider.ts";
import { pollUntilReady } from "../poll-until-ready.ts";
import { SerpProviderError, type TSerpProvider, type TSerpProviderContext, type TSerpRequest, type TSerpResponse } from "../provider.ts";
import { type TDataForSeoConfig, dataForSeoConfigSchema } from "./dataforseo.config.ts";
import { buildDataForSeoTask, dataForSeoHeaders, liveUrl, taskGetUrl, taskPostUrl } from "./dataforseo.request.ts";
import { DATAFORSEO, type TDataForSeoTaskAnswer, readTask, taskToPage } from "./dataforseo.response.ts";

/**
 * DataForSEO SERP API (SERM.md §5): Google, Bing and Yandex organic results, the whole depth in
 * one task. `live` reads the answer of the POST itself; `standard` posts a task and polls
 * `task_get/advanced/{id}` until DataForSEO has it (the result stays there 30 days, free).
 */
export async function searchDataForSeo(ctx: TSerpProviderContext, config: TDataForSeoConfig, request: TSerpRequest): Promise<TSerpResponse> {
  const body = JSON.stringify([buildDataForSeoTask(config, request)]);
  return collectPages({
    providerName: DATAFORSEO,
    depth: request.depth,
    pages: 1,
    signal: ctx.signal,
    fetchPage: async () => {
      const url = config.mode === "live" ? liveUrl(config, request) : taskPostUrl(config, request);
      const res = await ctx.fetch(url, { method: "POST", headers: dataForSeoHeaders(config), body, signal: ctx.signal });
      const posted = readTask(res, ctx.now);
      if (posted === "pending") throw new SerpProviderError("markup_changed", `${DATAFORSEO}: a new task reported as queued`);
      const finished = config.mode === "live" ? { task: posted, raw: res.text() } : await waitForTask(ctx, config, request, posted.id);
      return withCost({ ...taskToPage(finished.task, request.depth), raw: finished.raw }, posted.callCost);
    },
  });
}

async function waitForTask(
  ctx: TSerpProviderContext,
  config: TDataForSeoConfig,
  request: TSerpRequest,
  id: string,
): Promise<{ task: TDataForSeoTaskAnswer; raw: string }> {
  const options = { providerName: DATAFORSEO, id: `task ${id}`, intervalMs: config.pollIntervalSeconds * 1000, maxWaitMs: config.maxWaitMinutes * 60_000 };
  return pollUntilReady(ctx, options, async () => {
    const res = await ctx.fetch(taskGetUrl(config, request, id), { headers: dataForSeoHeaders(config), signal: ctx.signal });
    const task = readTask(res, ctx.now);
    return task === "pending" ? undefined : { task, raw: res.text() };
  });
}

/** What the call that ran (or posted) the task cost; collecting a task is free. */
function withCost(page: TSerpPage, amount: number | undefined): TSerpPage {
  return amount === undefined ? page : { ...page, cost: { amount, currency: "USD" } };
}

export const dataForSeoProviderDefinition: TSerpProvider<TDataForSeoConfig> = {
  id: "dataforseo",
  title: { en: "DataForSEO", ru: "DataForSEO" },
  engines: ["google", "bing", "yandex"],
  devices: ["desktop", "mobile"],
  configSchema: dataForSeoConfigSchema,
  secretFields: ["password"],
  // 2000 API calls a minute.
  rateLimit: { limit: 2000, intervalMs: 60_000 },
  requestsFor: () => 1,
  search: searchDataForSeo,
};

export const dataForSeoProvider = defineSerpProvider(dataForSeoProviderDefinition);
