import type { TAppContext } from "../../../context.ts";
import { nextRetryDelay } from "../../../lib/backoff.ts";
import { guardedFetch } from "../../../lib/guarded-fetch.ts";
import { type TWebhookAttemptLog, deliverWebhook } from "../../notifications/deliver-webhook.ts";
import type { TFetch } from "../../notifications/delivery-deps.ts";
import { ZNotificationEvent } from "../../notifications/notification-event.ts";
import { findEndpoint, insertAttempt, leaseDueDeliveries, updateDelivery } from "./queries.ts";

/**
 * The `webhooks.deliver` job (every minute, and at once after new deliveries): one attempt per
 * due delivery, each logged; a retryable failure (5xx, 408, 429, timeouts, network) is tried
 * again after full-jitter exponential backoff (base 30 s, cap 1 h) up to MAX_ATTEMPTS in all; any
 * other failure, a disabled or deleted endpoint, ends it as failed. The delivery id is the same
 * X-Repute-Delivery on every attempt.
 */
export const MAX_ATTEMPTS = 8;
const BASE_SECONDS = 30;
const MAX_SECONDS = 3600;
const LEASE_MS = 5 * 60_000;

export type TWebhookRunDeps = { fetch?: TFetch; now?: () => Date; random?: () => number };

export async function deliverDueWebhooks(app: TAppContext, deps: TWebhookRunDeps = {}): Promise<{ delivered: number; retrying: number; failed: number }> {
  const now = deps.now ?? (() => new Date());
  const fetch: TFetch = deps.fetch ?? ((url, options) => guardedFetch(url, { ...options, allowLoopback: app.config.fetchAllowLoopback }));
  const totals = { delivered: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < 10; round++) {
    const due = await leaseDueDeliveries(app.db, now(), LEASE_MS, 20);
    if (due.length === 0) break;
    for (const delivery of due) {
      const endpoint = await findEndpoint(app.db, delivery.brandId, delivery.endpointId);
      const event = ZNotificationEvent.safeParse(delivery.event);
      if (!endpoint || !endpoint.enabled || !event.success) {
        await updateDelivery(app.db, delivery.id, { status: "failed", lastError: !event.success ? "not a notification event" : "the endpoint is disabled or gone", finishedAt: now() });
        totals.failed++;
        continue;
      }
      const attempt = delivery.attempts + 1;
      let log: TWebhookAttemptLog | undefined;
      const result = await deliverWebhook({ url: endpoint.url, secret: endpoint.secret }, event.data, {
        deliveryId: delivery.id,
        maxAttempts: 1,
        fetch,
        contactUrl: app.config.fetchContactUrl,
        now,
        sink: (entry) => {
          log = entry;
        },
      });
      const retry = !result.ok && !result.permanent && attempt < MAX_ATTEMPTS;
      const waitMs = retry ? Math.round(1000 * nextRetryDelay({ consecutiveFailures: attempt, baseSeconds: BASE_SECONDS, maxSeconds: MAX_SECONDS, jitter: deps.random ?? Math.random })) : null;
      const finished = now();
      if (log) {
        await insertAttempt(app.db, {
          deliveryId: delivery.id,
          attempt,
          startedAt: log.startedAt,
          durationMs: log.durationMs,
          outcome: result.ok ? "delivered" : retry ? "retrying" : "failed",
          responseCode: log.responseCode,
          error: log.error,
          responseExcerpt: log.responseExcerpt,
        });
      }
      await updateDelivery(app.db, delivery.id, {
        attempts: attempt,
        status: result.ok ? "delivered" : retry ? "pending" : "failed",
        lastResponseCode: result.responseCode,
        lastError: result.error,
        nextAttemptAt: waitMs === null ? finished : new Date(finished.getTime() + waitMs),
        finishedAt: result.ok || !retry ? finished : null,
      });
      if (result.ok) totals.delivered++;
      else if (retry) totals.retrying++;
      else totals.failed++;
    }
  }
  return totals;
}
