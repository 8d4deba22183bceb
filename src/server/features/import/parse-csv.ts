import { Transform } from "node:stream";
import { parse } from "csv-parse";
import type { TCell } from "./cell-values.ts";
import { ImportFileError, type TImportFile } from "./import-file.ts";
import type { TTableRow } from "./map-row.ts";
import { HEADER_SEARCH_ROWS, type TTable, findHeaderRow, headersOf, isBlankRow } from "./table.ts";

/**
 * CSV as exports write it: UTF-8 with or without a BOM, Windows-1251 from a Russian Excel,
 * UTF-16 "Unicode text"; `;` (a Russian Excel's list separator), `,`, tab or `|` between
 * fields; quoted cells with line breaks and doubled quotes inside. Streamed: a file of any
 * size is read once, row by row.
 */
export type TCsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Buffer): { encoding: TCsvEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "windows-1251", bom: 0 };
  }
}

const DELIMITERS = [";", ",", "\t", "|"] as const;

/**
 * The separator that splits the most of the first lines into the same number of fields (a title
 * line above the header has none, and is outvoted).
 */
export function detectDelimiter(sample: string): string {
  const lines = logicalLines(sample).slice(0, 20);
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const tally = new Map<number, number>();
    for (const line of lines) {
      const count = countOutsideQuotes(line, delimiter);
      if (count > 0) tally.set(count, (tally.get(count) ?? 0) + 1);
    }
    for (const [count, lineCount] of tally) {
      const score = lineCount * 1000 + count;
      if (score > best.score) best = { delimiter, score };
    }
  }
  return best.delimiter;
}

/** Lines of a CSV sample, a quoted line break kept inside its line. */
function logicalLines(sample: string): string[] {
  const lines: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of sample) {
    if (char === '"') quoted = !quoted;
    if ((char === "\n" || char === "\r") && !quoted) {
      if (current.trim()) lines.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  if (current.trim()) lines.push(current);
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/** Counts the raw bytes the parser has pulled, for byte-based progress. */
function byteCounter(onBytes: (n: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}

function decoder(encoding: TCsvEncoding, skip: number): Transform {
  const text = new TextDecoder(encoding);
  let toSkip = skip;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, callback) {
      let bytes = chunk;
      if (toSkip > 0) {
        const cut = Math.min(toSkip, bytes.length);
        bytes = bytes.subarray(cut);
        toSkip -= cut;
      }
      callback(null, text.decode(bytes, { stream: true }));
    },
    flush(callback) {
      callback(null, text.decode());
    },
  });
}

export async function openCsv(file: TImportFile, options: { delimiter?: string } = {}): Promise<TTable> {
  const head = await file.head(SNIFF_BYTES);
  const { encoding, bom } = detectEncoding(head);
  const sample = new TextDecoder(encoding).decode(head.subarray(bom));
  const delimiter = options.delimiter ?? detectDelimiter(sample);
  let bytes = 0;
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  const source = file.open();
  const counted = source.pipe(byteCounter((n) => (bytes += n)));
  const decoded = counted.pipe(decoder(encoding, bom));
  decoded.pipe(parser);
  for (const stream of [source, counted, decoded]) stream.on("error", (error) => parser.destroy(error));

  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let recordNo = 0;
  const next = async (): Promise<TTableRow | undefined> => {
    try {
      const { value, done } = await records.next();
      if (done) return undefined;
      recordNo++;
      return { row: recordNo, cells: value as TCell[] };
    } catch (error) {
      throw new ImportFileError(`${file.name}: not a readable CSV after row ${recordNo}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const leading: TTableRow[] = [];
  // Blank lines are records too (kept, then skipped), so row numbers match what Excel shows.
  for (let i = 0; i < HEADER_SEARCH_ROWS; i++) {
    const row = await next();
    if (!row) break;
    leading.push(row);
  }
  if (leading.every((row) => isBlankRow(row.cells))) throw new ImportFileError(`${file.name} has no rows`);
  const { index } = findHeaderRow(leading.map((r) => r.cells));
  const headerRow = leading[index] as TTableRow;
  const headers = headersOf(headerRow.cells);

  async function* rows(): AsyncGenerator<TTableRow> {
    try {
      for (const row of leading.slice(index + 1)) if (!isBlankRow(row.cells)) yield row;
      for (let row = await next(); row; row = await next()) if (!isBlankRow(row.cells)) yield row;
    } finally {
      source.destroy();
    }
  }

  return {
    headers,
    headerRow: headerRow.row,
    rows: rows(),
    position: () => ({ unit: "bytes", done: bytes, total: file.size }),
    close: () => source.destroy(),
    details: { encoding, delimiter },
  };
}
