import { parseFeedDate } from "../rss/feed-dates.ts";

/**
 * Dates as review pages show them: ISO, "12.03.2024", "12.03.2024 14:30", "12 марта 2024",
 * "March 12, 2024", "12 марта" (this year), and relative ones — "вчера в 14:30", "yesterday",
 * "2 часа назад", "3 days ago" — counted from the run's clock. A date buried in a label
 * ("Опубликовано: 12.03.2024") is found too. `relative` tells the caller the value will drift
 * between runs, so it must not go into an identity hash.
 */
export type TPageDate = { date: Date; relative: boolean };

const MINUTE = 60_000;
const UNIT_MS: readonly [RegExp, number][] = [
  [/^(?:сек|s)/, 1_000],
  [/^(?:мин|min)/, MINUTE],
  [/^(?:час|h)/, 60 * MINUTE],
  [/^(?:дн|ден|дня|d)/, 1_440 * MINUTE],
  [/^(?:нед|w)/, 7 * 1_440 * MINUTE],
  [/^(?:мес|mo)/, 30 * 1_440 * MINUTE],
  [/^(?:год|лет|y)/, 365 * 1_440 * MINUTE],
];
const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, один: 1, одна: 1, одну: 1, два: 2, две: 2, три: 3, пять: 5 };

const RELATIVE_AGO = /^(?:(\d+|[\p{L}]+)\s+)?([\p{L}]+)\s+(?:назад|ago)$/u;
const DAY_WORD = /^(сегодня|today|вчера|yesterday|позавчера)(?:,?\s*(?:в|at)?\s*(\d{1,2}):(\d{2}))?$/u;
const JUST_NOW = /^(?:только что|сейчас|just now|now)$/u;
const DAY_MONTH_NO_YEAR = /^(\d{1,2})\s+([\p{L}]+)\.?(?:,?\s*(?:в|at)?\s*(\d{1,2}):(\d{2}))?$/u;
/** Substrings worth trying when the whole text is not a date. */
const CANDIDATES = [
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/u,
  /\d{1,2}\.\d{1,2}\.\d{2,4}(?:,?\s*(?:в\s+)?\d{1,2}:\d{2})?/u,
  /\d{1,2}\s+[\p{L}]{3,}\.?\s+\d{4}(?:\s*г\.)?(?:,?\s*(?:в|at)?\s*\d{1,2}:\d{2})?/u,
  /[\p{L}]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s*(?:at)?\s*\d{1,2}:\d{2}\s*(?:[ap]m)?)?/iu,
  /(?:сегодня|today|вчера|yesterday|позавчера)(?:,?\s*(?:в|at)?\s*\d{1,2}:\d{2})?/iu,
  /(?:\d+\s+)?[\p{L}]+\s+(?:назад|ago)/iu,
];

export function parsePageDate(input: string | undefined | null, now: Date, options: { defaultOffsetMinutes?: number } = {}): TPageDate | undefined {
  const text = (input ?? "").replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  const whole = parseOne(text, now, options.defaultOffsetMinutes ?? 0);
  if (whole) return whole;
  for (const pattern of CANDIDATES) {
    const found = pattern.exec(text)?.[0];
    const parsed = found ? parseOne(found, now, options.defaultOffsetMinutes ?? 0) : undefined;
    if (parsed) return parsed;
  }
  return undefined;
}

function parseOne(text: string, now: Date, offset: number): TPageDate | undefined {
  const lower = text.toLowerCase();
  const relative = parseRelative(lower, now, offset);
  if (relative) return { date: relative, relative: true };
  const absolute = parseFeedDate(text, { defaultOffsetMinutes: offset });
  if (absolute) return { date: absolute, relative: false };
  const noYear = DAY_MONTH_NO_YEAR.exec(lower);
  if (noYear) {
    // "12 марта": this year, unless that is still ahead — then last year's.
    const year = now.getUTCFullYear();
    const time = noYear[3] ? ` ${noYear[3]}:${noYear[4]}` : "";
    const thisYear = parseFeedDate(`${noYear[1]} ${noYear[2]} ${year}${time}`, { defaultOffsetMinutes: offset });
    if (!thisYear) return undefined;
    if (thisYear.getTime() <= now.getTime() + 1_440 * MINUTE) return { date: thisYear, relative: true };
    const lastYear = parseFeedDate(`${noYear[1]} ${noYear[2]} ${year - 1}${time}`, { defaultOffsetMinutes: offset });
    return lastYear ? { date: lastYear, relative: true } : undefined;
  }
  return undefined;
}

function parseRelative(text: string, now: Date, offset: number): Date | undefined {
  if (JUST_NOW.test(text)) return now;
  const day = DAY_WORD.exec(text);
  if (day) {
    const back = /^(сегодня|today)$/.test(day[1] ?? "") ? 0 : day[1] === "позавчера" ? 2 : 1;
    if (day[2] === undefined) return new Date(now.getTime() - back * 1_440 * MINUTE);
    // "вчера в 14:30" is 14:30 on the site's wall clock, yesterday on that clock.
    const local = new Date(now.getTime() + offset * MINUTE);
    const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back, Number(day[2]), Number(day[3]));
    if (Number(day[2]) > 23 || Number(day[3]) > 59) return undefined;
    return new Date(at - offset * MINUTE);
  }
  const ago = RELATIVE_AGO.exec(text);
  if (ago) {
    const count = ago[1] === undefined ? 1 : /^\d+$/.test(ago[1]) ? Number(ago[1]) : NUMBER_WORDS[ago[1]];
    const unit = UNIT_MS.find(([pattern]) => pattern.test(ago[2] ?? ""))?.[1];
    if (count === undefined || unit === undefined) return undefined;
    return new Date(now.getTime() - count * unit);
  }
  return undefined;
}
