import type { TExecutor } from "../../../context.ts";
import type { TNotificationEvent } from "../../notifications/notification-event.ts";
import { endpointsFor, insertDeliveries } from "./queries.ts";

/** One pending delivery per enabled endpoint of the brand that takes this kind; returns how many. */
export async function queueWebhookDeliveries(db: TExecutor, brandId: string, event: TNotificationEvent, now: Date): Promise<number> {
  const endpoints = await endpointsFor(db, brandId, event.kind);
  await insertDeliveries(
    db,
    endpoints.map((e) => ({ endpointId: e.id, brandId, kind: event.kind, event, status: "pending" as const, nextAttemptAt: now, createdAt: now })),
  );
  return endpoints.length;
}
