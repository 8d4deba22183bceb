import { z } from "zod";
import type { TSerpItem, TSerpPage } from "../collect-pages.ts";
import { SerpProviderError, type TSerpErrorKind, type TSerpRating } from "../provider.ts";
import { type TAnswer, requireJson, retryAfterOf, shortText } from "../provider-http.ts";
import { DATAFORSEO_FIELDS } from "./dataforseo.request.ts";

/**
 * DataForSEO answers HTTP 200 for nearly everything (401, 402, 404 and 500 aside) and puts the
 * outcome in `status_code` twice: for the call, then for each task (appendix/errors). A task's
 * `result[0].items` holds every element of the page; organic ones are `type: "organic"` with
 * `rank_group` (rank among organic results) and `rank_absolute` (counting ads and features).
 */
export const DATAFORSEO = "DataForSEO";

const OK = 20000;
const TASK_CREATED = 20100;
const NO_SEARCH_RESULTS = 40102;
/** task_get: "Task Handed." / "Task In Queue.": not ready yet. */
const PENDING = new Set([40601, 40602]);

const ratingSchema = z.looseObject({ value: z.number().nullish(), votes_count: z.number().nullish(), rating_max: z.number().nullish() });

const itemSchema = z.looseObject({
  type: z.string(),
  rank_group: z.number().optional(),
  rank_absolute: z.number().optional(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  description: z.string().nullish(),
  rating: ratingSchema.nullish(),
});

const resultSchema = z.looseObject({
  se_results_count: z.number().nullish(),
  pages_count: z.number().nullish(),
  items: z.array(z.unknown()).nullish(),
});

const taskSchema = z.looseObject({
  id: z.string(),
  status_code: z.number(),
  status_message: z.string().default(""),
  cost: z.number().nullish(),
  result: z.array(z.unknown()).nullish(),
});

const envelopeSchema = z.looseObject({
  status_code: z.number(),
  status_message: z.string().default(""),
  cost: z.number().nullish(),
  tasks: z.array(z.unknown()).nullish(),
});

export type TDataForSeoTaskAnswer = z.infer<typeof taskSchema> & { callCost?: number };

/** The one task of a call, after the call's and the task's status codes were checked. */
export function readTask(res: TAnswer, now: Date): TDataForSeoTaskAnswer | "pending" {
  if (res.status !== 200) throw httpError(res, now);
  const envelope = envelopeSchema.safeParse(requireJson(res, DATAFORSEO));
  if (!envelope.success) throw new SerpProviderError("markup_changed", `${DATAFORSEO}: the answer has no status_code`);
  const call = envelope.data;
  if (call.status_code !== OK) throw statusError(call.status_code, call.status_message, now);
  const task = taskSchema.safeParse(call.tasks?.[0]);
  if (!task.success) throw new SerpProviderError("markup_changed", `${DATAFORSEO}: the answer has no task`);
  const code = task.data.status_code;
  if (PENDING.has(code)) return "pending";
  if (code !== OK && code !== TASK_CREATED && code !== NO_SEARCH_RESULTS) throw statusError(code, task.data.status_message, now);
  return call.cost !== undefined && call.cost !== null ? { ...task.data, callCost: call.cost } : task.data;
}

/** The organic results of a finished task; an empty page when the engine found nothing. */
export function taskToPage(task: TDataForSeoTaskAnswer, depth: number): TSerpPage {
  const page: TSerpPage = { items: [], isLast: true, requestId: task.id };
  if (task.status_code === NO_SEARCH_RESULTS) return { ...page, totalFound: 0 };
  const result = resultSchema.safeParse(task.result?.[0]);
  if (!result.success) throw new SerpProviderError("markup_changed", `${DATAFORSEO}: task ${task.id} has no result`);
  if (typeof result.data.se_results_count === "number") page.totalFound = result.data.se_results_count;
  const organic = (result.data.items ?? []).map(readItem).filter((item) => item.type === "organic");
  organic.sort((a, b) => (a.rank_group ?? 0) - (b.rank_group ?? 0));
  page.items = organic.map(toSerpItem);
  // `pages_count`: result pages DataForSEO read; fewer than the depth needs = the engine has no more.
  const pages = result.data.pages_count;
  page.isLast = page.items.length === 0 || (typeof pages === "number" && pages < Math.ceil(depth / 10));
  return page;
}

function readItem(value: unknown, index: number): z.infer<typeof itemSchema> {
  const item = itemSchema.safeParse(value);
  if (!item.success) throw new SerpProviderError("markup_changed", `${DATAFORSEO}: item ${index + 1} has no type`);
  return item.data;
}

function toSerpItem(item: z.infer<typeof itemSchema>): TSerpItem {
  if (!item.url) throw new SerpProviderError("markup_changed", `${DATAFORSEO}: organic item ${item.rank_group ?? "?"} has no url`);
  const out: TSerpItem = { url: item.url, title: item.title ?? "", snippet: item.description ?? "" };
  const rating = ratingOf(item.rating);
  if (rating) out.rating = rating;
  if (item.rank_absolute !== undefined) out.absolutePosition = item.rank_absolute;
  return out;
}

function ratingOf(rating: z.infer<typeof ratingSchema> | null | undefined): TSerpRating | undefined {
  if (typeof rating?.value !== "number") return undefined;
  const out: TSerpRating = { value: rating.value, scale: rating.rating_max ?? 5 };
  if (typeof rating.votes_count === "number") out.count = rating.votes_count;
  return out;
}

function httpError(res: TAnswer, now: Date): SerpProviderError {
  const message = `${DATAFORSEO}: HTTP ${res.status}`;
  if (res.status === 401 || res.status === 403) return new SerpProviderError("auth", message);
  if (res.status === 402) return new SerpProviderError("quota", `${message} (payment required)`);
  if (res.status === 429) return new SerpProviderError("rate_limited", message, { retryAfterSeconds: retryAfterOf(res, now) });
  if (res.status === 404) return new SerpProviderError("bad_request", `${message} (no such endpoint)`, { field: "baseUrl" });
  return new SerpProviderError("upstream", message);
}

/** Internal status codes → kinds (appendix/errors; 402xx are account and limit codes). */
function statusError(code: number, text: string, now: Date): SerpProviderError {
  const message = `${DATAFORSEO}: ${code}${text ? ` ${shortText(text)}` : ""}`;
  const details = { providerCode: String(code) };
  const make = (kind: TSerpErrorKind, extra: { field?: string; retryAfterSeconds?: number } = {}) =>
    new SerpProviderError(kind, message, { ...details, ...extra });
  if (code === 40202 || code === 40209) return make("rate_limited", { retryAfterSeconds: 60 }); // per-minute limit
  // The daily cost limit set in the dashboard resets at 00:00 UTC.
  if (code === 40203) return make("quota", { retryAfterSeconds: secondsToUtcMidnight(now) });
  if (code === 40201 || code === 40204 || (code >= 40100 && code < 40200 && code !== 40101)) return make("auth");
  if (code >= 40200 && code < 40300) return make("quota");
  if (code >= 40000 && code < 40100) return make("bad_request");
  if (code >= 40400 && code < 40600) return make("bad_request", { field: fieldOf(text) });
  return make("upstream"); // 40101 search engine error, 5xxxx
}

function fieldOf(text: string): string | undefined {
  const name = /'([a-z_]+)'/i.exec(text)?.[1]?.toLowerCase();
  return name ? (DATAFORSEO_FIELDS[name] ?? name) : undefined;
}

function secondsToUtcMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}
