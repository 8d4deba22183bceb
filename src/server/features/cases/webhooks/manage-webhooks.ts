import type { TAppContext } from "../../../context.ts";
import { forbidden, invalid, notFound } from "../../../lib/errors.ts";
import { newSecret } from "../../../lib/tokens.ts";
import type { TAuth } from "../../accounts/access.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import type { TNotificationKind } from "../../notifications/notification-event.ts";
import { type TEndpointRow, attemptsOf, deleteEndpoint, findEndpoint, insertEndpoint, listDeliveries, listEndpoints, updateEndpoint } from "./queries.ts";

/**
 * Outgoing webhooks of a brand (admins only): a URL, the kinds it takes (none = all) and the
 * HMAC secret it is signed with — generated here, shown once when created or rotated, never
 * again. The URL must be http(s) without credentials; at delivery the guarded fetch also refuses
 * private addresses.
 */
export type TEndpointInput = { url: string; events?: TNotificationKind[]; enabled?: boolean; description?: string | null };

export const endpointView = (row: TEndpointRow) => ({
  id: row.id,
  url: row.url,
  events: row.events,
  enabled: row.enabled,
  description: row.description,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

function assertAdmin(auth: TAuth, brandId: string): void {
  if (!auth.isAdmin || !auth.brandRoles.has(brandId)) throw forbidden("Only admins manage webhooks");
}

function checkUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("url", "an absolute http(s) URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw invalid("url", "an absolute http(s) URL");
  if (url.username || url.password) throw invalid("url", "no credentials in the URL: requests are signed with the secret");
  return url.toString();
}

const newWebhookSecret = () => newSecret("whsec_");

export async function listWebhooks(app: TAppContext, auth: TAuth, brandId: string) {
  assertAdmin(auth, brandId);
  return (await listEndpoints(app.db, brandId)).map(endpointView);
}

export async function createWebhook(app: TAppContext, auth: TAuth, brandId: string, input: TEndpointInput, now = new Date()) {
  assertAdmin(auth, brandId);
  const url = checkUrl(input.url);
  const secret = newWebhookSecret();
  return app.db.transaction(async (tx) => {
    const row = await insertEndpoint(tx, { brandId, url, secret, events: input.events ?? [], enabled: input.enabled ?? true, description: input.description ?? null, createdBy: auth.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "webhook.create", objectType: "webhook", objectId: row.id, brandId, details: { url, events: row.events } });
    return { webhook: endpointView(row), secret };
  });
}

export async function changeWebhook(app: TAppContext, auth: TAuth, brandId: string, id: string, patch: Partial<TEndpointInput> & { rotateSecret?: boolean }, now = new Date()) {
  assertAdmin(auth, brandId);
  const url = patch.url === undefined ? undefined : checkUrl(patch.url);
  const secret = patch.rotateSecret ? newWebhookSecret() : undefined;
  return app.db.transaction(async (tx) => {
    if (!(await findEndpoint(tx, brandId, id))) throw notFound("No such webhook");
    const row = await updateEndpoint(tx, id, {
      ...(url ? { url } : {}),
      ...(patch.events ? { events: patch.events } : {}),
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(secret ? { secret } : {}),
      updatedAt: now,
    });
    if (!row) throw notFound("No such webhook");
    const fields = Object.keys(patch).filter((k) => k !== "rotateSecret").sort();
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "webhook.update", objectType: "webhook", objectId: id, brandId, details: { fields, secretRotated: Boolean(secret) } });
    return { webhook: endpointView(row), secret: secret ?? null };
  });
}

export async function removeWebhook(app: TAppContext, auth: TAuth, brandId: string, id: string): Promise<void> {
  assertAdmin(auth, brandId);
  await app.db.transaction(async (tx) => {
    if (!(await deleteEndpoint(tx, brandId, id))) throw notFound("No such webhook");
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "webhook.delete", objectType: "webhook", objectId: id, brandId });
  });
}

/** The delivery log: newest deliveries first, each with its attempts. */
export async function webhookDeliveryLog(app: TAppContext, auth: TAuth, brandId: string, id: string, limit: number) {
  assertAdmin(auth, brandId);
  if (!(await findEndpoint(app.db, brandId, id))) throw notFound("No such webhook");
  const deliveries = await listDeliveries(app.db, id, limit);
  const attempts = await attemptsOf(app.db, deliveries.map((d) => d.id));
  return deliveries.map((d) => ({
    id: d.id,
    kind: d.kind,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    lastResponseCode: d.lastResponseCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
    log: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ attempt: a.attempt, startedAt: a.startedAt.toISOString(), durationMs: a.durationMs, outcome: a.outcome, responseCode: a.responseCode, error: a.error, responseExcerpt: a.responseExcerpt })),
  }));
}
