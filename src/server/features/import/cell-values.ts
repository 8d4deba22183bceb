/**
 * Reading one cell of an export: text, links, counts and — the hard part — dates, which come as
 * Excel serial numbers, as Date cells, as "01.03.2026 10:20" in the exporting account's time zone,
 * split over a date and a time column, or as ISO strings with an offset.
 */

/** One cell as a parser hands it over: a hyperlink keeps its display text and its target. */
export type TCell = string | number | boolean | Date | { text: string; link?: string } | null | undefined;

export function cellText(cell: TCell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? cell.toISOString() : "";
  if (typeof cell === "object") return cell.text.trim();
  return String(cell).trim();
}

/** A link cell's target, else its text. */
export function cellUrl(cell: TCell): string {
  if (cell && typeof cell === "object" && !(cell instanceof Date) && cell.link) return cell.link.trim();
  return cellText(cell);
}

/** "1 234", "1,5", "2.3K", "1,2 тыс." → a number; empty or unreadable → undefined. */
export function cellNumber(cell: TCell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  const text = cellText(cell).toLowerCase().replace(/[\s\u00a0\u202f]/g, "");
  if (!text) return undefined;
  const match = /^([+-]?\d+(?:[.,]\d+)?)(k|к|тыс\.?|m|м|млн\.?)?$/.exec(text);
  if (!match) return undefined;
  const base = Number((match[1] ?? "").replace(",", "."));
  const suffix = match[2] ?? "";
  const factor = /^(k|к|тыс)/.test(suffix) ? 1_000 : /^(m|м|млн)/.test(suffix) ? 1_000_000 : 1;
  const value = base * factor;
  return Number.isFinite(value) ? value : undefined;
}

// ---------- time zones ----------

/** Checks a `--tz` value: an IANA name ("Europe/Moscow", "UTC") or a fixed offset ("+03:00"). */
export function isValidTimeZone(tz: string): boolean {
  if (/^[+-]\d{2}:?\d{2}$/.test(tz)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets by zone and hour: zones change offset on (quarter-)hour boundaries, and Intl is slow. */
const offsets = new Map<string, number>();

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(tz: string, instantMs: number): number {
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (fixed) return (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  const key = `${tz}|${Math.floor(instantMs / 900_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zoneOffset(tz, instantMs);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function zoneOffset(tz: string, instantMs: number): number {
  let format = formatters.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instantMs))) if (part.type !== "literal") parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((wall - (instantMs - (instantMs % 1000))) / 60_000);
}

type TWall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** A wall-clock time in `tz` as an instant (the later one when a clock change repeats an hour). */
export function wallToInstant(wall: TWall, tz: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  let guess = asUtc - offsetMinutes(tz, asUtc) * 60_000;
  guess = asUtc - offsetMinutes(tz, guess) * 60_000;
  return new Date(guess);
}

// ---------- dates ----------

/** Days from 1899-12-30 (Excel's day 0, leap-year bug included) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

/** Excel serials of plausible publication dates (1970–2100); anything else is not a serial. */
const isExcelSerial = (n: number) => n >= EXCEL_EPOCH_DAYS && n < 73051;

function wallOfUtcFields(ms: number): TWall {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  ["январ", "jan"],
  ["феврал", "feb"],
  ["март", "мар", "mar"],
  ["апрел", "apr"],
  ["ма", "may"],
  ["июн", "jun"],
  ["июл", "jul"],
  ["август", "aug"],
  ["сентябр", "sep"],
  ["октябр", "oct"],
  ["ноябр", "nov"],
  ["декабр", "dec"],
].entries()) {
  for (const n of names) MONTHS[n] = i + 1;
}

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (w === "мая" || w === "май") return 5;
  for (const [prefix, month] of Object.entries(MONTHS)) if (prefix.length > 2 && w.startsWith(prefix)) return month;
  return undefined;
}

function validWall(wall: TWall): TWall | undefined {
  const { year, month, day, hour, minute, second } = wall;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined; // 31.02
  return wall;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

function timeParts(text: string | undefined, ampm?: string): Pick<TWall, "hour" | "minute" | "second"> | undefined {
  if (!text) return { hour: 0, minute: 0, second: 0 };
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?$/.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  if (ampm) {
    const pm = ampm.toLowerCase() === "pm";
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return { hour, minute: Number(m[2]), second: Number(m[3] ?? 0) };
}

/**
 * A date (and maybe time) written as text, as a wall time or — with an offset — as an instant.
 * Day-first unless the numbers say otherwise (03/25/2026 can only be March 25th).
 */
function parseDateText(input: string): TWall | Date | undefined {
  const text = input.trim().replace(/\s+/g, " ");
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const ms = Date.parse(text.replace(" ", "T").replace(/\s+(?=[Z+-])/i, ""));
    return Number.isFinite(ms) ? new Date(ms) : undefined;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ,]+(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[.,]\d+)?))?$/.exec(text);
  if (m) {
    const time = timeParts(m[4]);
    return time && validWall({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time });
  }
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[T ,]+(?:в )?(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?: ?(am|pm))?)?$/i.exec(text);
  if (m) {
    let day = Number(m[1]);
    let month = Number(m[3]);
    if (m[2] === "/" && month > 12 && day <= 12) [day, month] = [month, day];
    const time = timeParts(m[5], m[6]);
    return time && validWall({ year: fullYear(m[4] ?? ""), month, day, ...time });
  }
  m = /^(\d{1,2}) ([a-zа-яё]+\.?),? (\d{4})(?: ?г\.?)?(?:[ ,]+(?:в )?(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?))?$/i.exec(text);
  if (m) {
    const month = monthOf(m[2] ?? "");
    const time = timeParts(m[4]);
    return month && time ? validWall({ year: Number(m[3]), month, day: Number(m[1]), ...time }) : undefined;
  }
  const ms = Date.parse(text);
  return /[a-z]/i.test(text) && Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * The publication instant of a date cell (optionally with a separate time cell). Wall times are
 * read in `tz`; Excel Date cells are wall times too (Excel has no zones). Undefined = unreadable.
 */
export function cellDate(dateCell: TCell, timeCell: TCell, tz: string): Date | undefined {
  const wall = dateWall(dateCell);
  if (!wall) return undefined;
  if (wall instanceof Date) return wall;
  const time = timeCell === undefined || timeCell === null || cellText(timeCell) === "" ? null : timeOfDay(timeCell);
  if (time === undefined) return undefined;
  const dayOnly = wall.hour === 0 && wall.minute === 0 && wall.second === 0;
  return wallToInstant(time && dayOnly ? { ...wall, ...time } : wall, tz);
}

function dateWall(cell: TCell): TWall | Date | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isFinite(cell.getTime()) ? wallOfUtcFields(cell.getTime()) : undefined;
  if (typeof cell === "number") return numericDate(cell);
  const text = cellText(cell);
  if (/^\d+(\.\d+)?$/.test(text)) return numericDate(Number(text));
  return parseDateText(text);
}

/** An Excel serial (a wall time), or a Unix time in seconds or milliseconds (an instant). */
function numericDate(n: number): TWall | Date | undefined {
  if (isExcelSerial(n)) return wallOfUtcFields(Math.round((n - EXCEL_EPOCH_DAYS) * DAY_MS / 1000) * 1000);
  if (n >= 1e9 && n < 1e10) return new Date(n * 1000);
  if (n >= 1e12 && n < 1e13) return new Date(n);
  return undefined;
}

/** "10:20", "10:20:05", 0.43 (a fraction of a day), or Excel's 1899-12-30T10:20 time cell. */
function timeOfDay(cell: TCell): Pick<TWall, "hour" | "minute" | "second"> | undefined {
  if (cell instanceof Date) {
    const w = wallOfUtcFields(cell.getTime());
    return { hour: w.hour, minute: w.minute, second: w.second };
  }
  const n = typeof cell === "number" ? cell : /^0?\.\d+$/.test(cellText(cell)) ? Number(cellText(cell)) : undefined;
  if (n !== undefined) {
    if (n < 0 || n >= 1) return undefined;
    const seconds = Math.round(n * 86_400);
    return { hour: Math.floor(seconds / 3600), minute: Math.floor((seconds % 3600) / 60), second: seconds % 60 };
  }
  const text = cellText(cell);
  const m = /^(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?: ?(am|pm))?$/i.exec(text);
  const time = m ? timeParts(m[1], m[2]) : undefined;
  return time && time.hour < 24 && time.minute < 60 && time.second < 61 ? time : undefined;
}
