import { z } from "zod";
import type { TSerpItem, TSerpPage } from "../collect-pages.ts";
import { SerpProviderError, type TSerpRating } from "../provider.ts";
import { type TAnswer, jsonOf, recordOf, requireJson, retryAfterOf, shortText } from "../provider-http.ts";
import { SERPAPI_FIELDS } from "./serpapi.request.ts";

/**
 * SerpApi's answer: `search_metadata{id,status,raw_html_file}`, `search_information
 * {total_results, organic_results_state}`, `organic_results[]{position,title,link,snippet,
 * rich_snippet?}`, `serpapi_pagination{next?}`; errors as `{"error": "…"}` with the HTTP status
 * (serpapi.com/api-status-and-error-codes). A search the engine found nothing for is a success
 * with an `error` text and no organic results.
 */
export const SERPAPI = "SerpApi";

const extensionsSchema = z.looseObject({ detected_extensions: z.looseObject({ rating: z.number().optional(), reviews: z.number().optional() }).optional() });

const organicSchema = z.looseObject({
  position: z.number().optional(),
  title: z.string().default(""),
  link: z.string().min(1),
  snippet: z.string().optional(),
  rich_snippet: z.looseObject({ top: extensionsSchema.optional(), bottom: extensionsSchema.optional() }).optional(),
});

const answerSchema = z.looseObject({
  search_metadata: z.looseObject({ id: z.string().optional(), status: z.string().optional(), raw_html_file: z.string().optional() }).optional(),
  search_information: z.looseObject({ total_results: z.number().optional(), organic_results_state: z.string().optional() }).optional(),
  organic_results: z.array(z.unknown()).optional(),
  serpapi_pagination: z.looseObject({ next: z.string().optional(), next_link: z.string().optional() }).optional(),
  error: z.string().optional(),
});

/** Texts that mean "the engine has no results", not "the search failed". */
const NO_RESULTS = /hasn't returned any results|has not returned any results|no results/i;

export type TSerpApiPage = TSerpPage & { rawHtmlFile?: string };

export function readSerpApiPage(res: TAnswer, now: Date): TSerpApiPage {
  if (res.status !== 200) throw serpApiHttpError(res, now);
  const parsed = answerSchema.safeParse(requireJson(res, SERPAPI));
  if (!parsed.success) throw new SerpProviderError("markup_changed", `${SERPAPI}: the answer is not a search result`);
  const answer = parsed.data;
  const meta = answer.search_metadata;
  if (meta?.status === "Error") throw new SerpProviderError("upstream", `${SERPAPI}: ${shortText(answer.error ?? "the search failed")}`);
  const page: TSerpApiPage = { items: [], isLast: true };
  if (meta?.id) page.requestId = meta.id;
  if (meta?.raw_html_file) page.rawHtmlFile = meta.raw_html_file;
  if (answer.search_information?.total_results !== undefined) page.totalFound = answer.search_information.total_results;

  const organic = answer.organic_results;
  if (!organic || organic.length === 0) {
    const fullyEmpty = answer.search_information?.organic_results_state?.toLowerCase() === "fully empty";
    if (fullyEmpty || (answer.error !== undefined && NO_RESULTS.test(answer.error)) || (organic && answer.error === undefined)) return page;
    // Neither results nor a reason: a parsing failure on SerpApi's side must not pass for an empty SERP.
    const reason = answer.error ? shortText(answer.error) : "no organic_results and no reason given";
    throw new SerpProviderError(answer.error ? "upstream" : "markup_changed", `${SERPAPI}: ${reason}`);
  }
  page.items = organic.map(toItem);
  page.isLast = !(answer.serpapi_pagination?.next ?? answer.serpapi_pagination?.next_link);
  return page;
}

function toItem(value: unknown, index: number): TSerpItem {
  const parsed = organicSchema.safeParse(value);
  if (!parsed.success) throw new SerpProviderError("markup_changed", `${SERPAPI}: organic result ${index + 1} has no link`);
  const result = parsed.data;
  const item: TSerpItem = { url: result.link, title: result.title, snippet: result.snippet ?? "" };
  const rating = ratingOf(result.rich_snippet);
  if (rating) item.rating = rating;
  return item;
}

/** Google's review stars ("Rating: 4.5 · 120 reviews"), out of 5. */
function ratingOf(rich: z.infer<typeof organicSchema>["rich_snippet"]): TSerpRating | undefined {
  for (const part of [rich?.top, rich?.bottom]) {
    const found = part?.detected_extensions;
    if (found?.rating !== undefined) return found.reviews !== undefined ? { value: found.rating, scale: 5, count: found.reviews } : { value: found.rating, scale: 5 };
  }
  return undefined;
}

function serpApiHttpError(res: TAnswer, now: Date): SerpProviderError {
  const error = recordOf(jsonOf(res))?.error;
  const text = typeof error === "string" ? error : "";
  const message = `${SERPAPI}: HTTP ${res.status}${text ? ` (${shortText(text)})` : ""}`;
  if (res.status === 401 || res.status === 403) return new SerpProviderError("auth", message);
  if (res.status === 429) {
    // 429 is both "hourly throughput exceeded" and "the account has run out of searches".
    if (/run out of searches|out of credits|plan|monthly/i.test(text)) return new SerpProviderError("quota", message);
    return new SerpProviderError("rate_limited", message, { retryAfterSeconds: retryAfterOf(res, now) });
  }
  if (res.status === 400) return new SerpProviderError("bad_request", message, { field: fieldOf(text) });
  return new SerpProviderError("upstream", message);
}

/** "Missing query `q` parameter." → "query"; "Unsupported `location` - …" → "region". */
function fieldOf(text: string): string | undefined {
  for (const match of text.matchAll(/`([a-z_]+)`/g)) {
    const field = SERPAPI_FIELDS[match[1] ?? ""];
    if (field) return field;
  }
  return undefined;
}
