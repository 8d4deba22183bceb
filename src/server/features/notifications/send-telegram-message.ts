import { z } from "zod";
import { nextRetryDelay, parseRetryAfter } from "../../lib/backoff.ts";
import { FetchRefusedError, type TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { type THttpDeliveryDeps, defaultFetch, defaultSleep, describeError, isTransientFetchError } from "./delivery-deps.ts";

/**
 * Telegram Bot API `sendMessage` (HTML parse mode, link previews off). Flood-wait answers
 * (429 with parameters.retry_after) are waited out when short and handed back when long;
 * 5xx and network failures are retried with full-jitter backoff. What no retry can fix comes
 * back as permanent, with a reason the caller acts on: the user blocked the bot or the chat is
 * gone (stop sending there), the group became a supergroup (store `migrateToChatId`), the token
 * is wrong (tell the admin).
 */
export const TELEGRAM_API_URL = "https://api.telegram.org";

export type TTelegramFailureReason =
  | "blocked"
  | "chat_not_found"
  | "chat_migrated"
  | "unauthorized"
  | "rejected"
  | "rate_limited"
  | "unavailable";

export type TTelegramSendResult =
  | { ok: true; messageId: number; attempts: number }
  | {
      ok: false;
      permanent: boolean;
      reason: TTelegramFailureReason;
      /** Telegram's own description, or our account of the network failure; never the token. */
      description: string;
      attempts: number;
      /** rate_limited: when Telegram allows the next message. */
      retryAfterSeconds?: number;
      /** chat_migrated: where the chat lives now. */
      migrateToChatId?: number;
    };

export type TTelegramOptions = THttpDeliveryDeps & {
  /** Default https://api.telegram.org; a local server in tests. */
  baseUrl?: string;
  /** Attempts in all, the first included; default 3. */
  maxAttempts?: number;
  /** Longest flood wait sat out here; a longer one is returned as rate_limited. Default 30 s. */
  maxWaitSeconds?: number;
  timeoutMs?: number;
};

export type TTelegramMessage = { botToken: string; chatId: string | number; text: string };

const ZAnswer = z.object({
  ok: z.boolean(),
  result: z.object({ message_id: z.number() }).optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() }).optional(),
});
type TAnswer = z.infer<typeof ZAnswer>;

const TOKEN = /^\d+:[A-Za-z0-9_-]+$/;

export async function sendTelegramMessage(message: TTelegramMessage, options: TTelegramOptions = {}): Promise<TTelegramSendResult> {
  // The token becomes part of the path: anything but its documented shape could redirect the request.
  if (!TOKEN.test(message.botToken)) {
    return { ok: false, permanent: true, reason: "unauthorized", description: "The bot token is not in the form 123456:ABC…", attempts: 0 };
  }
  const fetch = options.fetch ?? defaultFetch;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const maxWaitSeconds = options.maxWaitSeconds ?? 30;
  const url = `${(options.baseUrl ?? TELEGRAM_API_URL).replace(/\/+$/, "")}/bot${message.botToken}/sendMessage`;
  const body = JSON.stringify({
    chat_id: message.chatId,
    text: message.text,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptSend(() =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body,
        maxRedirects: 0,
        maxBytes: 1024 * 1024,
        timeoutMs: options.timeoutMs ?? 20_000,
        signal: options.signal,
        contactUrl: options.contactUrl,
      }),
    );
    if (outcome.kind === "done") return { ...outcome.result, attempts: attempt };
    const last = attempt >= maxAttempts;
    if (outcome.kind === "flood") {
      if (last || outcome.retryAfterSeconds > maxWaitSeconds) {
        return { ok: false, permanent: false, reason: "rate_limited", description: outcome.description, retryAfterSeconds: outcome.retryAfterSeconds, attempts: attempt };
      }
      await sleep(outcome.retryAfterSeconds * 1000, options.signal);
      continue;
    }
    if (last) return { ok: false, permanent: false, reason: "unavailable", description: outcome.description, attempts: attempt };
    const seconds = nextRetryDelay({ consecutiveFailures: attempt, baseSeconds: 1, maxSeconds: 30, jitter: random });
    await sleep(seconds * 1000, options.signal);
  }
}

type TDone = { ok: true; messageId: number } | Omit<Extract<TTelegramSendResult, { ok: false }>, "attempts">;
type TOutcome =
  | { kind: "done"; result: TDone }
  | { kind: "flood"; retryAfterSeconds: number; description: string }
  | { kind: "retry"; description: string };

async function attemptSend(send: () => Promise<TGuardedResponse>): Promise<TOutcome> {
  let res: TGuardedResponse;
  try {
    res = await send();
  } catch (error) {
    if (isTransientFetchError(error)) return { kind: "retry", description: describeError(error) };
    if (error instanceof FetchRefusedError) {
      return { kind: "done", result: { ok: false, permanent: true, reason: "rejected", description: describeError(error) } };
    }
    throw error; // the caller's own cancellation, or a bug
  }
  const answer = readAnswer(res);
  const description = answer?.description ?? `HTTP ${res.status}`;
  if (res.status === 200 && answer?.ok && answer.result) return { kind: "done", result: { ok: true, messageId: answer.result.message_id } };
  if (res.status === 429) {
    const retryAfter = answer?.parameters?.retry_after ?? parseRetryAfter(res.headers.get("retry-after"), new Date()) ?? 1;
    return { kind: "flood", retryAfterSeconds: Math.max(0, retryAfter), description };
  }
  if (res.status >= 500) return { kind: "retry", description };
  const permanent = (reason: TTelegramFailureReason, extra: { migrateToChatId?: number } = {}): TOutcome => ({
    kind: "done",
    result: { ok: false, permanent: true, reason, description, ...extra },
  });
  if (res.status === 403) return permanent("blocked");
  if (res.status === 401 || res.status === 404) return permanent("unauthorized");
  const migrateTo = answer?.parameters?.migrate_to_chat_id;
  if (migrateTo !== undefined) return permanent("chat_migrated", { migrateToChatId: migrateTo });
  if (res.status === 400 && /chat not found/i.test(description)) return permanent("chat_not_found");
  return permanent("rejected");
}

function readAnswer(res: TGuardedResponse): TAnswer | undefined {
  try {
    const parsed = ZAnswer.safeParse(res.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // a proxy's HTML error page, say
  }
}
