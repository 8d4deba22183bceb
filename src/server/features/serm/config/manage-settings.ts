import type { TAppContext } from "../../../context.ts";
import { SERM_ENGINES, type TSermEngine, type TSermQueryWeighting } from "../../../db/schema/serm.ts";
import { fieldErrors } from "../../../http/validation.ts";
import { AppError, type TFieldError } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { canWorkOnBrand } from "../../accounts/permissions.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { configJsonSchema } from "../../sources/connector-catalogue.ts";
import { SECRET_MASK, maskSecrets, mergeSecrets } from "../../sources/source-secrets.ts";
import { CTR_TABLES, ENGINE_WEIGHT_PROFILES, isCtrTableId, isEngineWeightProfileId } from "../default-tables.ts";
import { isTimeZone } from "../local-day.ts";
import type { TSerpProvider } from "../providers/provider.ts";
import { allSerpProviders, findSerpProvider } from "../providers/registry.ts";
import { requireSermWork } from "../serm-access.ts";
import { findSettingsRow, saveSettingsRow } from "./queries.ts";
import { type TSermSettings, settingsOf } from "./serm-settings.ts";

/**
 * A brand's SERM settings: which provider serves each engine and with which keys, when the
 * daily scan runs, screenshots, and how Ex is computed. Keys never leave the server: a response
 * shows the mask where one is set, and a change that sends the mask back or leaves the field out
 * keeps the stored key. Changing how Ex is computed recomputes the stored series.
 */
export const MIN_FRESHNESS_DAYS = 1;
export const MAX_FRESHNESS_DAYS = 365;
export const MAX_PROVIDER_RATE_PER_MINUTE = 60_000;

export type TSermSettingsView = Omit<TSermSettings, "providerConfigs" | "updatedAt"> & {
  /** Secrets masked; null for client roles. */
  providerConfigs: Record<string, Record<string, unknown>> | null;
  updatedAt: string | null;
};

export type TSettingsInput = {
  engineProviders?: Partial<Record<TSermEngine, string | null>>;
  providerConfigs?: Record<string, Record<string, unknown> | null>;
  providerRateLimits?: Record<string, number | null>;
  scansEnabled?: boolean;
  scanHour?: number;
  timeZone?: string;
  serpScreenshots?: boolean;
  pageScreenshots?: boolean;
  screenshotFreshnessDays?: number;
  ctrTable?: string;
  monotoneCtr?: boolean;
  engineWeightProfile?: string;
  engineWeights?: Partial<Record<TSermEngine, number>>;
  queryWeighting?: TSermQueryWeighting;
  exDepth?: 10 | 20;
};

/** Settings that change the stored Ex series when they change. */
const EX_FIELDS = ["ctrTable", "monotoneCtr", "engineWeightProfile", "engineWeights", "queryWeighting", "exDepth"] as const;

export type TProviderInfo = {
  id: string;
  title: { en: string; ru: string };
  engines: string[];
  devices: string[];
  secretFields: string[];
  rateLimit: { limit: number; intervalMs: number };
  configSchema: Record<string, unknown>;
};

export function providerCatalogue(): TProviderInfo[] {
  return allSerpProviders().map((p) => ({
    id: p.id,
    title: p.title,
    engines: [...p.engines],
    devices: [...p.devices],
    secretFields: [...p.secretFields],
    rateLimit: { ...p.rateLimit },
    configSchema: configJsonSchema(p.configSchema),
  }));
}

export function sermTables() {
  return {
    ctrTables: Object.entries(CTR_TABLES).map(([id, table]) => ({ id, label: table.label, source: table.source, values: [...table.values], unverifiedPositions: "unverifiedPositions" in table ? [...table.unverifiedPositions] : [] })),
    engineWeightProfiles: Object.entries(ENGINE_WEIGHT_PROFILES).map(([id, profile]) => ({ id, label: profile.label, asOf: profile.asOf, source: profile.source, weights: { ...profile.weights } })),
  };
}

function present(settings: TSermSettings, showSecrets: boolean): TSermSettingsView {
  const configs: Record<string, Record<string, unknown>> = {};
  for (const [id, config] of Object.entries(settings.providerConfigs)) {
    configs[id] = maskSecrets(config, findSerpProvider(id)?.secretFields ?? []);
  }
  return { ...settings, providerConfigs: showSecrets ? configs : null, updatedAt: settings.updatedAt?.toISOString() ?? null };
}

export async function loadSettings(app: TAppContext, brandId: string): Promise<TSermSettings> {
  return settingsOf(await findSettingsRow(app.db, brandId));
}

export async function getSettings(app: TAppContext, auth: TAuth, brandId: string): Promise<TSermSettingsView> {
  return present(await loadSettings(app, brandId), canWorkOnBrand(auth, brandId));
}

function parseProviderConfig(provider: TSerpProvider, config: Record<string, unknown>, problems: TFieldError[]): void {
  const parsed = provider.configSchema.safeParse(config);
  if (parsed.success) return;
  for (const f of fieldErrors(parsed.error.issues)) {
    problems.push({ path: f.path === "(body)" ? `providerConfigs.${provider.id}` : `providerConfigs.${provider.id}.${f.path}`, message: f.message });
  }
}

/** The settings `input` makes of `before`, with every problem named by its field. */
function applyInput(before: TSermSettings, input: TSettingsInput): { next: TSermSettings; problems: TFieldError[] } {
  const problems: TFieldError[] = [];
  const next: TSermSettings = { ...before, providerConfigs: { ...before.providerConfigs }, providerRateLimits: { ...before.providerRateLimits }, engineProviders: { ...before.engineProviders } };
  for (const [id, config] of Object.entries(input.providerConfigs ?? {})) {
    const provider = findSerpProvider(id);
    if (!provider) {
      problems.push({ path: `providerConfigs.${id}`, message: `unknown provider "${id}"` });
      continue;
    }
    if (config === null) {
      delete next.providerConfigs[id];
      continue;
    }
    const stored = before.providerConfigs[id] ?? {};
    const masked = provider.secretFields.filter((f) => config[f] === SECRET_MASK && stored[f] === undefined);
    for (const field of masked) problems.push({ path: `providerConfigs.${id}.${field}`, message: "enter the secret itself, not the mask" });
    if (masked.length > 0) continue;
    const merged = mergeSecrets(config, stored, provider.secretFields);
    parseProviderConfig(provider, merged, problems);
    next.providerConfigs[id] = merged;
  }
  for (const [id, limit] of Object.entries(input.providerRateLimits ?? {})) {
    if (!findSerpProvider(id)) problems.push({ path: `providerRateLimits.${id}`, message: `unknown provider "${id}"` });
    else if (limit === null) delete next.providerRateLimits[id];
    else next.providerRateLimits[id] = limit;
  }
  for (const [engine, id] of Object.entries(input.engineProviders ?? {}) as [TSermEngine, string | null][]) {
    if (id === null) {
      delete next.engineProviders[engine];
      continue;
    }
    const provider = findSerpProvider(id);
    if (!provider) problems.push({ path: `engineProviders.${engine}`, message: `unknown provider "${id}"` });
    else if (!provider.engines.includes(engine)) problems.push({ path: `engineProviders.${engine}`, message: `${provider.title.en} does not return ${engine} results` });
    else next.engineProviders[engine] = id;
  }
  for (const engine of SERM_ENGINES) {
    const id = next.engineProviders[engine];
    if (id && !next.providerConfigs[id] && !problems.some((p) => p.path.startsWith(`providerConfigs.${id}`))) {
      problems.push({ path: `providerConfigs.${id}`, message: `${findSerpProvider(id)?.title.en ?? id} serves ${engine} but has no config: enter its keys` });
    }
  }
  const scalars = ["scansEnabled", "scanHour", "timeZone", "serpScreenshots", "pageScreenshots", "screenshotFreshnessDays", "ctrTable", "monotoneCtr", "engineWeightProfile", "queryWeighting", "exDepth"] as const;
  for (const key of scalars) {
    if (input[key] !== undefined) Object.assign(next, { [key]: input[key] });
  }
  if (input.engineWeights !== undefined) next.engineWeights = { ...input.engineWeights };
  if (!isTimeZone(next.timeZone)) problems.push({ path: "timeZone", message: `"${next.timeZone}" is not an IANA time zone such as Europe/Moscow` });
  if (!isCtrTableId(next.ctrTable)) problems.push({ path: "ctrTable", message: `unknown CTR table "${next.ctrTable}" (known: ${Object.keys(CTR_TABLES).join(", ")})` });
  else if (CTR_TABLES[next.ctrTable].values.length < next.exDepth) {
    problems.push({ path: "exDepth", message: `the CTR table ${next.ctrTable} has ${CTR_TABLES[next.ctrTable].values.length} positions, fewer than ${next.exDepth}` });
  }
  if (!isEngineWeightProfileId(next.engineWeightProfile)) {
    problems.push({ path: "engineWeightProfile", message: `unknown profile "${next.engineWeightProfile}" (known: ${Object.keys(ENGINE_WEIGHT_PROFILES).join(", ")})` });
  }
  if (next.scansEnabled && Object.keys(next.engineProviders).length === 0) {
    problems.push({ path: "scansEnabled", message: "choose a provider for at least one engine before switching daily scans on" });
  }
  return { next, problems };
}

function changedKeys(before: TSermSettings, next: TSermSettings): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(next) as (keyof TSermSettings)[]) {
    if (key === "updatedAt" || key === "providerConfigs") continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) changed.push(key);
  }
  const ids = new Set([...Object.keys(before.providerConfigs), ...Object.keys(next.providerConfigs)]);
  for (const id of [...ids].sort()) {
    const a = before.providerConfigs[id] ?? {};
    const b = next.providerConfigs[id] ?? {};
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) changed.push(`providerConfigs.${id}.${k}`);
  }
  return changed;
}

export type TSaveSettingsOutcome = { settings: TSermSettingsView; exChanged: boolean };

export async function saveSettings(app: TAppContext, auth: TAuth, brandId: string, input: TSettingsInput): Promise<TSaveSettingsOutcome> {
  requireSermWork(auth, brandId);
  const saved = await app.db.transaction(async (tx) => {
    const before = settingsOf(await findSettingsRow(tx, brandId));
    const { next, problems } = applyInput(before, input);
    if (problems.length > 0) {
      throw new AppError("validation_failed", `Invalid settings: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, { fields: problems });
    }
    const changed = changedKeys(before, next);
    if (changed.length === 0) return { settings: before, changed };
    const { updatedAt: _u, ...values } = next;
    const row = await saveSettingsRow(tx, { brandId, ...values, updatedAt: new Date() });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "serm.settings.update",
      objectType: "serm_settings",
      objectId: brandId,
      brandId,
      details: { changed },
    });
    return { settings: settingsOf(row), changed };
  });
  const exChanged = saved.changed.some((k) => (EX_FIELDS as readonly string[]).includes(k));
  return { settings: present(saved.settings, true), exChanged };
}
