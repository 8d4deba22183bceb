/** Shapes of the sources API (docs/API.md, "Sources"). */
export type TSourceHealth = "ok" | "failing" | "paused" | "pending" | "stale";

export type TCapabilities = { keywordSearch: boolean; placeReviews: boolean; ownPageComments: boolean; reply: boolean };

/** A JSON Schema node, as far as the config form reads it. */
export type TJsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  anyOf?: TJsonSchema[];
};

/** At most `limit` requests every `intervalMs` milliseconds. */
export type TRate = { limit: number; intervalMs: number };

export type TConnector = {
  id: string;
  title: { en: string; ru: string };
  sourceKind: string;
  capabilities: TCapabilities;
  defaultIntervalMinutes: number;
  /** The default allowance of each source made of this connector. */
  rateLimit: TRate;
  secretFields: string[];
  configSchema: TJsonSchema;
};

export type TSource = {
  id: string;
  brandId: string;
  connector: string;
  connectorTitle: { en: string; ru: string } | null;
  sourceKind: string | null;
  name: string;
  config: Record<string, unknown> | null;
  secretFields: string[];
  ownPlace: boolean;
  status: "active" | "paused";
  intervalMinutes: number;
  /** Own allowance; null = the connector's default. */
  rateLimitPerMinute: number | null;
  /** Stale when no new item for longer than this; null = no expectation. */
  expectedItemMinutes: number | null;
  /** The allowance in effect; null when the connector is unknown. */
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

export type TSourceInput = {
  connector?: string;
  name: string;
  config: Record<string, unknown>;
  ownPlace?: boolean;
  intervalMinutes: number;
  /** null = the connector's default (on PATCH: back to it). */
  rateLimitPerMinute?: number | null;
  /** null = no expectation. */
  expectedItemMinutes?: number | null;
};
