import { cellText } from "./cell-values.ts";
import { type TMappingOverrides, missingFields, planOf, proposeMapping } from "./column-mapping.ts";
import { type TImportFormat, detectFormat } from "./detect-format.ts";
import { IMPORT_FIELDS, type TColumnMapping, type TImportField } from "./fields.ts";
import type { TImportFile } from "./import-file.ts";
import { mapJsonLine } from "./map-jsonl.ts";
import { type TMapResult, type TTableRow, mapTableRow } from "./map-row.ts";
import { openCsv } from "./parse-csv.ts";
import { openJsonl } from "./parse-jsonl.ts";
import { openXlsx } from "./parse-xlsx.ts";
import { type TPresetId, detectPreset } from "./presets.ts";

/**
 * The mapping step's view of a file, before anything is stored: its format, the detected preset,
 * each column with the field it would fill and its first values, and how the first rows read.
 */
export const PREVIEW_ROWS = 5;

export type TPreviewRow =
  | { row: number; ok: true; sourceKind: string; kind: string; externalId: string; publishedAt: string; author: string | null; title: string | null; text: string; url: string; sentiment: string | null }
  | { row: number; ok: false; column: string | null; reason: string };

export type TInspection = {
  file: string;
  size: number;
  format: TImportFormat;
  details: { encoding?: string; delimiter?: string; sheet?: string; headerRow?: number };
  preset: TPresetId | null;
  detectedPreset: TPresetId | null;
  columns: { name: string; field: TImportField | null; samples: string[] }[];
  mapping: TColumnMapping;
  /** What keeps the mapping from working (an unknown column, no text column …). */
  problems: string[];
  fields: readonly TImportField[];
  preview: TPreviewRow[];
};

export async function inspectImportFile(
  file: TImportFile,
  options: { format?: TImportFormat; preset?: TPresetId; overrides?: TMappingOverrides; timeZone: string },
): Promise<TInspection> {
  const format = options.format ?? (await detectFormat(file));
  const base = { file: file.name, size: file.size, format, fields: IMPORT_FIELDS };
  if (format === "jsonl") {
    const { lines } = openJsonl(file);
    const preview: TPreviewRow[] = [];
    for await (const line of lines) {
      preview.push(previewOf(mapJsonLine(line)));
      if (preview.length >= PREVIEW_ROWS) break;
    }
    return { ...base, details: {}, preset: null, detectedPreset: null, columns: [], mapping: {}, problems: [], preview };
  }
  const table = format === "csv" ? await openCsv(file) : await openXlsx(file);
  const sample: TTableRow[] = [];
  for await (const row of table.rows) {
    sample.push(row);
    if (sample.length >= PREVIEW_ROWS) break;
  }
  const detectedPreset = detectPreset(table.headers);
  const preset = options.preset ?? detectedPreset;
  const { mapping, problems } = proposeMapping(table.headers, preset, options.overrides);
  const plan = planOf(table.headers, mapping);
  const missing = missingFields(plan);
  const preview = missing.length || problems.length ? [] : sample.map((row) => previewOf(mapTableRow(row, plan, options.timeZone)));
  return {
    ...base,
    details: { ...table.details, headerRow: table.headerRow },
    preset,
    detectedPreset,
    columns: table.headers.map((name, i) => ({
      name,
      field: mapping[name] ?? null,
      samples: sample.map((row) => clip(cellText(row.cells[i]), 120)),
    })),
    mapping,
    problems: [...problems, ...missing],
    preview,
  };
}

function previewOf(result: TMapResult): TPreviewRow {
  if (!result.ok) return { row: result.rejection.row, ok: false, column: result.rejection.column ?? null, reason: result.rejection.reason };
  const { item, sourceKind, sentiment } = result.value;
  return {
    row: result.row,
    ok: true,
    sourceKind,
    kind: item.kind,
    externalId: item.externalId,
    publishedAt: item.publishedAt,
    author: item.author.name ?? item.author.handle ?? null,
    title: item.title ?? null,
    text: clip(item.text, 300),
    url: item.url,
    sentiment,
  };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
