import ExcelJS from "exceljs";
import type { TCell } from "./cell-values.ts";
import { ImportFileError, type TImportFile } from "./import-file.ts";
import type { TTableRow } from "./map-row.ts";
import { HEADER_SEARCH_ROWS, type TTable, findHeaderRow, headersOf, isBlankRow } from "./table.ts";

/**
 * XLSX exports. The workbook is loaded whole: ExcelJS's streaming reader drops hyperlinks, and an
 * export's "Ссылка" column is often a link whose text is not the URL. Date-formatted cells arrive
 * as dates, formulas as their results. Of several sheets, the one whose header row names the most
 * known columns is read (exports put a summary sheet beside the mentions).
 */
export async function openXlsx(file: TImportFile): Promise<TTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await file.readAll()) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(`${file.name} is not a readable XLSX workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  let best: { sheet: ExcelJS.Worksheet; index: number; score: number } | undefined;
  for (const sheet of workbook.worksheets) {
    const leading: TCell[][] = [];
    for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); r++) leading.push(rowCells(sheet.getRow(r)));
    if (leading.every(isBlankRow)) continue;
    const found = findHeaderRow(leading);
    if (!best || found.score > best.score) best = { sheet, ...found };
  }
  if (!best) throw new ImportFileError(`${file.name} has no rows`);
  const { sheet } = best;
  const headerRow = best.index + 1;
  const headers = headersOf(rowCells(sheet.getRow(headerRow)));
  const last = sheet.rowCount;
  let done = 0;

  async function* rows(): AsyncGenerator<TTableRow> {
    for (let r = headerRow + 1; r <= last; r++) {
      done = r - headerRow;
      const cells = rowCells(sheet.getRow(r));
      if (!isBlankRow(cells)) yield { row: r, cells };
    }
  }

  return {
    headers,
    headerRow,
    rows: rows(),
    position: () => ({ unit: "rows", done, total: Math.max(0, last - headerRow) }),
    close: () => undefined,
    details: { sheet: sheet.name },
  };
}

function rowCells(row: ExcelJS.Row): TCell[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  // ExcelJS rows are 1-based sparse arrays.
  const cells: TCell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
  return cells;
}

type TExcelValue = ExcelJS.CellValue | undefined;

function cellOf(value: TExcelValue): TCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value !== "object") return null;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) {
    const text = cellOf(value.text as TExcelValue);
    const shown = typeof text === "string" ? text : text === null ? "" : String(text);
    return { text: shown, link: String(value.hyperlink) };
  }
  if ("result" in value) return cellOf(value.result as TExcelValue);
  if ("error" in value) return null;
  return null;
}
