import { IMPORT_FIELDS, type TColumnMapping, type TImportField, isImportField } from "./fields.ts";
import { type TPresetId, headerKey, presetMapping } from "./presets.ts";

/**
 * The mapping step: which file column fills which Mention field. A preset proposes one from the
 * header names; the person's choices (`--map "Текст поста=text"`, the UI's table) override it
 * column by column. The result is checked before a single row is read.
 */

/** Column indexes by field, with the (deduplicated) header names the indexes point into. */
export type TColumnPlan = { headers: string[]; columns: Partial<Record<TImportField, number>> };

/** A mapping that cannot work; `problems` say which column or field, one line each. */
export class MappingError extends Error {
  /** The file's columns, when known: shown so the person can write `--map`. */
  headers: string[] | undefined;

  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "MappingError";
  }
}

/** Header cells as names: blanks become "Column C", repeats get " (2)" — every column addressable. */
export function headerNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `Column ${columnLetter(i)}`;
    const n = (seen.get(headerKey(base)) ?? 0) + 1;
    seen.set(headerKey(base), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Overrides: column → field, or null/"" to leave a column out. */
export type TMappingOverrides = Record<string, TImportField | null>;

/**
 * `--map` values: `"Текст поста=text,Дата=publishedAt"`, repeatable; `Колонка=` leaves one out.
 * Field names hold no commas, so a piece without `=` is part of the next column's name
 * ("Дата, время=publishedAt").
 */
export function parseMapArgs(values: readonly string[]): TMappingOverrides {
  const out: TMappingOverrides = {};
  const problems: string[] = [];
  for (const value of values) {
    let pending = "";
    for (const piece of value.split(",")) {
      if (!piece.includes("=")) {
        pending += `${piece},`;
        continue;
      }
      const pair = pending + piece;
      pending = "";
      const eq = pair.lastIndexOf("=");
      const column = pair.slice(0, eq).trim();
      const field = pair.slice(eq + 1).trim();
      if (!column) problems.push(`--map "${pair}": expected column=field`);
      else if (field === "" || field === "-") out[column] = null;
      else if (isImportField(field)) out[column] = field;
      else problems.push(`--map "${pair}": unknown field "${field}"; fields: ${IMPORT_FIELDS.join(", ")}`);
    }
    if (pending.replace(/,/g, "").trim()) problems.push(`--map "${pending.replace(/,$/, "")}": expected column=field`);
  }
  if (problems.length) throw new MappingError(problems);
  return out;
}

/** The preset's proposal with the overrides applied, checked; throws MappingError. */
export function resolveMapping(headers: readonly string[], preset: TPresetId, overrides: TMappingOverrides = {}): { mapping: TColumnMapping; plan: TColumnPlan } {
  const { mapping, problems } = proposeMapping(headers, preset, overrides);
  if (problems.length) throw new MappingError(problems);
  const plan = planOf(headers, mapping);
  const missing = missingFields(plan);
  if (missing.length) throw new MappingError(missing);
  return { mapping, plan };
}

/** The preset's proposal with the overrides applied, and what is wrong with the overrides. */
export function proposeMapping(headers: readonly string[], preset: TPresetId, overrides: TMappingOverrides = {}): { mapping: TColumnMapping; problems: string[] } {
  const mapping: TColumnMapping = presetMapping(preset, headers);
  const problems: string[] = [];
  const byKey = new Map(headers.map((h) => [headerKey(h), h]));
  const explicit = new Map<TImportField, string>();
  for (const [column, field] of Object.entries(overrides)) {
    const header = headers.includes(column) ? column : byKey.get(headerKey(column));
    if (!header) {
      problems.push(`no column "${column}" in the file; its columns: ${headers.map((h) => `"${h}"`).join(", ")}`);
      continue;
    }
    if (field && !isImportField(field)) {
      problems.push(`column "${header}": unknown field "${String(field)}"`);
      continue;
    }
    if (field) {
      const before = explicit.get(field);
      if (before && before !== header) problems.push(`field ${field} is mapped to two columns: "${before}" and "${header}"`);
      explicit.set(field, header);
      // The field moves here: whichever column the preset gave it to lets go.
      for (const [other, f] of Object.entries(mapping)) if (f === field && other !== header && !isOverridden(overrides, other, byKey)) delete mapping[other];
      mapping[header] = field;
    } else delete mapping[header];
  }
  return { mapping, problems };
}

function isOverridden(overrides: TMappingOverrides, header: string, byKey: Map<string, string>): boolean {
  return Object.keys(overrides).some((column) => column === header || byKey.get(headerKey(column)) === header);
}

export function planOf(headers: readonly string[], mapping: TColumnMapping): TColumnPlan {
  const columns: TColumnPlan["columns"] = {};
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return { headers: [...headers], columns };
}

/** What every row needs: some text and a publication date. */
export function missingFields(plan: TColumnPlan): string[] {
  const problems: string[] = [];
  const has = (field: TImportField) => plan.columns[field] !== undefined;
  if (!has("text") && !has("title")) problems.push('no column is mapped to "text" (or "title"): map one, e.g. --map "Текст=text"');
  if (!has("publishedAt") && !has("date")) problems.push('no column is mapped to the publication date ("publishedAt", or "date" with "time"): map one, e.g. --map "Дата=publishedAt"');
  return problems;
}
