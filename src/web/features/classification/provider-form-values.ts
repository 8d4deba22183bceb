import type { TProviderSettings } from "./types.ts";

/**
 * The provider form and the body of PUT /classification/provider. Number fields left empty are
 * left out, so the server's defaults apply; the masked key sent back keeps the stored key.
 */
export const PROVIDER_NUMBERS = {
  timeoutMs: { min: 100, max: 300_000, fallback: 30_000 },
  maxConcurrency: { min: 1, max: 16, fallback: 2 },
  batchSize: { min: 1, max: 50, fallback: 20 },
} as const;
export type TProviderNumber = keyof typeof PROVIDER_NUMBERS;

export const PROVIDER_FIELDS = ["enabled", "baseUrl", "model", "apiKey", "timeoutMs", "maxConcurrency", "batchSize", "jsonMode"] as const;
export type TProviderField = (typeof PROVIDER_FIELDS)[number];

export type TProviderFormValues = {
  enabled: boolean;
  baseUrl: string;
  model: string;
  apiKey: string;
  jsonMode: boolean;
} & Record<TProviderNumber, number | string>;

export type TProviderBody = { enabled: boolean; baseUrl: string; model: string; apiKey: string; jsonMode: boolean } & Partial<Record<TProviderNumber, number>>;

/** What the form starts with: the stored provider, or a new one switched on (saving it is the choice to use it). */
export function providerFormValues(provider: TProviderSettings | null): TProviderFormValues {
  return {
    enabled: provider ? provider.enabled : true,
    baseUrl: provider?.baseUrl ?? "",
    model: provider?.model ?? "",
    apiKey: provider?.apiKey ?? "",
    jsonMode: provider?.jsonMode ?? true,
    timeoutMs: provider?.timeoutMs ?? "",
    maxConcurrency: provider?.maxConcurrency ?? "",
    batchSize: provider?.batchSize ?? "",
  };
}

export function providerBody(values: TProviderFormValues): TProviderBody {
  const body: TProviderBody = {
    enabled: values.enabled,
    baseUrl: values.baseUrl.trim(),
    model: values.model.trim(),
    apiKey: values.apiKey.trim(),
    jsonMode: values.jsonMode,
  };
  for (const key of Object.keys(PROVIDER_NUMBERS) as TProviderNumber[]) {
    const raw = values[key];
    const n = typeof raw === "number" ? raw : raw.trim() === "" ? Number.NaN : Number(raw);
    if (Number.isFinite(n)) body[key] = n;
  }
  return body;
}

/** Fields the form can tell are missing before asking the server. */
export function missingProviderFields(values: TProviderFormValues): TProviderField[] {
  const missing: TProviderField[] = [];
  if (!values.baseUrl.trim()) missing.push("baseUrl");
  if (!values.model.trim()) missing.push("model");
  if (!values.apiKey.trim()) missing.push("apiKey");
  return missing;
}

/** The server names a bad field `provider.<field>` (docs/API.md). */
export const providerErrorPath = (field: TProviderField): string => `provider.${field}`;

/** An advanced field carries an error or a value other than the default: the advanced part is opened. */
export function advancedNeedsOpening(values: TProviderFormValues, errorFields: readonly string[]): boolean {
  const advanced: TProviderField[] = ["timeoutMs", "maxConcurrency", "batchSize", "jsonMode"];
  if (advanced.some((f) => errorFields.includes(providerErrorPath(f)))) return true;
  return (Object.keys(PROVIDER_NUMBERS) as TProviderNumber[]).some((k) => values[k] !== "" && Number(values[k]) !== PROVIDER_NUMBERS[k].fallback) || !values.jsonMode;
}
