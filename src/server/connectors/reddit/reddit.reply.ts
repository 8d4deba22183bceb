import { ConnectorError } from "../connector.ts";
import { REDDIT_OAUTH_BASE_URL, redditUserAgent } from "./reddit.config.ts";
import { REDDIT_WEB } from "./reddit.mapping.ts";
import { redditCommentReplySchema } from "./reddit.types.ts";

/**
 * Publishing an approved answer: `POST /api/comment` under a post or comment (its fullname).
 * Needs a user token with the `submit` scope — the app-only token used for reading cannot post.
 */
export type TRedditReplyInput = {
  /** Fullname of what is answered: t3_… (a post) or t1_… (a comment). */
  thingId: string;
  /** Markdown. */
  text: string;
  accessToken: string;
  baseUrl?: string;
  /** The Reddit username for the User-Agent. */
  userAgentContact?: string;
};

export type TRedditReplyRequest = { url: string; method: "POST"; headers: Record<string, string>; body: URLSearchParams };

export function buildRedditReplyRequest(input: TRedditReplyInput): TRedditReplyRequest {
  const base = (input.baseUrl ?? REDDIT_OAUTH_BASE_URL).replace(/\/+$/, "");
  return {
    url: `${base}/api/comment`,
    method: "POST",
    headers: { authorization: `bearer ${input.accessToken}`, "user-agent": redditUserAgent(input.userAgentContact), accept: "application/json" },
    body: new URLSearchParams({ api_type: "json", thing_id: input.thingId, text: input.text }),
  };
}

export type TRedditReplyResult = {
  /** The new comment's id36 … */
  id: string;
  /** … and its fullname (t1_…), what a later edit or delete needs. */
  name: string;
  permalink: string;
};

/**
 * The new comment from `{"json":{"errors":[],"data":{"things":[{"kind":"t1","data":{…}}]}}}`.
 * Reddit's `errors` ([code, message, field]) become ConnectorErrors: RATELIMIT is rate_limited
 * with the wait Reddit names; anything else (TOO_LONG, THREAD_LOCKED, DELETED_COMMENT…) is
 * upstream with Reddit's words. Pass the HTTP status: 401/403 mean the token expired or lacks
 * the scope.
 */
export function parseRedditReplyResponse(json: unknown, status = 200): TRedditReplyResult {
  if (status === 401 || status === 403 || isUnauthorizedBody(json)) {
    throw new ConnectorError("auth", "Reddit comment: the token was refused (expired, revoked or without the submit scope)");
  }
  if (status === 429) throw new ConnectorError("rate_limited", "Reddit comment: too many requests (HTTP 429)");
  if (status !== 200) throw new ConnectorError("upstream", `Reddit comment: HTTP ${status}`);

  const parsed = redditCommentReplySchema.safeParse(json);
  if (!parsed.success) throw new ConnectorError("markup_changed", "Reddit comment: unexpected answer shape");
  const { errors, ratelimit, data } = parsed.data.json;
  const first = errors[0];
  if (first) {
    const [code, message, field] = first.map((part) => (typeof part === "string" ? part : ""));
    const text = `Reddit comment: ${message || code}${code ? ` (${code}${field ? `, ${field}` : ""})` : ""}`;
    if (code === "RATELIMIT") return throwRateLimited(text, ratelimit ?? waitFromMessage(message ?? ""));
    throw new ConnectorError("upstream", text);
  }
  const thing = data?.things[0]?.data;
  if (!thing) throw new ConnectorError("markup_changed", "Reddit comment: no comment in the answer");
  const post36 = (thing.link_id ?? "").replace(/^t3_/, "");
  const permalink = thing.permalink
    ? `${REDDIT_WEB}${thing.permalink}`
    : thing.subreddit && post36
      ? `${REDDIT_WEB}/r/${thing.subreddit}/comments/${post36}/comment/${thing.id}/`
      : `${REDDIT_WEB}/comments/${post36}/comment/${thing.id}/`;
  return { id: thing.id, name: thing.name, permalink };
}

function throwRateLimited(message: string, seconds: number | undefined): never {
  throw new ConnectorError("rate_limited", message, seconds === undefined ? undefined : Math.ceil(seconds));
}

/** "you are doing that too much. try again in 5 minutes." → 300. */
export function waitFromMessage(message: string): number | undefined {
  const match = /(\d+)\s*(millisecond|second|minute|hour)s?/i.exec(message);
  if (!match) return undefined;
  const n = Number(match[1]);
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "hour" ? 3600 : unit === "minute" ? 60 : unit === "second" ? 1 : 0.001;
  return Math.ceil(n * factor);
}

function isUnauthorizedBody(json: unknown): boolean {
  return typeof json === "object" && json !== null && "error" in json && (json.error === 401 || json.error === 403);
}
