import ExcelJS from "exceljs";

/**
 * Files in the shapes the services export, written by the tests themselves (no real customer
 * data): a YouScan-like XLSX with a title block, a summary sheet and hyperlink cells; a Brand
 * Analytics-like CSV with `;`, a BOM, separate date and time columns and multi-line quoted text;
 * JSONL lines of the common Mention record.
 */
export type TFixtureMention = {
  date: Date | number | string;
  source: string;
  resourceType?: string;
  postType: string;
  author: string;
  authorUrl?: string;
  title?: string;
  text: string;
  url?: string;
  sentiment?: string;
  likes?: number;
};

export const YOUSCAN_HEADERS_RU = [
  "Дата", "Источник", "Тип ресурса", "Тип поста", "Автор", "Ссылка на автора", "Место публикации", "Заголовок", "Текст", "Ссылка",
  "Тональность", "Теги", "Вовлеченность", "Лайки", "Комментарии", "Репосты", "Аудитория", "Язык", "Страна", "Город",
];

export const YOUSCAN_HEADERS_EN = [
  "Date", "Source", "Resource type", "Post type", "Author", "Author URL", "Publication place", "Title", "Text", "URL",
  "Sentiment", "Tags", "Engagement", "Likes", "Comments", "Reposts", "Audience", "Language", "Country", "City",
];

/** A YouScan-like export: a summary sheet first, then the mentions under a three-line title block. */
export async function youscanXlsx(mentions: readonly TFixtureMention[], options: { english?: boolean; linkText?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet(options.english ? "Summary" : "Сводка");
  summary.addRow(["Тема", "Нортвинд Банк"]);
  summary.addRow(["Период", "01.03.2026 – 31.03.2026"]);
  const sheet = workbook.addWorksheet(options.english ? "Mentions" : "Упоминания");
  sheet.addRow([options.english ? "YouScan mentions export" : "Экспорт упоминаний YouScan"]);
  sheet.addRow([options.english ? "Topic: Northwind" : "Тема: Нортвинд Банк"]);
  sheet.addRow([]);
  sheet.addRow(options.english ? YOUSCAN_HEADERS_EN : YOUSCAN_HEADERS_RU);
  for (const m of mentions) {
    const row = sheet.addRow([
      m.date, m.source, m.resourceType ?? "Соцсеть", m.postType, m.author, m.authorUrl ?? null, "Стена сообщества", m.title ?? null, m.text,
      m.url ? (options.linkText ? { text: options.linkText, hyperlink: m.url } : m.url) : null,
      m.sentiment ?? null, "банк; отзывы", 12, m.likes ?? 0, 2, 1, 1500, "ru", "Россия", "Москва",
    ]);
    if (m.date instanceof Date || typeof m.date === "number") row.getCell(1).numFmt = "dd.mm.yyyy hh:mm";
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const BA_HEADERS = ["Дата", "Время", "Заголовок", "Текст", "Ссылка", "Автор", "Ссылка на автора", "Площадка", "Тип площадки", "Тип сообщения", "Тональность", "Аудитория", "Вовлеченность", "Регион"];

const quote = (value: string | number | undefined) => {
  const text = value === undefined ? "" : String(value);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A Brand Analytics-like CSV: BOM, `;`, CRLF, date and time in two columns, quoted multi-line texts. */
export function brandAnalyticsCsv(rows: readonly { date: string | number; time?: string; title?: string; text: string; url?: string; author: string; platform: string; platformType?: string; messageType: string; sentiment?: string }[]): Buffer {
  const lines = [BA_HEADERS.map(quote).join(";")];
  for (const r of rows) {
    lines.push(
      [r.date, r.time ?? "", r.title ?? "", r.text, r.url ?? "", r.author, "", r.platform, r.platformType ?? "", r.messageType, r.sentiment ?? "", 2500, 40, "Москва"].map(quote).join(";"),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}

/** JSONL of Mention records (CONNECTORS.md §3 field names). */
export function mentionJsonl(records: readonly Record<string, unknown>[]): Buffer {
  return Buffer.from(`${records.map((r) => JSON.stringify(r)).join("\n")}\n`, "utf8");
}
