const MOSCOW = new Intl.DateTimeFormat("en-US", {
  timeZone: "Europe/Moscow",
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});
const HOUR = 3_600_000;

/**
 * "2023-01-11 21:00:32" read as Moscow wall-clock time, as ISO-8601 UTC. Moscow has been UTC+3
 * since October 2014, but was UTC+4 from 2011 and kept summer time before that; the time zone
 * database knows, so old reviews land at the right instant too. Undefined for anything that is
 * not a real date and time.
 */
export function moscowToUtc(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(wall);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined; // 30 February
  // The offset at a first guess, then at the result: the second pass settles times near a change.
  const guess = wall - offsetAt(wall - 3 * HOUR);
  return new Date(wall - offsetAt(guess)).toISOString();
}

/** Milliseconds Moscow's clock is ahead of UTC at this instant. */
function offsetAt(utcMs: number): number {
  const parts = new Map(MOSCOW.formatToParts(new Date(utcMs)).map((p) => [p.type, Number(p.value)]));
  const part = (name: Intl.DateTimeFormatPartTypes) => parts.get(name) ?? 0;
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(utcMs / 1000) * 1000;
}
