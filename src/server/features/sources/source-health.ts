/**
 * How a source is doing, in one word a person can act on:
 * - `paused`: switched off by a person; nothing else matters;
 * - `failing`: the last run failed (the error and the retry time are on the row);
 * - `pending`: never run yet (just added, or waiting for its first turn);
 * - `stale`: runs stopped succeeding long ago (no success in 3 intervals — the scheduler is
 *   behind or the source is stuck), or the platform went silent: no new item for longer than
 *   the expected period (Huginn's `expected_update_period`), when one is set;
 * - `ok`: otherwise.
 */
export const SOURCE_HEALTHS = ["ok", "failing", "paused", "pending", "stale"] as const;
export type TSourceHealth = (typeof SOURCE_HEALTHS)[number];

export type THealthInput = {
  status: "active" | "paused";
  intervalMinutes: number;
  consecutiveFailures: number;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastItemAt: Date | null;
  createdAt: Date;
};

export type THealthOptions = {
  /** A new item is expected at least this often; `null` = the source may be quiet for any time. */
  expectedItemMinutes?: number | null;
  /** Missed intervals before a source that stopped succeeding counts as stale (default 3). */
  missedIntervals?: number;
};

const MINUTE = 60_000;

export function sourceHealth(source: THealthInput, now: Date, options: THealthOptions = {}): TSourceHealth {
  if (source.status === "paused") return "paused";
  if (source.consecutiveFailures > 0) return "failing";
  if (!source.lastRunAt && !source.lastSuccessAt) return "pending";
  const missed = options.missedIntervals ?? 3;
  const lastSuccess = source.lastSuccessAt ?? source.createdAt;
  if (now.getTime() - lastSuccess.getTime() > missed * source.intervalMinutes * MINUTE) return "stale";
  const expected = options.expectedItemMinutes;
  if (expected != null && expected > 0) {
    // A source that never brought an item is judged from when it was added.
    const lastItem = source.lastItemAt ?? source.createdAt;
    if (now.getTime() - lastItem.getTime() > expected * MINUTE) return "stale";
  }
  return "ok";
}
