import { z } from "zod";
import type { TSerpPage } from "../collect-pages.ts";
import { SerpProviderError } from "../provider.ts";
import { type TAnswer, jsonOf, recordOf, requireJson, retryAfterOf, shortText } from "../provider-http.ts";
import { BRAVE_FIELDS } from "./brave.request.ts";

/**
 * Brave's answer: `{"type": "search", "query": {"more_results_available"}, "web": {"results":
 * [{title, url, description, …}]}}`; `web` is left out when there are no web results. Errors are
 * `{"type": "ErrorResponse", "error": {"status", "code", "detail", "meta"}}`: a bad token is 422
 * SUBSCRIPTION_TOKEN_INVALID (or a VALIDATION error on the token header), limits are 429
 * RATE_LIMITED / QUOTA_LIMITED, with per-window `X-RateLimit-Remaining` / `-Reset` headers
 * ("1, 15000" = per second, per month).
 */
export const BRAVE = "Brave Search API";

const resultSchema = z.looseObject({ url: z.string().min(1), title: z.string().default(""), description: z.string().default("") });

const answerSchema = z.looseObject({
  type: z.literal("search"),
  query: z.looseObject({ more_results_available: z.boolean().optional() }).optional(),
  web: z.looseObject({ results: z.array(z.unknown()) }).optional(),
});

export function readBravePage(res: TAnswer, now: Date): TSerpPage {
  if (res.status !== 200) throw braveError(res, now);
  const parsed = answerSchema.safeParse(requireJson(res, BRAVE));
  if (!parsed.success) throw new SerpProviderError("markup_changed", `${BRAVE}: the answer is not a web search result`);
  const results = parsed.data.web?.results ?? [];
  const items = results.map((value, i) => {
    const result = resultSchema.safeParse(value);
    if (!result.success) throw new SerpProviderError("markup_changed", `${BRAVE}: web result ${i + 1} has no url`);
    return { url: result.data.url, title: plain(result.data.title), snippet: plain(result.data.description) };
  });
  return { items, isLast: items.length === 0 || parsed.data.query?.more_results_available !== true };
}

/** Snippets come without decorations when asked; any `<strong>` left is dropped all the same. */
const plain = (text: string) => text.replace(/<\/?strong>/g, "");

function braveError(res: TAnswer, now: Date): SerpProviderError {
  const error = recordOf(recordOf(jsonOf(res))?.error);
  const code = typeof error?.code === "string" ? error.code : undefined;
  const detail = typeof error?.detail === "string" ? error.detail : "";
  const message = `${BRAVE}: HTTP ${res.status}${code ? ` ${code}` : ""}${detail ? ` (${shortText(detail)})` : ""}`;
  const details = { providerCode: code };
  if (code === "SUBSCRIPTION_TOKEN_INVALID" || res.status === 401 || res.status === 403) return new SerpProviderError("auth", message, details);
  if (res.status === 429 || code === "RATE_LIMITED" || code === "QUOTA_LIMITED") return limitError(res, now, code, message);
  if (res.status === 422 || res.status === 400) {
    const field = validationField(error?.meta);
    return new SerpProviderError(field === "apiKey" ? "auth" : "bad_request", message, { ...details, field });
  }
  if (res.status === 404) return new SerpProviderError("bad_request", message, { ...details, field: "baseUrl" });
  return new SerpProviderError("upstream", message, details);
}

/** The longest window out of requests is the monthly quota; a shorter one is a rate limit. */
function limitError(res: TAnswer, now: Date, code: string | undefined, message: string): SerpProviderError {
  const remaining = windows(res.headers.get("x-ratelimit-remaining"));
  const reset = windows(res.headers.get("x-ratelimit-reset"));
  const last = remaining.length - 1;
  const details = { providerCode: code };
  if ((last > 0 && remaining[last] === 0) || code === "QUOTA_LIMITED") {
    return new SerpProviderError("quota", message, { ...details, retryAfterSeconds: last > 0 && remaining[last] === 0 ? reset[last] : undefined });
  }
  const exhausted = remaining.flatMap((left, i) => (left === 0 && reset[i] !== undefined ? [reset[i] ?? 0] : []));
  const wait = exhausted.length > 0 ? Math.max(...exhausted) : retryAfterOf(res, now);
  return new SerpProviderError("rate_limited", message, { ...details, retryAfterSeconds: wait });
}

function windows(header: string | null): number[] {
  return (header ?? "").split(",").map((v) => v.trim()).filter(Boolean).map(Number).filter(Number.isFinite);
}

/** VALIDATION errors say where: `loc: ["query", "count"]` or `["header", "x-subscription-token"]`. */
function validationField(meta: unknown): string | undefined {
  const errors = recordOf(meta)?.errors;
  for (const entry of Array.isArray(errors) ? errors : []) {
    const loc = recordOf(entry)?.loc;
    const name = Array.isArray(loc) ? loc[loc.length - 1] : undefined;
    if (typeof name === "string") return BRAVE_FIELDS[name.toLowerCase()] ?? name;
  }
  return undefined;
}
