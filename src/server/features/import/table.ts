import { type TCell, cellText } from "./cell-values.ts";
import { headerNames } from "./column-mapping.ts";
import type { TTableRow } from "./map-row.ts";
import { headerScore } from "./presets.ts";

/**
 * A CSV or a worksheet as rows under a header. Exports often start with a title block
 * ("Выгрузка по теме …", the period, the filters) before the real header row, so the header is
 * the row among the first few that names the most known columns.
 */
export type TTable = {
  headers: string[];
  /** Number of the header row as a spreadsheet shows it (1-based). */
  headerRow: number;
  rows: AsyncIterable<TTableRow>;
  /** How far the reader is, for the progress bar. */
  position(): TPosition;
  /** Lets go of the file when the rows will not be read to the end. */
  close(): void;
  details: { encoding?: string; delimiter?: string; sheet?: string };
};

/** Bytes of the file consumed, or rows of an already loaded workbook; total when known. */
export type TPosition = { unit: "bytes" | "rows"; done: number; total: number | undefined };

export const HEADER_SEARCH_ROWS = 20;

/** Index (into `rows`) of the header row, and how sure: the count of known column names. */
export function findHeaderRow(rows: readonly (readonly TCell[])[]): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
    const score = headerScore(cells.map((c) => cellText(c)));
    if (score > best.score) best = { index, score };
  });
  if (best.score >= 2) return best;
  // Nothing we know: the first row with two filled cells is the header.
  const index = rows.findIndex((cells) => cells.filter((c) => cellText(c) !== "").length >= 2);
  return { index: index >= 0 ? index : 0, score: best.score };
}

export function headersOf(cells: readonly TCell[]): string[] {
  let width = cells.length;
  while (width > 0 && cellText(cells[width - 1]) === "") width--;
  return headerNames(cells.slice(0, width).map((c) => cellText(c)));
}

export const isBlankRow = (cells: readonly TCell[]): boolean => cells.every((c) => cellText(c) === "");
