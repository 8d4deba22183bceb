import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TCell } from "./cell-values.ts";
import { detectFormat } from "./detect-format.ts";
import { ImportFileError, fileFromBuffer } from "./import-file.ts";
import { BA_HEADERS, YOUSCAN_HEADERS_RU, brandAnalyticsCsv, youscanXlsx } from "./import-test-fixtures.ts";
import type { TTableRow } from "./map-row.ts";
import { detectDelimiter, detectEncoding, openCsv } from "./parse-csv.ts";
import { openJsonl } from "./parse-jsonl.ts";
import { openXlsx } from "./parse-xlsx.ts";

async function all(rows: AsyncIterable<TTableRow>): Promise<TTableRow[]> {
  const out: TTableRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const cp1251 = (text: string) => Buffer.from([...text].map((ch) => (ch >= "А" && ch <= "я" ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));

describe("CSV", () => {
  it("reads a BOM, `;`, CRLF and quoted cells with line breaks and doubled quotes", async () => {
    const csv = brandAnalyticsCsv([
      { date: "01.03.2026", time: "10:20", text: 'Первая строка\r\nвторая; с "кавычками"', author: "Олег", platform: "ВКонтакте", messageType: "Пост" },
      { date: "02.03.2026", time: "11:00", text: "просто", author: "Анна", platform: "Telegram", messageType: "Комментарий" },
    ]);
    const table = await openCsv(fileFromBuffer("ba.csv", csv));
    expect(table.headers).toEqual(BA_HEADERS);
    expect(table.details).toEqual({ encoding: "utf-8", delimiter: ";" });
    const rows = await all(table.rows);
    expect(rows.map((r) => r.row)).toEqual([2, 3]);
    expect(rows[0]?.cells[3]).toBe('Первая строка\r\nвторая; с "кавычками"');
    expect(rows[1]?.cells.slice(0, 2)).toEqual(["02.03.2026", "11:00"]);
    expect(table.position()).toEqual({ unit: "bytes", done: csv.length, total: csv.length });
  });

  it("tells `;`, `,` and tab apart, ignoring separators inside quotes", () => {
    expect(detectDelimiter('Дата;Текст;Ссылка\n01.03.2026;"a, b, c, d";x\n')).toBe(";");
    expect(detectDelimiter('date,text,url\n2026-03-01,"a; b; c; d",x\n')).toBe(",");
    expect(detectDelimiter("date\ttext\turl\n1\t2\t3\n")).toBe("\t");
  });

  it("reads Windows-1251 and UTF-16 files, and skips a title block above the header", async () => {
    expect(detectEncoding(cp1251("Дата;Текст")).encoding).toBe("windows-1251");
    const legacy = Buffer.concat([cp1251("Выгрузка по теме Нортвинд\r\n\r\nДата;Автор;Текст;Ссылка\r\n01.03.2026 10:20;Иван;Привет, банк;https://vk.com/wall-1_1\r\n")]);
    const table = await openCsv(fileFromBuffer("export.csv", legacy));
    expect(table).toMatchObject({ headers: ["Дата", "Автор", "Текст", "Ссылка"], headerRow: 3, details: { encoding: "windows-1251", delimiter: ";" } });
    expect((await all(table.rows)).map((r) => [r.row, r.cells[2]])).toEqual([[4, "Привет, банк"]]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Date\tText\n2026-03-01\tПривет\n", "utf16le")]);
    const unicode = await openCsv(fileFromBuffer("u.txt", utf16));
    expect(unicode.details).toEqual({ encoding: "utf-16le", delimiter: "\t" });
    expect((await all(unicode.rows))[0]?.cells).toEqual(["2026-03-01", "Привет"]);
  });

  it("names blank and repeated headers so every column can be mapped", async () => {
    const table = await openCsv(fileFromBuffer("x.csv", Buffer.from("Текст,,Ссылка,Ссылка\na,b,c,d\n")));
    expect(table.headers).toEqual(["Текст", "Column B", "Ссылка", "Ссылка (2)"]);
  });

  it("a file without rows is an error that says so", async () => {
    await expect(openCsv(fileFromBuffer("empty.csv", Buffer.from("\n\n")))).rejects.toThrow(ImportFileError);
  });
});

describe("XLSX", () => {
  it("finds the mentions sheet and its header row below a title block; dates, links and formulas read as values", async () => {
    const buffer = await youscanXlsx(
      [{ date: new Date("2026-03-01T10:20:00Z"), source: "vk.com", postType: "Пост", author: "Иван", text: "Текст\nв две строки", url: "https://vk.com/wall-1_2" }],
      { linkText: "Открыть" },
    );
    const table = await openXlsx(fileFromBuffer("ys.xlsx", buffer));
    expect(table).toMatchObject({ headers: YOUSCAN_HEADERS_RU, headerRow: 4, details: { sheet: "Упоминания" } });
    const [row] = await all(table.rows);
    expect(row?.row).toBe(5);
    expect(row?.cells[0]).toEqual(new Date("2026-03-01T10:20:00Z"));
    expect(row?.cells[8]).toBe("Текст\nв две строки");
    expect(row?.cells[9]).toEqual({ text: "Открыть", link: "https://vk.com/wall-1_2" });
    expect(table.position()).toEqual({ unit: "rows", done: 1, total: 1 });
  });

  it("keeps serial numbers of unformatted date cells, rich text and formula results", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["Date", "Text", "Likes"]);
    sheet.addRow([46082.4305555556, { richText: [{ text: "Нортвинд " }, { text: "жирным", font: { bold: true } }] }, { formula: "2+3", result: 5 }]);
    const table = await openXlsx(fileFromBuffer("d.xlsx", Buffer.from(await workbook.xlsx.writeBuffer())));
    const [row] = await all(table.rows);
    expect(row?.cells as TCell[]).toEqual([46082.4305555556, "Нортвинд жирным", 5]);
  });

  it("a damaged workbook is an error naming the file", async () => {
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(openXlsx(fileFromBuffer("broken.xlsx", zipHeader))).rejects.toThrow(/broken\.xlsx is not a readable XLSX/);
  });
});

describe("JSONL and format detection", () => {
  it("yields non-blank lines with their numbers, a BOM removed", async () => {
    const { lines } = openJsonl(fileFromBuffer("m.jsonl", Buffer.from('\uFEFF{"a":1}\n\n{"b":2}\r\n')));
    const out = [];
    for await (const line of lines) out.push(line);
    expect(out).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
    ]);
  });

  it("knows XLSX by its bytes, JSONL and CSV by extension or first character, and refuses .xls", async () => {
    expect(await detectFormat(fileFromBuffer("export", await youscanXlsx([])))).toBe("xlsx");
    expect(await detectFormat(fileFromBuffer("a.ndjson", Buffer.from("{}")))).toBe("jsonl");
    expect(await detectFormat(fileFromBuffer("upload", Buffer.from('\n{"text":"x"}')))).toBe("jsonl");
    expect(await detectFormat(fileFromBuffer("upload", Buffer.from("Дата;Текст")))).toBe("csv");
    await expect(detectFormat(fileFromBuffer("old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))).rejects.toThrow(/Excel 97/);
  });
});
