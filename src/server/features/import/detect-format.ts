import { ImportFileError, type TImportFile } from "./import-file.ts";

export const IMPORT_FORMATS = ["jsonl", "csv", "xlsx"] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

export const isImportFormat = (value: string): value is TImportFormat => (IMPORT_FORMATS as readonly string[]).includes(value);

/** The file's format by its first bytes (a ZIP is XLSX), then its extension, then its first character. */
export async function detectFormat(file: TImportFile): Promise<TImportFormat> {
  const head = await file.head(4096);
  if (head.length === 0) throw new ImportFileError(`${file.name} is empty`);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw new ImportFileError(`${file.name} is an old Excel 97–2003 workbook (.xls); save it as .xlsx or .csv and import that`);
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  if (extension === "jsonl" || extension === "ndjson" || extension === "json") return "jsonl";
  if (extension === "csv" || extension === "tsv" || extension === "txt") return "csv";
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return text.startsWith("{") ? "jsonl" : "csv";
}
