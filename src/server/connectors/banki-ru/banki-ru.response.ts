import { z } from "zod";
import { parseRetryAfter } from "../../lib/backoff.ts";
import type { TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { ConnectorError } from "../connector.ts";

const id = z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]);

/** One review in services/responses/list/ajax; extra fields are kept in `raw`, not checked. */
const reviewSchema = z.looseObject({
  id,
  /** Moscow wall-clock time, "YYYY-MM-DD HH:MM:SS". */
  dateCreate: z.string(),
  title: z.string().nullish(),
  text: z.string().nullish(),
  /** 1–5; null when the review has no grade. */
  grade: z.number().nullish(),
  isCountable: z.unknown().optional(),
  resolutionIsApproved: z.unknown().optional(),
  /** The bank's official answer: plain text with newlines, sometimes HTML. */
  agentAnswerText: z.string().nullish(),
  commentCount: z.number().int().nonnegative().nullish(),
  company: z.looseObject({ id: z.number().nullish(), code: z.string(), name: z.string() }).nullish(),
});

const pageSchema = z.looseObject({
  data: z.array(reviewSchema),
  total: z.number().nullish(),
  hasMorePages: z.boolean().nullish(),
});

export type TBankiReview = z.output<typeof reviewSchema>;
export type TBankiPage = z.output<typeof pageSchema>;

/**
 * The page, or what went wrong as a ConnectorError. banki.ru answers bots it does not like with
 * a 200 HTML page (a captcha) instead of JSON: that must fail loudly, never read as "no reviews".
 */
export function readResponsesPage(res: TGuardedResponse, bank: string, now: Date): TBankiPage {
  if (res.status === 429) {
    throw new ConnectorError("rate_limited", "banki.ru asked to slow down (HTTP 429)", parseRetryAfter(res.headers.get("retry-after"), now));
  }
  if (res.status === 403) {
    throw new ConnectorError("upstream", "banki.ru refused the request (HTTP 403): it blocks this server's address or wants a captcha solved");
  }
  if (res.status === 404) throw new ConnectorError("not_found", `banki.ru has no reviews page for the bank "${bank}"`);
  if (res.status !== 200) throw new ConnectorError("upstream", `banki.ru answered HTTP ${res.status}`);
  const text = res.text();
  if (/html/i.test(res.headers.get("content-type") ?? "") || text.trimStart().startsWith("<")) {
    throw new ConnectorError("markup_changed", "banki.ru answered with an HTML page instead of JSON (captcha?)");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConnectorError("markup_changed", "banki.ru answered with something that is not JSON", undefined, { cause: error });
  }
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "the answer";
    throw new ConnectorError("markup_changed", `banki.ru's review list changed its shape: ${where}: ${issue?.message ?? "unexpected"}`);
  }
  return parsed.data;
}
