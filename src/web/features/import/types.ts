/** Shapes of the import routes (docs/API.md, "Import"). */
export const IMPORT_FIELDS = [
  "externalId", "url", "publishedAt", "date", "time", "title", "text", "authorName", "authorHandle", "authorUrl", "authorId",
  "source", "sourceType", "kind", "sentiment", "lang", "rating", "likes", "dislikes", "replies", "shares", "views", "pros", "cons", "parentUrl",
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_PRESETS = ["youscan", "brand_analytics", "generic"] as const;
export type TImportPreset = (typeof IMPORT_PRESETS)[number];
export type TImportFormat = "jsonl" | "csv" | "xlsx";

export type TImportDetails = { encoding?: string; delimiter?: string; sheet?: string; headerRow?: number };

export type TPreviewRow =
  | { row: number; ok: true; sourceKind: string; kind: string; externalId: string; publishedAt: string; author: string | null; title: string | null; text: string; url: string; sentiment: string | null }
  | { row: number; ok: false; column: string | null; reason: string };

export type TInspection = {
  file: string;
  size: number;
  format: TImportFormat;
  details: TImportDetails;
  preset: TImportPreset | null;
  detectedPreset: TImportPreset | null;
  columns: { name: string; field: TImportField | null; samples: string[] }[];
  mapping: Record<string, TImportField>;
  problems: string[];
  fields: TImportField[];
  preview: TPreviewRow[];
};

export type TImportSummary = {
  brand: { id: string; name: string };
  file: string;
  format: TImportFormat;
  preset: TImportPreset | null;
  details: TImportDetails;
  dryRun: boolean;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  unmatched: number;
  rejected: number;
  rejections: { row: number; column?: string; reason: string }[];
  seconds: number;
};

/** Column → field, or null to leave the column out. */
export type TColumnChoices = Record<string, TImportField | null>;

export type TImportOptions = { preset?: TImportPreset; tz?: string; mapping?: TColumnChoices; dryRun?: boolean };

/** Keep in step with IMPORT_MAX_BYTES on the server. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
