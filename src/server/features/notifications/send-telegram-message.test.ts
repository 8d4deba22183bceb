import { afterEach, describe, expect, it } from "vitest";
import { type TReplayHandler, type TReplayServer, startReplayServer } from "../../connectors/test-kit.ts";
import { guardedFetch } from "../../lib/guarded-fetch.ts";
import type { TFetch } from "./delivery-deps.ts";
import { hostileEvent } from "./notification-fixtures.ts";
import { renderTelegramText } from "./render-telegram-text.ts";
import { type TTelegramOptions, sendTelegramMessage } from "./send-telegram-message.ts";

// A local server answering in the Bot API's shapes; waits are recorded, not slept.

const TOKEN = "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0";
const loopbackFetch: TFetch = (url, options) => guardedFetch(url, { ...options, allowLoopback: true });

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function telegram(answers: TReplayHandler | ReturnType<TReplayHandler>[]) {
  let i = 0;
  const handler: TReplayHandler = Array.isArray(answers) ? () => answers[Math.min(i++, answers.length - 1)] ?? { status: 500 } : answers;
  server = await startReplayServer(handler);
  const waits: number[] = [];
  const options: TTelegramOptions = {
    baseUrl: server.baseUrl,
    fetch: loopbackFetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
  };
  return { server, waits, options };
}

const sent = { ok: true, result: { message_id: 42, chat: { id: 1001, type: "private" }, date: 1763630000, text: "…" } };
const error = (status: number, description: string, parameters?: Record<string, number>) => ({
  status,
  body: { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) },
});

describe("sendTelegramMessage", () => {
  it("posts sendMessage in HTML mode, link previews off, and returns the message id", async () => {
    const { server, options, waits } = await telegram([{ body: sent }]);
    const text = renderTelegramText(hostileEvent(), { locale: "ru" });
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text }, options);
    expect(result).toEqual({ ok: true, messageId: 42, attempts: 1 });
    expect(waits).toEqual([]);
    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req?.body ?? "{}")).toEqual({ chat_id: 1001, text, parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  });

  it("sits out a short flood wait (429, parameters.retry_after) and sends again", async () => {
    const { server, options, waits } = await telegram([error(429, "Too Many Requests: retry after 3", { retry_after: 3 }), { body: sent }]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: "@channel", text: "hi" }, options);
    expect(result).toEqual({ ok: true, messageId: 42, attempts: 2 });
    expect(waits).toEqual([3000]);
    expect(server.requests).toHaveLength(2);
  });

  it("hands a long flood wait back to the caller instead of blocking", async () => {
    const { server, options, waits } = await telegram([error(429, "Too Many Requests: retry after 120", { retry_after: 120 })]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, options);
    expect(result).toMatchObject({ ok: false, permanent: false, reason: "rate_limited", retryAfterSeconds: 120, attempts: 1 });
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("a user who blocked the bot (403) is permanent and not retried", async () => {
    const { server, options, waits } = await telegram([error(403, "Forbidden: bot was blocked by the user")]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, options);
    expect(result).toEqual({ ok: false, permanent: true, reason: "blocked", description: "Forbidden: bot was blocked by the user", attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it("a chat that does not exist (400) is permanent; a migrated group says where it went", async () => {
    const gone = await telegram([error(400, "Bad Request: chat not found")]);
    expect(await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, gone.options)).toMatchObject({
      ok: false,
      permanent: true,
      reason: "chat_not_found",
    });
    expect(gone.server.requests).toHaveLength(1);
    await gone.server.close();

    const moved = await telegram([error(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: -1001234567890 })]);
    expect(await sendTelegramMessage({ botToken: TOKEN, chatId: -4001, text: "hi" }, moved.options)).toMatchObject({
      ok: false,
      permanent: true,
      reason: "chat_migrated",
      migrateToChatId: -1001234567890,
    });
  });

  it("retries a 500 with backoff and succeeds", async () => {
    const { server, options, waits } = await telegram([error(500, "Internal Server Error"), { body: sent }]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, options);
    expect(result).toEqual({ ok: true, messageId: 42, attempts: 2 });
    // Full jitter, first failure: uniform in [0, 2·1 s); the draw 0.5 gives 1 s.
    expect(waits).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after maxAttempts of 5xx as unavailable, not permanent", async () => {
    const { server, options, waits } = await telegram([{ status: 502, body: "<html>Bad Gateway</html>", headers: { "content-type": "text/html" } }]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, { ...options, maxAttempts: 3 });
    expect(result).toMatchObject({ ok: false, permanent: false, reason: "unavailable", description: "HTTP 502", attempts: 3 });
    expect(waits).toEqual([1000, 2000]);
    expect(server.requests).toHaveLength(3);
  });

  it("a wrong token is permanent; a malformed one is never sent anywhere", async () => {
    const { server, options } = await telegram([error(401, "Unauthorized")]);
    expect(await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, options)).toMatchObject({ ok: false, permanent: true, reason: "unauthorized" });
    const sneaky = await sendTelegramMessage({ botToken: "123:abc/../../evil", chatId: 1001, text: "hi" }, options);
    expect(sneaky).toMatchObject({ ok: false, permanent: true, reason: "unauthorized", attempts: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("retries network failures and never puts the token in a description", async () => {
    const { server, options } = await telegram([{ body: sent }]);
    const baseUrl = server.baseUrl;
    await server.close();
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, { ...options, baseUrl, maxAttempts: 2 });
    expect(result).toMatchObject({ ok: false, permanent: false, reason: "unavailable", attempts: 2 });
    if (!result.ok) expect(result.description).not.toContain(TOKEN.split(":")[1] ?? TOKEN);
  });

  it("goes through guardedFetch: a loopback API address is refused unless a test allows it", async () => {
    const { server } = await telegram([{ body: sent }]);
    const result = await sendTelegramMessage({ botToken: TOKEN, chatId: 1001, text: "hi" }, { baseUrl: server.baseUrl, sleep: async () => undefined });
    expect(result).toMatchObject({ ok: false, permanent: true, reason: "rejected" });
    expect(server.requests).toHaveLength(0);
  });
});
