import { parse } from "csv-parse/sync";
import { detectDelimiter, detectEncoding } from "../import/parse-csv.ts";
import { SEARCH_ENGINES, isSearchEngine } from "./default-tables.ts";
import type { TQuerySerp, TSerpResult } from "./ex-index.ts";
import { TonalityError, parseTonalityCell } from "./tonality.ts";

/**
 * An audit table as a specialist keeps it — one row per result, header required:
 *
 *   engine,query,frequency,position,url,tonality
 *   yandex,бренд отзывы,4000,2,https://otzovik.com/…,12/30/50
 *
 * into the inputs of computeEx, grouped by engine and query. `,` `;` tab or `|` between fields,
 * UTF-8 (BOM or not) or Windows-1251. Other columns are ignored. Every problem names its row (the
 * header is row 1, as a spreadsheet shows it) and column; all of them are reported at once.
 */
export const AUDIT_COLUMNS = ["engine", "query", "frequency", "position", "url", "tonality"] as const;
type TAuditColumn = (typeof AUDIT_COLUMNS)[number];

export class AuditCsvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "AuditCsvError";
  }
}

export type TAuditCsvOptions = {
  /** Weighting queries by frequency needs it in every row; otherwise an empty cell is fine. */
  requireFrequency?: boolean;
};

const MAX_PROBLEMS = 20;

export function decodeAuditCsv(bytes: Buffer): string {
  const { encoding, bom } = detectEncoding(bytes);
  return new TextDecoder(encoding).decode(bytes.subarray(bom));
}

export function parseAuditCsv(text: string, options: TAuditCsvOptions = {}): TQuerySerp[] {
  const records = readRecords(text);
  const headerIndex = records.findIndex((cells) => !isBlank(cells));
  const header = records[headerIndex];
  if (!header) throw new AuditCsvError([`the file has no rows: the first row must be the header ${AUDIT_COLUMNS.join(",")}`]);
  const columns = locateColumns(header, headerIndex + 1);

  const problems: string[] = [];
  const groups = new Map<string, { serp: TQuerySerp & { results: TSerpResult[] }; frequencyRow: number; positions: Map<number, number> }>();
  for (let index = headerIndex + 1; index < records.length && problems.length < MAX_PROBLEMS; index++) {
    const cells = records[index] ?? [];
    if (isBlank(cells)) continue;
    const row = index + 1;
    const cell = (column: TAuditColumn) => (cells[columns[column]] ?? "").trim();
    const problem = (column: TAuditColumn, message: string) => problems.push(`row ${row}, column ${column}: ${message}`);

    const engineName = cell("engine").toLowerCase();
    const engine = isSearchEngine(engineName) ? engineName : undefined;
    if (!engine) problem("engine", engineName === "" ? "is empty" : `unknown engine "${cell("engine")}" (known: ${SEARCH_ENGINES.join(", ")})`);
    const query = cell("query");
    if (query === "") problem("query", "is empty");
    const frequency = parseFrequency(cell("frequency"), options.requireFrequency === true, (message) => problem("frequency", message));
    const position = parsePosition(cell("position"), (message) => problem("position", message));
    const url = cell("url");
    if (url === "") problem("url", "is empty");
    let tonality: ReturnType<typeof parseTonalityCell> | undefined;
    try {
      tonality = parseTonalityCell(cell("tonality"));
    } catch (error) {
      if (!(error instanceof TonalityError)) throw error;
      problem("tonality", error.message);
    }
    if (!engine || query === "" || position === undefined || url === "" || !tonality || frequency === null) continue;

    const key = `${engine}\u0000${query}`;
    const group = groups.get(key) ?? { serp: { engine, query, frequency, results: [] }, frequencyRow: row, positions: new Map<number, number>() };
    groups.set(key, group);
    if (frequency !== group.serp.frequency) {
      problem("frequency", `${frequency ?? "empty"} differs from ${group.serp.frequency ?? "empty"} in row ${group.frequencyRow} for the same query and engine`);
    }
    const earlier = group.positions.get(position);
    if (earlier !== undefined) problem("position", `position ${position} of "${query}" on ${engine} is already in row ${earlier}`);
    group.positions.set(position, row);
    group.serp.results.push({ position, url, ...tonality });
  }
  if (problems.length > 0) throw new AuditCsvError(problems.length >= MAX_PROBLEMS ? [...problems, "(stopped after 20 problems)"] : problems);
  return [...groups.values()].map((group) => group.serp);
}

function readRecords(text: string): string[][] {
  try {
    return parse(text, { delimiter: detectDelimiter(text.slice(0, 64 * 1024)), bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new AuditCsvError([`not a readable CSV: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

function locateColumns(header: readonly string[], row: number): Record<TAuditColumn, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = AUDIT_COLUMNS.filter((column) => !names.includes(column));
  const doubled = AUDIT_COLUMNS.filter((column) => names.indexOf(column) !== names.lastIndexOf(column));
  const problems = [
    ...(missing.length > 0 ? [`row ${row} (header): missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; the header must name ${AUDIT_COLUMNS.join(",")}`] : []),
    ...doubled.map((column) => `row ${row} (header): column ${column} appears twice`),
  ];
  if (problems.length > 0) throw new AuditCsvError(problems);
  return Object.fromEntries(AUDIT_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<TAuditColumn, number>;
}

/** A number of searches a month: `20000`, `20 000`; undefined when empty, null when wrong. */
function parseFrequency(text: string, required: boolean, problem: (message: string) => void): number | undefined | null {
  if (text === "") {
    if (!required) return undefined;
    problem("is empty (needed to weight queries by frequency; or choose --query-weights equal|ctr)");
    return null;
  }
  const value = Number(text.replace(/[\s\u00a0]/g, "").replace(",", "."));
  if (!Number.isFinite(value) || value < 0) {
    problem(`"${text}" is not a number of searches ≥ 0`);
    return null;
  }
  return value;
}

function parsePosition(text: string, problem: (message: string) => void): number | undefined {
  const value = Number(text);
  if (text === "" || !Number.isInteger(value) || value < 1) {
    problem(text === "" ? "is empty" : `"${text}" is not a position (a whole number ≥ 1)`);
    return undefined;
  }
  return value;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

