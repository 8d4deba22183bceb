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

export type TConnector = {
  id: string;
  title: { en: string; ru: string };
  sourceKind: string;
  capabilities: TCapabilities;
  defaultIntervalMinutes: number;
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
};
