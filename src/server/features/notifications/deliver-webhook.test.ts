import { afterEach, describe, expect, it } from "vitest";
import { type TReplayHandler, type TReplayRequest, type TReplayServer, startReplayServer } from "../../connectors/test-kit.ts";
import { guardedFetch } from "../../lib/guarded-fetch.ts";
import { type TWebhookAttemptLog, type TWebhookOptions, deliverWebhook } from "./deliver-webhook.ts";
import type { TFetch } from "./delivery-deps.ts";
import { hostileEvent, sampleEvent } from "./notification-fixtures.ts";
import { verifyWebhookSignature } from "./webhook-signature.ts";

// A local receiver; waits are recorded, not slept; the jitter draw is fixed at 0.5.

const SECRET = "whsec_7Zq2mV9pL0xR4tN8";
const loopbackFetch: TFetch = (url, options) => guardedFetch(url, { ...options, allowLoopback: true });

let server: TReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function receiver(answers: TReplayHandler | ReturnType<TReplayHandler>[]) {
  let i = 0;
  const handler: TReplayHandler = Array.isArray(answers) ? () => answers[Math.min(i++, answers.length - 1)] ?? { status: 500 } : answers;
  server = await startReplayServer(handler);
  const waits: number[] = [];
  const log: TWebhookAttemptLog[] = [];
  const options: TWebhookOptions = {
    fetch: loopbackFetch,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    sink: (entry) => {
      log.push(entry);
    },
  };
  return { server, url: `${server.baseUrl}/hooks/repute`, waits, log, options };
}

const header = (req: TReplayRequest | undefined, name: string): string | undefined => {
  const value = req?.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
};

function verify(req: TReplayRequest | undefined, secret = SECRET) {
  return verifyWebhookSignature({
    secret,
    rawBody: req?.body ?? "",
    signature: header(req, "x-repute-signature"),
    timestamp: header(req, "x-repute-timestamp"),
  });
}

describe("deliverWebhook", () => {
  it("posts the signed JSON body with delivery id, event and timestamp headers, and logs the attempt", async () => {
    const { server, url, options, log, waits } = await receiver([{ status: 200, body: { received: true } }]);
    const event = sampleEvent("awaiting_approval");
    const result = await deliverWebhook({ url, secret: SECRET }, event, { ...options, deliveryId: "dlv_1" });
    expect(result).toEqual({ deliveryId: "dlv_1", ok: true, attempts: 1, responseCode: 200, error: null, permanent: false });
    expect(waits).toEqual([]);

    const [req] = server.requests;
    expect(req?.method).toBe("POST");
    expect(req?.path).toBe("/hooks/repute");
    expect(header(req, "content-type")).toBe("application/json; charset=utf-8");
    expect(header(req, "x-repute-delivery")).toBe("dlv_1");
    expect(header(req, "x-repute-event")).toBe("awaiting_approval");
    expect(Math.abs(Number(header(req, "x-repute-timestamp")) - Date.now() / 1000)).toBeLessThan(60);
    expect(header(req, "x-repute-signature")).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(header(req, "user-agent")).toMatch(/^Repute\//);
    expect(JSON.parse(req?.body ?? "")).toEqual({ id: "dlv_1", type: "awaiting_approval", data: event });
    expect(verify(req)).toEqual({ ok: true });

    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ deliveryId: "dlv_1", attempt: 1, outcome: "delivered", responseCode: 200, error: null, nextAttemptInMs: null });
    expect(log[0]?.responseExcerpt).toBe('{"received":true}');
    expect(log[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(log[0]?.startedAt).toBeInstanceOf(Date);
  });

  it("retries a 500 after a jittered backoff, with the same delivery id and a fresh signature, then succeeds", async () => {
    const { server, url, options, log, waits } = await receiver([{ status: 500, body: "boom" }, { status: 204 }]);
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("overdue"), options);
    expect(result).toMatchObject({ ok: true, attempts: 2, responseCode: 204 });
    // Full jitter, first failure: uniform in [0, 2·2 s); the draw 0.5 gives 2 s.
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
    const ids = server.requests.map((r) => header(r, "x-repute-delivery"));
    expect(ids[0]).toBe(result.deliveryId);
    expect(ids[1]).toBe(result.deliveryId);
    for (const req of server.requests) expect(verify(req)).toEqual({ ok: true });
    expect(log.map((l) => [l.attempt, l.outcome, l.responseCode, l.error, l.nextAttemptInMs])).toEqual([
      [1, "retrying", 500, "HTTP 500", 2000],
      [2, "delivered", 204, null, null],
    ]);
    expect(log[0]?.responseExcerpt).toBe("boom");
  });

  it("does not retry a 4xx: the receiver refused it for good", async () => {
    const { server, url, options, log, waits } = await receiver([{ status: 400, body: { error: "unknown event" } }]);
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("approved"), options);
    expect(result).toMatchObject({ ok: false, attempts: 1, responseCode: 400, error: "HTTP 400", permanent: true });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(log.map((l) => l.outcome)).toEqual(["failed"]);
  });

  it("retries 408 and 429, honouring Retry-After when it asks for longer", async () => {
    const { url, options, log, waits } = await receiver([{ status: 408 }, { status: 429, headers: { "retry-after": "7" } }, { status: 200 }]);
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("published"), options);
    expect(result).toMatchObject({ ok: true, attempts: 3 });
    expect(waits).toEqual([2000, 7000]);
    expect(log.map((l) => l.responseCode)).toEqual([408, 429, 200]);
  });

  it("gives up after maxAttempts, with a log line per attempt, and says it was not permanent", async () => {
    const { server, url, options, log, waits } = await receiver([{ status: 503 }]);
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("returned"), { ...options, maxAttempts: 3 });
    expect(result).toMatchObject({ ok: false, attempts: 3, responseCode: 503, error: "HTTP 503", permanent: false });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([2000, 4000]);
    expect(log.map((l) => l.outcome)).toEqual(["retrying", "retrying", "failed"]);
  });

  it("retries a receiver that does not answer in time", async () => {
    let calls = 0;
    const { url, options, log } = await receiver(async () => {
      calls++;
      if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 1500));
      return { status: 200 };
    });
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("new_negative"), { ...options, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(log[0]).toMatchObject({ outcome: "retrying", responseCode: null });
    expect(log[0]?.error).toMatch(/no complete answer within 300 ms/);
  });

  it("retries network errors (nobody listening)", async () => {
    const { server, url, options, log } = await receiver([{ status: 200 }]);
    await server.close();
    const result = await deliverWebhook({ url, secret: SECRET }, sampleEvent("new_negative"), { ...options, maxAttempts: 2 });
    expect(result).toMatchObject({ ok: false, attempts: 2, responseCode: null, permanent: false });
    expect(log.map((l) => l.outcome)).toEqual(["retrying", "failed"]);
    expect(log[1]?.error).toMatch(/127\.0\.0\.1/);
  });

  it("does not follow redirects, and refuses addresses guardedFetch refuses", async () => {
    const { server, url, options, log } = await receiver([{ status: 307, headers: { location: "http://127.0.0.1:1/elsewhere" } }]);
    const redirected = await deliverWebhook({ url, secret: SECRET }, sampleEvent("approved"), options);
    expect(redirected).toMatchObject({ ok: false, attempts: 1, permanent: true });
    expect(redirected.error).toMatch(/webhooks do not follow redirects/);
    expect(server.requests).toHaveLength(1);
    expect(log).toHaveLength(1);

    const { fetch: _loopback, ...production } = options;
    const blocked = await deliverWebhook({ url, secret: SECRET }, sampleEvent("approved"), production);
    expect(blocked).toMatchObject({ ok: false, attempts: 1, permanent: true });
    expect(blocked.error).toMatch(/refused/);
    expect(server.requests).toHaveLength(1);
  });

  it("a sink that fails ends the delivery with its error", async () => {
    const { url, options } = await receiver([{ status: 200 }]);
    const failing = deliverWebhook({ url, secret: SECRET }, sampleEvent("approved"), {
      ...options,
      sink: () => {
        throw new Error("log table is gone");
      },
    });
    await expect(failing).rejects.toThrow("log table is gone");
  });

  it("sends hostile text as JSON the receiver can verify and parse back exactly", async () => {
    const { server, url, options } = await receiver([{ status: 200 }]);
    const event = hostileEvent();
    await deliverWebhook({ url, secret: SECRET }, event, options);
    const [req] = server.requests;
    expect(verify(req)).toEqual({ ok: true });
    expect((JSON.parse(req?.body ?? "") as { data: unknown }).data).toEqual(event);
  });
});

describe("verifyWebhookSignature", () => {
  async function signedRequest(): Promise<TReplayRequest> {
    const { server, url, options } = await receiver([{ status: 200 }]);
    await deliverWebhook({ url, secret: SECRET }, sampleEvent("approved"), options);
    const req = server.requests[0];
    if (!req) throw new Error("no request");
    return req;
  }

  it("rejects a tampered body, a wrong secret, a moved timestamp and a malformed header", async () => {
    const req = await signedRequest();
    const signature = header(req, "x-repute-signature");
    const timestamp = header(req, "x-repute-timestamp");
    expect(verify(req)).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: Buffer.from(req.body), signature, timestamp })).toEqual({ ok: true });

    const tampered = req.body.replace('"approved"', '"published"');
    expect(tampered).not.toBe(req.body);
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: tampered, signature, timestamp })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: `${req.body} `, signature, timestamp })).toEqual({ ok: false, reason: "mismatch" });
    expect(verify(req, "whsec_someone_else")).toEqual({ ok: false, reason: "mismatch" });
    // A replay with a fresh timestamp: the signature covered the old one.
    const fresh = String(Number(timestamp) + 1);
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: req.body, signature, timestamp: fresh })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: req.body, signature: "sha256=zz", timestamp })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: req.body, signature, timestamp: "yesterday" })).toEqual({ ok: false, reason: "malformed" });
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: req.body, signature: undefined, timestamp })).toEqual({ ok: false, reason: "missing" });
  });

  it("rejects an old request (replay) outside the tolerance, either way", async () => {
    const req = await signedRequest();
    const input = { secret: SECRET, rawBody: req.body, signature: header(req, "x-repute-signature"), timestamp: header(req, "x-repute-timestamp") };
    const sentAt = Number(input.timestamp) * 1000;
    expect(verifyWebhookSignature({ ...input, now: new Date(sentAt + 299_000) })).toEqual({ ok: true });
    expect(verifyWebhookSignature({ ...input, now: new Date(sentAt + 301_000) })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ ...input, now: new Date(sentAt - 301_000) })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ ...input, now: new Date(sentAt + 3_000_000), toleranceSeconds: 3600 })).toEqual({ ok: true });
  });

  it("accepts any of several secrets while rotating, and any of several signatures", async () => {
    const req = await signedRequest();
    const signature = header(req, "x-repute-signature") ?? "";
    const timestamp = header(req, "x-repute-timestamp");
    expect(verifyWebhookSignature({ secret: ["whsec_new_one", SECRET], rawBody: req.body, signature, timestamp })).toEqual({ ok: true });
    const two = `sha256=${"0".repeat(64)}, ${signature}`;
    expect(verifyWebhookSignature({ secret: SECRET, rawBody: req.body, signature: two, timestamp })).toEqual({ ok: true });
  });
});
