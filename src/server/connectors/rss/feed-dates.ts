/**
 * Dates as feeds and pages actually write them. RSS promises RFC 822 and Atom RFC 3339, but
 * the wild has named zones (GMT, EST, MSK), missing seconds, two-digit years, Russian day and
 * month names ("Вт, 12 мар 2024"), "12.03.2024 10:00" and "March 12, 2024". Pure: a string in,
 * a Date or undefined out — never an Invalid Date, never a throw.
 *
 * A time without a zone is read in `defaultOffsetMinutes` (UTC unless the caller knows better).
 * An unknown zone name is read as UTC too: a date off by a few hours beats no date at all.
 */
export type TParseDateOptions = { defaultOffsetMinutes?: number };

const MONTH_PREFIXES: readonly (readonly string[])[] = [
  ["jan", "янв"],
  ["feb", "фев"],
  ["mar", "мар"],
  ["apr", "апр"],
  ["may", "май", "мая"],
  ["jun", "июн"],
  ["jul", "июл"],
  ["aug", "авг"],
  ["sep", "сен"],
  ["oct", "окт"],
  ["nov", "ноя"],
  ["dec", "дек"],
];

/** RFC 822 / 2822 zone names plus the ones Russian and European feeds use. Hours from UTC. */
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -5, edt: -4, cst: -6, cdt: -5, mst: -7, mdt: -6, pst: -8, pdt: -7,
  bst: 1, cet: 1, cest: 2, met: 1, mest: 2, eet: 2, eest: 3,
  msk: 3, msd: 4, jst: 9,
};

const TIME = String.raw`(?:,?\s*(?:в|at|T)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]\.?m\.?)?)?`;
const WORD = String.raw`[\p{L}]+\.?`;

// 2024-03-12T10:00:00.123+03:00, 2024-03-12 10:00, 2024-03-12
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}\s*(.*)$`, "iu");
// Tue, 12 Mar 2024 10:00:00 +0300 · 12 марта 2024 г. в 14:30 · 5-Mar-24 10:00 GMT
const DMY_NAMED = new RegExp(String.raw`^(?:${WORD},?\s+)?(\d{1,2})[\s-]+(${WORD})[\s,-]+(\d{4}|\d{2})(?:\s*(?:г\.|года?)\.?)?${TIME}\s*(.*)$`, "iu");
// March 12, 2024 · Tuesday, March 12 2024 10:00 PM
const MDY_NAMED = new RegExp(String.raw`^(?:${WORD},?\s+)?(${WORD})\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}\s*(.*)$`, "iu");
// asctime and its cousins: Tue Mar 12 10:00:00 2024 [+0300]
const ASCTIME = new RegExp(String.raw`^${WORD}\s+(${WORD})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{4})\s*(.*)$`, "iu");
// 12.03.2024 · 12.03.24 14:30
const DMY_DOTS = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})${TIME}\s*(.*)$`, "iu");

export function parseFeedDate(input: string | undefined | null, options: TParseDateOptions = {}): Date | undefined {
  const value = (input ?? "")
    .replace(/\([^)]*\)/g, " ") // "+0300 (MSK)": the comment repeats the zone
    .replace(/\s+/g, " ")
    .trim();
  if (!value) return undefined;
  const fallbackOffset = options.defaultOffsetMinutes ?? 0;

  let m = ISO.exec(value);
  if (m) return build(m[1], m[2], m[3], m.slice(4, 8), m[8], fallbackOffset);
  m = DMY_DOTS.exec(value);
  if (m) return build(year(m[3]), m[2], m[1], m.slice(4, 8), m[8], fallbackOffset);
  m = DMY_NAMED.exec(value);
  if (m) return build(year(m[3]), monthNumber(m[2]), m[1], m.slice(4, 8), m[8], fallbackOffset);
  m = MDY_NAMED.exec(value);
  if (m) return build(m[3], monthNumber(m[1]), m[2], m.slice(4, 8), m[8], fallbackOffset);
  m = ASCTIME.exec(value);
  if (m) return build(m[6], monthNumber(m[1]), m[2], [m[3], m[4], m[5], undefined], m[7], fallbackOffset);
  return undefined;
}

/** 1-based month number from an English or Russian name or abbreviation, as a string. */
export function monthNumber(name: string | undefined): string | undefined {
  const word = (name ?? "").toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return undefined;
  const index = MONTH_PREFIXES.findIndex((prefixes) => prefixes.some((p) => word.startsWith(p)));
  return index < 0 ? undefined : String(index + 1);
}

/** RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx. */
function year(text: string | undefined): string | undefined {
  if (text === undefined || text.length !== 2) return text;
  const yy = Number(text);
  return String(yy < 50 ? 2000 + yy : 1900 + yy);
}

function build(
  yearText: string | undefined,
  monthText: string | undefined,
  dayText: string | undefined,
  [hourText, minuteText, secondText, meridiem]: (string | undefined)[],
  zoneText: string | undefined,
  fallbackOffset: number,
): Date | undefined {
  const [y, mo, d] = [yearText, monthText, dayText].map(Number) as [number, number, number];
  let h = hourText === undefined ? 0 : Number(hourText);
  const mi = minuteText === undefined ? 0 : Number(minuteText);
  const s = secondText === undefined ? 0 : Math.min(Number(secondText), 59);
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (!(y >= 1970 && y <= 2200) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= 31) || h > 23 || mi > 59) return undefined;
  const offset = zoneOffsetMinutes(zoneText ?? "", fallbackOffset);
  if (offset === undefined) return undefined;
  const local = Date.UTC(y, mo - 1, d, h, mi, s);
  // 31 Feb is not 3 March.
  if (new Date(local).getUTCDate() !== d) return undefined;
  return new Date(local - offset * 60_000);
}

/**
 * Minutes east of UTC for what follows the time: "", "Z", "GMT", "+0300", "+03:00", "+3",
 * "GMT+3", "MSK". Trailing words that are not a zone ("г.", "года") make the whole string
 * suspect only when they contain digits; otherwise they are read as an unknown zone (UTC).
 */
function zoneOffsetMinutes(text: string, fallback: number): number | undefined {
  const zone = text.trim().toLowerCase().replace(/\.$/, "");
  if (!zone) return fallback;
  const numeric = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const named = ZONES[zone];
  if (named !== undefined) return named * 60;
  // Military single letters and unknown names: RFC 2822 says treat as UTC.
  if (/^[\p{L}]{1,6}$/u.test(zone)) return 0;
  return undefined;
}
