import type { TConnector } from "../../connectors/connector.ts";
import type { TAppContext } from "../../context.ts";
import type { sources } from "../../db/schema/monitoring.ts";
import { fieldErrors } from "../../http/validation.ts";
import { AppError, conflict, errorMessage, forbidden, invalid, notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { rateOf } from "../ingest/connector-context.ts";
import { type TConnectorView, connectorCatalogue, lookupConnector } from "./connector-catalogue.ts";
import {
  type TNewSource,
  type TSourceRow,
  deleteSource,
  findBrandSource,
  insertSource,
  listBrandSources,
  mentionCountsBySource,
  updateSource,
} from "./queries.ts";
import { type TSourceHealth, sourceHealth } from "./source-health.ts";
import { changedConfigKeys, maskSecrets, maskedSecretsSent, mergeSecrets } from "./source-secrets.ts";

/**
 * Sources of a brand: a connector with its config, schedule and sync state. Agency roles
 * configure them; anyone who sees the brand sees their health (client roles without the config).
 */
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 7 * 24 * 60;
/** A source's own request allowance, per minute (null = the connector's default). */
export const MIN_RATE_PER_MINUTE = 1;
export const MAX_RATE_PER_MINUTE = 6_000;
/** How long a source may go without a new item before it is stale (null = no expectation). */
export const MIN_EXPECTED_ITEM_MINUTES = 10;
export const MAX_EXPECTED_ITEM_MINUTES = 365 * 24 * 60;
export const SYNC_JOB = "sources.sync";
const ENQUEUE_TIMEOUT_MS = 5_000;

export type TSourceView = {
  id: string;
  brandId: string;
  connector: string;
  /** Null when the connector is no longer in this build. */
  connectorTitle: { en: string; ru: string } | null;
  sourceKind: string | null;
  name: string;
  /** Secrets masked; null for client roles and for connectors this build does not know. */
  config: Record<string, unknown> | null;
  secretFields: string[];
  ownPlace: boolean;
  status: "active" | "paused";
  intervalMinutes: number;
  /** The source's own allowance; null = the connector's default. */
  rateLimitPerMinute: number | null;
  /** Stale when no new item for longer than this; null = may be quiet for any time. */
  expectedItemMinutes: number | null;
  /** The allowance the sync actually uses (own or the connector's); null when the connector is unknown. */
  rate: TRate | null;
  health: TSourceHealth;
  nextRunAt: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastItemAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  consecutiveFailures: number;
  retryAfter: string | null;
  itemsCollected: number;
  mentionsCount: number;
  createdAt: string;
  updatedAt: string;
};

export type TRate = { limit: number; intervalMs: number };

/** A connector as the source form sees it: its catalogue entry and its default request allowance. */
export type TConnectorInfo = TConnectorView & { rateLimit: TRate };

export type TCreateSourceInput = {
  connector: string;
  name: string;
  config: Record<string, unknown>;
  ownPlace?: boolean;
  intervalMinutes?: number;
  rateLimitPerMinute?: number | null;
  expectedItemMinutes?: number | null;
};

export type TUpdateSourceInput = {
  name?: string;
  config?: Record<string, unknown>;
  ownPlace?: boolean;
  intervalMinutes?: number;
  /** null resets to the connector's default. */
  rateLimitPerMinute?: number | null;
  /** null removes the expectation. */
  expectedItemMinutes?: number | null;
};

/** The catalogue with each connector's default allowance, so a form can show it. */
export function listConnectors(): TConnectorInfo[] {
  return connectorCatalogue().flatMap((view) => {
    const connector = lookupConnector(view.id);
    return connector ? [{ ...view, rateLimit: { ...connector.rateLimit } }] : [];
  });
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function present(row: TSourceRow, counts: Map<string, number>, showConfig: boolean, now: Date): TSourceView {
  const connector = lookupConnector(row.connector);
  const secretFields = connector ? [...connector.secretFields] : [];
  return {
    id: row.id,
    brandId: row.brandId,
    connector: row.connector,
    connectorTitle: connector?.title ?? null,
    sourceKind: connector?.sourceKind ?? null,
    name: row.name,
    config: showConfig && connector ? maskSecrets(row.config, secretFields) : null,
    secretFields,
    ownPlace: row.ownPlace,
    status: row.status,
    intervalMinutes: row.intervalMinutes,
    rateLimitPerMinute: row.rateLimitPerMinute,
    expectedItemMinutes: row.expectedItemMinutes,
    rate: connector ? rateOf(connector, row.rateLimitPerMinute) : null,
    health: sourceHealth(row, now, { expectedItemMinutes: row.expectedItemMinutes }),
    nextRunAt: row.nextRunAt.toISOString(),
    lastRunAt: iso(row.lastRunAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastItemAt: iso(row.lastItemAt),
    lastError: row.lastError,
    lastErrorKind: row.lastErrorKind,
    consecutiveFailures: row.consecutiveFailures,
    retryAfter: iso(row.retryAfter),
    itemsCollected: row.itemsCollected,
    mentionsCount: counts.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function requireWork(auth: TAuth, brandId: string): void {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles configure sources");
}

function requireConnector(id: string, path = "connector"): TConnector {
  const connector = lookupConnector(id);
  if (!connector) throw invalid(path, `unknown connector "${id}"`);
  return connector;
}

/** Validates a config with the connector's schema; errors name the field as `config.<path>`. */
function parseConfig(connector: TConnector, config: Record<string, unknown>): unknown {
  const parsed = connector.configSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error.issues).map((f) => ({
    path: f.path === "(body)" ? "config" : `config.${f.path}`,
    message: f.message,
  }));
  throw new AppError("validation_failed", `Invalid config: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, { fields });
}

function checkInterval(minutes: number | undefined): void {
  if (minutes === undefined) return;
  if (!Number.isInteger(minutes) || minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES)
    throw invalid("intervalMinutes", `between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES} minutes`);
}

/** The same bounds the route enforces, for callers that skip it (CLI, other use cases). */
function checkRange(path: string, value: number | null | undefined, min: number, max: number, unit: string): void {
  if (value == null) return;
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(path, `between ${min} and ${max}${unit}, or null for the default`);
}

function checkLimits(input: { rateLimitPerMinute?: number | null; expectedItemMinutes?: number | null }): void {
  checkRange("rateLimitPerMinute", input.rateLimitPerMinute, MIN_RATE_PER_MINUTE, MAX_RATE_PER_MINUTE, " requests per minute");
  checkRange("expectedItemMinutes", input.expectedItemMinutes, MIN_EXPECTED_ITEM_MINUTES, MAX_EXPECTED_ITEM_MINUTES, " minutes");
}

const clampInterval = (minutes: number) => Math.min(MAX_INTERVAL_MINUTES, Math.max(MIN_INTERVAL_MINUTES, Math.round(minutes)));

/**
 * Asks a worker to sync the source now. The row's `nextRunAt` is the truth the scheduler reads;
 * the job only makes it sooner, so a queue that is down or does not know the job is logged, not
 * an error.
 */
async function enqueueSync(app: TAppContext, sourceId: string): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the job queue did not answer")), ENQUEUE_TIMEOUT_MS);
    });
    await Promise.race([app.queue.send(SYNC_JOB, { sourceId }, { singletonKey: sourceId }), timeout]);
    return true;
  } catch (error) {
    app.logger.warn({ sourceId, err: errorMessage(error) }, "could not enqueue a source sync; the scheduler will pick it up");
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function listSources(app: TAppContext, auth: TAuth, brandId: string): Promise<TSourceView[]> {
  const rows = await listBrandSources(app.db, brandId);
  const counts = await mentionCountsBySource(app.db, brandId);
  const now = new Date();
  return rows.map((row) => present(row, counts, canWorkOnBrand(auth, brandId), now));
}

async function loadView(app: TAppContext, auth: TAuth, row: TSourceRow): Promise<TSourceView> {
  const counts = await mentionCountsBySource(app.db, row.brandId, [row.id]);
  return present(row, counts, canWorkOnBrand(auth, row.brandId), new Date());
}

export async function getSource(app: TAppContext, auth: TAuth, brandId: string, sourceId: string): Promise<TSourceView> {
  const row = await findBrandSource(app.db, brandId, sourceId);
  if (!row) throw notFound();
  return loadView(app, auth, row);
}

export async function createSource(app: TAppContext, auth: TAuth, brandId: string, input: TCreateSourceInput): Promise<TSourceView> {
  requireWork(auth, brandId);
  const connector = requireConnector(input.connector);
  const masked = maskedSecretsSent(input.config, connector.secretFields);
  if (masked.length > 0) throw invalid(`config.${masked[0]}`, "enter the secret itself, not the mask");
  const parsed = parseConfig(connector, input.config);
  checkInterval(input.intervalMinutes);
  checkLimits(input);
  const values: TNewSource = {
    brandId,
    connector: connector.id,
    name: input.name.trim(),
    config: input.config,
    ownPlace: input.ownPlace ?? connector.isOwnPlace(parsed),
    intervalMinutes: input.intervalMinutes ?? clampInterval(connector.defaultIntervalMinutes),
    rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    expectedItemMinutes: input.expectedItemMinutes ?? null,
  };
  const row = await app.db.transaction(async (tx) => {
    const source = await insertSource(tx, values);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "source.create",
      objectType: "source",
      objectId: source.id,
      brandId,
      details: {
        name: source.name,
        connector: source.connector,
        ownPlace: source.ownPlace,
        intervalMinutes: source.intervalMinutes,
        rateLimitPerMinute: source.rateLimitPerMinute,
        expectedItemMinutes: source.expectedItemMinutes,
      },
    });
    return source;
  });
  await enqueueSync(app, row.id);
  return loadView(app, auth, row);
}

export async function changeSource(
  app: TAppContext,
  auth: TAuth,
  brandId: string,
  sourceId: string,
  input: TUpdateSourceInput,
): Promise<TSourceView> {
  requireWork(auth, brandId);
  checkInterval(input.intervalMinutes);
  checkLimits(input);
  const row = await app.db.transaction(async (tx) => {
    const before = await findBrandSource(tx, brandId, sourceId);
    if (!before) throw notFound();
    const now = new Date();
    const patch: Partial<typeof sources.$inferInsert> = { updatedAt: now };
    const changed: string[] = [];
    if (input.name !== undefined && input.name.trim() !== before.name) {
      patch.name = input.name.trim();
      changed.push("name");
    }
    if (input.ownPlace !== undefined && input.ownPlace !== before.ownPlace) {
      patch.ownPlace = input.ownPlace;
      changed.push("ownPlace");
    }
    if (input.config !== undefined) {
      const connector = lookupConnector(before.connector);
      if (!connector) throw conflict(`The connector "${before.connector}" is not available in this version; its config cannot be changed`);
      const config = mergeSecrets(input.config, before.config, connector.secretFields);
      parseConfig(connector, config);
      const keys = changedConfigKeys(before.config, config);
      if (keys.length > 0) {
        patch.config = config;
        changed.push(...keys.map((k) => `config.${k}`));
        // New settings deserve a run soon; a new target also starts from a clean cursor.
        patch.nextRunAt = now;
        if (keys.some((k) => !connector.secretFields.includes(k))) patch.cursor = null;
      }
    }
    if (input.intervalMinutes !== undefined && input.intervalMinutes !== before.intervalMinutes) {
      patch.intervalMinutes = input.intervalMinutes;
      changed.push("intervalMinutes");
      if (!patch.nextRunAt && before.consecutiveFailures === 0) {
        const due = (before.lastRunAt ?? now).getTime() + input.intervalMinutes * 60_000;
        patch.nextRunAt = new Date(Math.max(now.getTime(), due));
      }
    }
    // The limiter and the health read these on their next use: no reschedule needed.
    if (input.rateLimitPerMinute !== undefined && input.rateLimitPerMinute !== before.rateLimitPerMinute) {
      patch.rateLimitPerMinute = input.rateLimitPerMinute;
      changed.push("rateLimitPerMinute");
    }
    if (input.expectedItemMinutes !== undefined && input.expectedItemMinutes !== before.expectedItemMinutes) {
      patch.expectedItemMinutes = input.expectedItemMinutes;
      changed.push("expectedItemMinutes");
    }
    if (changed.length === 0) return before;
    const source = await updateSource(tx, sourceId, patch);
    if (!source) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "source.update",
      objectType: "source",
      objectId: sourceId,
      brandId,
      details: { name: source.name, connector: source.connector, changed },
    });
    return source;
  });
  return loadView(app, auth, row);
}

export async function removeSource(app: TAppContext, auth: TAuth, brandId: string, sourceId: string): Promise<void> {
  requireWork(auth, brandId);
  await app.db.transaction(async (tx) => {
    const source = await findBrandSource(tx, brandId, sourceId);
    if (!source) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "source.delete",
      objectType: "source",
      objectId: sourceId,
      brandId,
      details: { name: source.name, connector: source.connector, itemsCollected: source.itemsCollected },
    });
    await deleteSource(tx, sourceId);
  });
}

/** Run now: due at once, and a sync job asked for (one per source at a time). */
export async function runSourceNow(app: TAppContext, auth: TAuth, brandId: string, sourceId: string) {
  requireWork(auth, brandId);
  const row = await app.db.transaction(async (tx) => {
    const source = await findBrandSource(tx, brandId, sourceId);
    if (!source) throw notFound();
    if (source.status === "paused") throw conflict("The source is paused; resume it first");
    const now = new Date();
    const updated = await updateSource(tx, sourceId, { nextRunAt: now, updatedAt: now });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "source.run",
      objectType: "source",
      objectId: sourceId,
      brandId,
      details: { name: source.name, connector: source.connector },
    });
    return updated ?? source;
  });
  const enqueued = await enqueueSync(app, sourceId);
  return { source: await loadView(app, auth, row), enqueued };
}

/** Pause keeps the cursor and the history; resume makes the source due at once. */
export async function setSourceStatus(app: TAppContext, auth: TAuth, brandId: string, sourceId: string, status: "active" | "paused") {
  requireWork(auth, brandId);
  const row = await app.db.transaction(async (tx) => {
    const source = await findBrandSource(tx, brandId, sourceId);
    if (!source) throw notFound();
    if (source.status === status) return source;
    const now = new Date();
    const updated = await updateSource(tx, sourceId, status === "active" ? { status, nextRunAt: now, updatedAt: now } : { status, updatedAt: now });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: status === "active" ? "source.resume" : "source.pause",
      objectType: "source",
      objectId: sourceId,
      brandId,
      details: { name: source.name, connector: source.connector },
    });
    return updated ?? source;
  });
  return loadView(app, auth, row);
}
