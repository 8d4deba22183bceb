import type { TAccuracyWeek } from "./types.ts";

/**
 * Geometry of the weekly accuracy chart: one bar per ISO week (height = share of the machine's
 * labels the specialists kept), weeks with nothing verified as a gap, and which weeks get a date
 * under the axis so the labels never crowd.
 */
export type TWeekBar = { week: TAccuracyWeek; x: number; width: number; y: number; height: number; labelled: boolean };

export function weekBars(weeks: readonly TAccuracyWeek[], box: { width: number; height: number; minLabelGap: number; maxBarWidth?: number }): TWeekBar[] {
  if (weeks.length === 0) return [];
  const slot = box.width / weeks.length;
  // A bar is at most `maxBarWidth` wide, centred in its week: a few weeks do not become slabs.
  const gap = Math.max(Math.min(6, slot * 0.25), slot - (box.maxBarWidth ?? Number.POSITIVE_INFINITY));
  const every = Math.max(1, Math.ceil(box.minLabelGap / slot));
  const last = weeks.length - 1;
  return weeks.map((week, i) => {
    const share = week.n > 0 && week.accuracy !== null ? Math.min(1, Math.max(0, week.accuracy)) : 0;
    const height = share * box.height;
    // The latest week always gets its date; the others every `every` weeks counted back from it.
    const labelled = (last - i) % every === 0;
    return { week, x: i * slot + gap / 2, width: slot - gap, y: box.height - height, height, labelled };
  });
}

export type TConfusionCell = { specialist: string; n: number; share: number; agrees: boolean };
export type TConfusionRow = { machine: string; total: number; cells: TConfusionCell[] };

/**
 * The confusion matrix as rows (machine's label) and columns (specialist's label) in the given
 * order, labels the server adds beyond it appended; `share` is of the row (what the specialists
 * made of that machine label).
 */
export function confusionRows(confusion: Record<string, Record<string, number>>, order: readonly string[]): { labels: string[]; rows: TConfusionRow[] } {
  const seen = new Set<string>(order);
  const extra: string[] = [];
  for (const [machine, row] of Object.entries(confusion)) {
    for (const label of [machine, ...Object.keys(row)]) {
      if (!seen.has(label)) {
        seen.add(label);
        extra.push(label);
      }
    }
  }
  const labels = [...order, ...extra.sort()];
  const rows = labels.map((machine) => {
    const row = confusion[machine] ?? {};
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    return {
      machine,
      total,
      cells: labels.map((specialist) => {
        const n = row[specialist] ?? 0;
        return { specialist, n, share: total > 0 ? n / total : 0, agrees: specialist === machine };
      }),
    };
  });
  return { labels, rows };
}

/** Days of the accuracy period: `weeks` whole ISO weeks back from the current one, or all time. */
export function accuracyRange(weeks: number | null, today: Date): { from?: string; to?: string } {
  if (weeks === null) return {};
  const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - (weeks - 1) * 7);
  return { from: monday.toISOString().slice(0, 10) };
}

/**
 * Every ISO week from `from` (a Monday) to the week of `today`, the server's weeks in their
 * places and the others as weeks with nothing verified, so a period shows as the period it is
 * even when specialists checked labels in only some of its weeks.
 */
export function fillWeeks(weeks: readonly TAccuracyWeek[], from: string | undefined, today: Date): TAccuracyWeek[] {
  const byStart = new Map(weeks.map((w) => [w.weekStart.slice(0, 10), w]));
  const first = [from, ...byStart.keys()].filter((d): d is string => Boolean(d)).sort()[0];
  if (!first) return [];
  const day = 86_400_000;
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const lastMonday = todayMs - ((new Date(todayMs).getUTCDay() + 6) % 7) * day;
  const lastKnown = [...byStart.keys()].sort().at(-1);
  const end = Math.max(lastMonday, lastKnown ? Date.parse(`${lastKnown}T00:00:00Z`) : 0);
  const out: TAccuracyWeek[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= end; ms += 7 * day) {
    const start = new Date(ms).toISOString().slice(0, 10);
    out.push(byStart.get(start) ?? { weekStart: start, n: 0, correct: 0, accuracy: null });
  }
  return out;
}
