/**
 * How often the machine agreed with specialists, week by week: the accuracy of machine labels on
 * specialist-verified mentions (a verification that kept the machine's label counts as agreement,
 * a correction as a miss). Pure; the caller picks the brand and the period.
 */
import type { TSentimentLabel } from "./sentiment-model.ts";

export type TVerifiedLabel = {
  /** When the specialist verified or corrected the label. */
  at: Date | string | number;
  machineLabel: TSentimentLabel;
  specialistLabel: TSentimentLabel;
};

export type TAccuracyBucket = {
  /** Monday of the ISO week (UTC), YYYY-MM-DD. */
  weekStart: string;
  n: number;
  correct: number;
  /** correct / n; null for a week without verifications. */
  accuracy: number | null;
};

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 UTC of the week holding `ms`. */
function weekStartMs(ms: number): number {
  const day = Math.floor(ms / DAY);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return (day - weekday) * DAY;
}

/**
 * One bucket per ISO week from the first to the last verification (weeks between without any
 * are included with n = 0, so a chart shows the gap), oldest first. Items whose `at` is not a
 * valid date are left out.
 */
export function accuracyByWeek(items: readonly TVerifiedLabel[]): TAccuracyBucket[] {
  const weeks = new Map<number, { n: number; correct: number }>();
  for (const item of items) {
    const ms = new Date(item.at).getTime();
    if (!Number.isFinite(ms)) continue;
    const week = weekStartMs(ms);
    const bucket = weeks.get(week) ?? { n: 0, correct: 0 };
    bucket.n++;
    if (item.machineLabel === item.specialistLabel) bucket.correct++;
    weeks.set(week, bucket);
  }
  if (weeks.size === 0) return [];
  const first = Math.min(...weeks.keys());
  const last = Math.max(...weeks.keys());
  const out: TAccuracyBucket[] = [];
  for (let week = first; week <= last; week += WEEK) {
    const { n, correct } = weeks.get(week) ?? { n: 0, correct: 0 };
    out.push({ weekStart: new Date(week).toISOString().slice(0, 10), n, correct, accuracy: n > 0 ? correct / n : null });
  }
  return out;
}
