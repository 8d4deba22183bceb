import type { TJsonSchema, TRate } from "./types.ts";

/**
 * A connector's config form, read from its JSON Schema: one field per top-level property. The
 * server validates with the connector's own schema, so this only needs to draw a sensible form
 * and turn its values back into JSON; errors come back named `config.<key>`.
 */
export type TFieldKind = "text" | "url" | "secret" | "number" | "integer" | "boolean" | "enum" | "json";

export type TConfigField = {
  key: string;
  kind: TFieldKind;
  label: string;
  description: string | undefined;
  required: boolean;
  options: string[];
  min: number | undefined;
  max: number | undefined;
  maxLength: number | undefined;
  defaultValue: unknown;
  /** Optional with a default: shown under "Advanced settings". */
  advanced: boolean;
};

export type TFormValues = Record<string, string | boolean>;

/** `accessToken` → "Access token", `max_pages` → "Max pages". */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  const sentence = words.charAt(0).toUpperCase() + words.slice(1);
  return sentence.replace(/\b(api|url|id|vk|rss|css|ip)\b/gi, (w) => w.toUpperCase());
}

/** The non-null branch of `type: [x, "null"]` or `anyOf`. */
function effective(schema: TJsonSchema): TJsonSchema {
  const branch = schema.anyOf?.find((s) => s.type !== "null");
  const merged = branch ? { ...branch, ...schema, anyOf: undefined } : schema;
  const type = Array.isArray(merged.type) ? merged.type.find((t) => t !== "null") : merged.type;
  return { ...merged, type };
}

const SAFE_LIMIT = 1e12;
const bound = (value: number | undefined): number | undefined => (value === undefined || Math.abs(value) > SAFE_LIMIT ? undefined : value);

function kindOf(schema: TJsonSchema, secret: boolean): TFieldKind {
  if (schema.enum && schema.enum.every((v) => typeof v === "string")) return "enum";
  switch (schema.type) {
    case "boolean":
      return "boolean";
    case "integer":
      return "integer";
    case "number":
      return "number";
    case "string":
      if (secret) return "secret";
      return schema.format === "uri" || schema.format === "url" ? "url" : "text";
    case undefined:
      return secret ? "secret" : "text";
    default:
      return "json";
  }
}

export function configFields(schema: TJsonSchema, secretFields: readonly string[], hidden: readonly string[] = []): TConfigField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => !hidden.includes(key))
    .map(([key, raw]) => {
      const s = effective(raw);
      const kind = kindOf(s, secretFields.includes(key));
      const integer = kind === "integer";
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0) : undefined);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0) : undefined);
      const isRequired = required.has(key);
      return {
        key,
        kind,
        label: s.title ?? humanize(key),
        description: s.description,
        required: isRequired,
        options: kind === "enum" ? (s.enum as string[]) : [],
        min: bound(min),
        max: bound(max),
        maxLength: s.maxLength,
        defaultValue: s.default,
        advanced: !isRequired && s.default !== undefined && kind !== "boolean",
      };
    });
}

/** Form values for a new source (defaults of booleans) or from a stored config. */
export function initialValues(fields: readonly TConfigField[], config?: Record<string, unknown> | null): TFormValues {
  const values: TFormValues = {};
  for (const field of fields) {
    const stored = config?.[field.key];
    if (field.kind === "boolean") values[field.key] = typeof stored === "boolean" ? stored : field.defaultValue === true;
    else if (stored === undefined || stored === null) values[field.key] = "";
    else if (field.kind === "json" || typeof stored === "object") values[field.key] = JSON.stringify(stored);
    else values[field.key] = String(stored);
  }
  return values;
}

/** The config to send: empty fields left out (the server applies defaults), numbers as numbers. */
export function toConfig(fields: readonly TConfigField[], values: TFormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (typeof value === "boolean") {
      config[field.key] = value;
      continue;
    }
    if (value === undefined || value.trim() === "") continue;
    if (field.kind === "number" || field.kind === "integer") {
      const n = Number(value);
      config[field.key] = Number.isFinite(n) ? n : value;
    } else if (field.kind === "json") {
      try {
        config[field.key] = JSON.parse(value) as unknown;
      } catch {
        config[field.key] = value;
      }
    } else if (field.kind === "secret") {
      config[field.key] = value;
    } else {
      config[field.key] = value.trim();
    }
  }
  return config;
}

/** Required fields left empty, by key (the server says the rest). */
export function missingRequired(fields: readonly TConfigField[], values: TFormValues): string[] {
  return fields.filter((f) => f.required && f.kind !== "boolean" && String(values[f.key] ?? "").trim() === "").map((f) => f.key);
}

/** "30 min", "2 h", "1 d" parts for an interval in minutes. */
export function intervalParts(minutes: number): { unit: "m" | "h" | "d"; n: number } {
  if (minutes % 1440 === 0) return { unit: "d", n: minutes / 1440 };
  if (minutes % 60 === 0) return { unit: "h", n: minutes / 60 };
  return { unit: "m", n: minutes };
}

/** A request rate as requests per minute, to one decimal: `{limit: 1, intervalMs: 2000}` → 30. */
export function perMinute(rate: TRate): number {
  return Math.round((rate.limit * 600_000) / rate.intervalMs) / 10;
}
