import { invalid } from "../../../lib/errors.ts";
import { addDays, isDay, localDayAndHour } from "../local-day.ts";

/**
 * A period of a brand's history: `from`…`to` local days, both included. Left out, it is the 30
 * days up to today in the brand's time zone; at most MAX_RANGE_DAYS long.
 */
export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

export function resolveRange(from: string | undefined, to: string | undefined, timeZone: string, now = new Date()): { from: string; to: string } {
  if (from !== undefined && !isDay(from)) throw invalid("from", "a day as YYYY-MM-DD");
  if (to !== undefined && !isDay(to)) throw invalid("to", "a day as YYYY-MM-DD");
  const end = to ?? (from ? addDays(from, DEFAULT_RANGE_DAYS - 1) : localDayAndHour(now, timeZone).day);
  const start = from ?? addDays(end, -(DEFAULT_RANGE_DAYS - 1));
  if (start > end) throw invalid("to", "must not be before from");
  if (addDays(start, MAX_RANGE_DAYS - 1) < end) throw invalid("to", `the period is at most ${MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}

export function requireDay(value: string, field: string): string {
  if (!isDay(value)) throw invalid(field, "a day as YYYY-MM-DD");
  return value;
}
