/** Shapes of the classification API as documented in docs/API.md ("Classification"). */

export const LABEL_FIELDS = ["sentiment", "negative_type"] as const;
export type TLabelField = (typeof LABEL_FIELDS)[number];

export type TAccuracyWeek = { weekStart: string; n: number; correct: number; accuracy: number | null };

export type TAccuracy = {
  field: TLabelField;
  verified: number;
  correct: number;
  accuracy: number | null;
  weeks: TAccuracyWeek[];
  /** Machine's label → specialist's label → how many. */
  confusion: Record<string, Record<string, number>>;
};

/** The provider as the server shows it: the key masked. */
export type TProviderSettings = {
  enabled: boolean;
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs?: number;
  maxConcurrency?: number;
  batchSize?: number;
  jsonMode?: boolean;
};

export type TClassificationSettings = {
  builtin: { version: string };
  adaptation: { corrections: number; baseModel: string | null; updatedAt: string | null };
  provider: TProviderSettings | null;
  secretFields: string[];
};
