import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * How a receiver knows a webhook came from this Repute and was not replayed.
 *
 * Every delivery attempt carries
 *   X-Repute-Timestamp: <unix seconds when the attempt was signed>
 *   X-Repute-Signature: sha256=<hex HMAC-SHA256, keyed with the endpoint's secret, of
 *                       "<timestamp>.<raw request body>">
 * Signing the timestamp with the body means a captured request cannot be sent again later
 * with a fresh timestamp; a receiver rejects timestamps far from its own clock and, to shut
 * the remaining window, remembers X-Repute-Delivery ids it has already processed.
 *
 * In any language: hmac_sha256(secret, timestamp + "." + raw_body) as lowercase hex, compared
 * in constant time. The body must be the bytes as received, before any JSON parsing.
 */
export const SIGNATURE_HEADER = "x-repute-signature";
export const TIMESTAMP_HEADER = "x-repute-timestamp";
export const DELIVERY_HEADER = "x-repute-delivery";
export const EVENT_HEADER = "x-repute-event";

const SCHEME = "sha256=";

export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return SCHEME + hmac(secret, String(timestamp), rawBody).toString("hex");
}

function hmac(secret: string, timestamp: string, rawBody: string | Buffer): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
}

export type TVerifyWebhookInput = {
  /** The endpoint's secret; several while rotating (any one matching is enough). */
  secret: string | readonly string[];
  /** The request body exactly as received. */
  rawBody: string | Buffer;
  /** X-Repute-Signature as received; several `sha256=` values separated by commas are accepted. */
  signature: string | null | undefined;
  /** X-Repute-Timestamp as received. */
  timestamp: string | null | undefined;
  /** How far the timestamp may be from `now`, either way; default 300 s. */
  toleranceSeconds?: number;
  now?: Date;
};

export type TVerifyWebhookResult = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

/**
 * For receivers (and our own tests): is this request signed by the holder of `secret`, and
 * recent? Example (Node, Hono):
 *
 *   const raw = await c.req.text();
 *   const check = verifyWebhookSignature({
 *     secret: process.env.REPUTE_WEBHOOK_SECRET!,
 *     rawBody: raw,
 *     signature: c.req.header("X-Repute-Signature"),
 *     timestamp: c.req.header("X-Repute-Timestamp"),
 *   });
 *   if (!check.ok) return c.text("bad signature", 401);
 *   const delivery = JSON.parse(raw); // { id, type, data }
 */
export function verifyWebhookSignature(input: TVerifyWebhookInput): TVerifyWebhookResult {
  const timestamp = input.timestamp?.trim();
  const signature = input.signature?.trim();
  if (!timestamp || !signature) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "malformed" };
  const candidates = signature
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith(SCHEME))
    .map((s) => s.slice(SCHEME.length))
    .filter((hex) => /^[0-9a-f]{64}$/i.test(hex))
    .map((hex) => Buffer.from(hex, "hex"));
  if (candidates.length === 0) return { ok: false, reason: "malformed" };
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > (input.toleranceSeconds ?? 300)) return { ok: false, reason: "stale" };
  const secrets = typeof input.secret === "string" ? [input.secret] : input.secret;
  for (const secret of secrets) {
    if (!secret) continue;
    const expected = hmac(secret, timestamp, input.rawBody);
    if (candidates.some((c) => timingSafeEqual(c, expected))) return { ok: true };
  }
  return { ok: false, reason: "mismatch" };
}
