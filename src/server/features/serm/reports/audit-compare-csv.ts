import type { TAuditComparison, TAuditFigure, TAuditSide } from "./audit-compare.ts";

/**
 * The audit as CSV, one row per query × engine × position with the two days side by side, the
 * query's Ex and negatives repeated on each of its rows; rows with an empty query and position
 * carry the Ex of each engine and (engine `all`) overall. UTF-8 with a BOM, so spreadsheets read
 * Cyrillic right. A side with no search that day is empty; a failed one says `failed` in its
 * status column.
 */
const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? String(Math.round(value * 100) / 100) : value;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const SIDE_COLUMNS = ["status", "ex", "negatives", "url", "domain", "title", "t", "class", "source"] as const;

function sideCells(side: TAuditSide | TAuditFigure | null, position: number | null): (string | number | null)[] {
  if (!side) return SIDE_COLUMNS.map(() => null);
  const status = "status" in side ? side.status : null;
  const result = position !== null && "results" in side ? side.results.find((r) => r.position === position) : undefined;
  return [status, side.ex, side.negatives, result?.url ?? null, result?.domain ?? null, result?.title ?? null, result?.t ?? null, result?.tonalityClass ?? null, result?.tonalitySource ?? null];
}

export function auditCsvOf(audit: TAuditComparison): string {
  const header = ["engine", "query", "frequency", "position", ...SIDE_COLUMNS.map((c) => `${c}_${audit.dayA}`), ...SIDE_COLUMNS.map((c) => `${c}_${audit.dayB}`)];
  const lines: (string | number | null)[][] = [header];
  lines.push(["all", null, null, null, ...sideCells(audit.overall.a, null), ...sideCells(audit.overall.b, null)]);
  for (const e of audit.engines) lines.push([e.engine, null, null, null, ...sideCells(e.a, null), ...sideCells(e.b, null)]);
  for (const row of audit.rows) {
    const deepest = Math.max(0, ...[row.a, row.b].flatMap((s) => s?.results.map((r) => r.position) ?? []));
    if (deepest === 0) lines.push([row.engine, row.query, row.frequency, null, ...sideCells(row.a, null), ...sideCells(row.b, null)]);
    for (let position = 1; position <= deepest; position++) {
      lines.push([row.engine, row.query, row.frequency, position, ...sideCells(row.a, position), ...sideCells(row.b, position)]);
    }
  }
  return `\uFEFF${lines.map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
}
