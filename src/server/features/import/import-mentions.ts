import type { TAppContext } from "../../context.ts";
import { notFound } from "../../lib/errors.ts";
import { type TActor, recordAudit } from "../audit/record-audit.ts";
import { type TIngestClassifier, type TIngestTarget, ingestBatch } from "../ingest/ingest-batch.ts";
import { classifierForBrand } from "../classification/brand-classifier.ts";
import { defaultIngestClassifier } from "../ingest/ingest-classifier.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { type TNormalizedMention, normalizeItem } from "../ingest/normalize-item.ts";
import { isValidTimeZone } from "./cell-values.ts";
import { MappingError, type TMappingOverrides, resolveMapping } from "./column-mapping.ts";
import { type TImportFormat, detectFormat } from "./detect-format.ts";
import type { TColumnMapping } from "./fields.ts";
import type { TImportFile } from "./import-file.ts";
import { mapJsonLine } from "./map-jsonl.ts";
import { type TMapResult, type TRejection, mapTableRow } from "./map-row.ts";
import { openCsv } from "./parse-csv.ts";
import { openJsonl } from "./parse-jsonl.ts";
import { openXlsx } from "./parse-xlsx.ts";
import { type TPresetId, detectPreset } from "./presets.ts";
import { countUnmatched, brandForImport } from "./queries.ts";
import type { TPosition } from "./table.ts";

/**
 * Imports a file of mentions into a brand through the same pipeline as the connectors
 * (normalize → match → dedupe → classify → store), a few hundred rows per transaction. Every
 * row keeps a stable external id, so importing the same file again adds nothing; rows no
 * semantic-core rule matches are kept with `matched = false`. Rows that cannot be read are
 * skipped and reported by number and column; the rest are stored.
 */
export const DEFAULT_TIME_ZONE = "Europe/Moscow";
export const IMPORT_CONNECTOR_VERSION = "import@1";
/** Rejections listed in the summary; the count covers all of them. */
export const MAX_LISTED_REJECTIONS = 20;

export type TImportRequest = {
  brandId: string;
  file: TImportFile;
  format?: TImportFormat;
  /** For CSV/XLSX; detected from the headers when left out. */
  preset?: TPresetId;
  overrides?: TMappingOverrides;
  /** Zone of the export's local date/time strings (IANA name or ±hh:mm). */
  timeZone?: string;
  /** Read, map and run the pipeline, then roll every batch back. */
  dryRun?: boolean;
  actor: TActor;
  onProgress?: (progress: TImportProgress) => void;
  batchSize?: number;
  classifier?: TIngestClassifier;
  now?: () => Date;
};

export type TImportProgress = { position: TPosition; read: number; stored: number; rejected: number };

export type TImportSummary = {
  brand: { id: string; name: string };
  file: string;
  format: TImportFormat;
  preset: TPresetId | null;
  mapping: TColumnMapping | null;
  details: { encoding?: string; delimiter?: string; sheet?: string; headerRow?: number };
  dryRun: boolean;
  /** Data rows read from the file (blank rows are not counted). */
  read: number;
  inserted: number;
  updated: number;
  /** Already stored with the same content, or repeated within the file. */
  unchanged: number;
  /** The same post or article already stored from another source (same canonical URL). */
  duplicates: number;
  /** Inserted without any semantic-core rule matching (kept, match recorded as false). */
  unmatched: number;
  rejected: number;
  rejections: TRejection[];
  seconds: number;
};

class DryRunRollback extends Error {}

type TOpened = {
  results: AsyncIterable<TMapResult>;
  position: () => TPosition;
  preset: TPresetId | null;
  mapping: TColumnMapping | null;
  details: TImportSummary["details"];
};

export async function openImport(file: TImportFile, options: { format?: TImportFormat; preset?: TPresetId; overrides?: TMappingOverrides; timeZone: string }): Promise<TOpened & { format: TImportFormat }> {
  const format = options.format ?? (await detectFormat(file));
  if (format === "jsonl") {
    const jsonl = openJsonl(file);
    return { format, results: mapEach(jsonl.lines, mapJsonLine), position: jsonl.position, preset: null, mapping: null, details: {} };
  }
  const table = format === "csv" ? await openCsv(file) : await openXlsx(file);
  const preset = options.preset ?? detectPreset(table.headers);
  let resolved: ReturnType<typeof resolveMapping>;
  try {
    resolved = resolveMapping(table.headers, preset, options.overrides);
  } catch (error) {
    table.close();
    if (error instanceof MappingError) error.headers = table.headers;
    throw error;
  }
  const { mapping, plan } = resolved;
  const tz = options.timeZone;
  return {
    format,
    results: mapEach(table.rows, (row) => mapTableRow(row, plan, tz)),
    position: table.position,
    preset,
    mapping,
    details: { ...table.details, headerRow: table.headerRow },
  };
}

async function* mapEach<T>(rows: AsyncIterable<T>, map: (row: T) => TMapResult): AsyncGenerator<TMapResult> {
  for await (const row of rows) yield map(row);
}

export async function importMentions(app: TAppContext, request: TImportRequest): Promise<TImportSummary> {
  const started = performance.now();
  const timeZone = request.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new Error(`unknown time zone "${timeZone}"`);
  const brand = await brandForImport(app.db, request.brandId);
  if (!brand) throw notFound(`brand ${request.brandId} not found`);
  const opened = await openImport(request.file, { format: request.format, preset: request.preset, overrides: request.overrides, timeZone });
  const now = request.now ?? (() => new Date());
  const classifier = request.classifier ?? (await defaultIngestClassifier());
  const batchSize = request.batchSize ?? 500;
  const dryRun = request.dryRun ?? false;
  const target: TIngestTarget = { brandId: brand.id, sourceId: null, origin: "import", keepUnmatched: true, connectorVersion: IMPORT_CONNECTOR_VERSION };
  const summary: TImportSummary = {
    brand: { id: brand.id, name: brand.name },
    file: request.file.name,
    format: opened.format,
    preset: opened.preset,
    mapping: opened.mapping,
    details: opened.details,
    dryRun,
    read: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    unmatched: 0,
    rejected: 0,
    rejections: [],
    seconds: 0,
  };
  const report = () => request.onProgress?.({ position: opened.position(), read: summary.read, stored: summary.inserted + summary.updated + summary.unchanged + summary.duplicates, rejected: summary.rejected });

  let batch: TNormalizedMention[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    try {
      await app.db.transaction(async (tx) => {
        const matcher = await brandMatcher(tx, brand.id);
        const { stats, insertedIds } = await ingestBatch(tx, target, items, { matcher, classifier: await classifierForBrand(tx, target.brandId, classifier, app.config), now: now() });
        summary.inserted += stats.inserted;
        summary.updated += stats.updated;
        summary.unchanged += stats.unchanged;
        summary.duplicates += stats.duplicates;
        summary.unmatched += await countUnmatched(tx, insertedIds);
        if (dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    report();
  };

  let failure: unknown;
  try {
    for await (const result of opened.results) {
      summary.read++;
      if (!result.ok) {
        summary.rejected++;
        if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(result.rejection);
      } else {
        const { sourceKind, item, sentiment } = result.value;
        batch.push({ ...normalizeItem(sourceKind, item, now()), sentiment });
        if (batch.length >= batchSize) await flush();
      }
      report();
    }
    await flush();
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    summary.seconds = Math.round((performance.now() - started) / 100) / 10;
    if (!dryRun && summary.read > 0) {
      await recordAudit(app.db, {
        workspaceId: brand.workspaceId,
        actor: request.actor,
        action: "mentions.import",
        objectType: "brand",
        objectId: brand.id,
        brandId: brand.id,
        details: {
          file: summary.file,
          format: summary.format,
          preset: summary.preset,
          read: summary.read,
          inserted: summary.inserted,
          updated: summary.updated,
          unchanged: summary.unchanged,
          duplicates: summary.duplicates,
          rejected: summary.rejected,
          ...(failure ? { error: failure instanceof Error ? failure.message : String(failure) } : {}),
        },
      }).catch((error: unknown) => app.logger.warn({ err: error }, "import audit entry not recorded"));
    }
  }
  return summary;
}
