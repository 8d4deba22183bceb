/**
 * Per-key token buckets for the request rates sources impose (VK: 3 per second per token;
 * X: 60 per 15 minutes). In-process only: a limit shared by several workers needs the
 * database, and most source limits are per token, which one worker holds at a time.
 *
 * `take` reserves the next free slot and says how long to wait for it, so callers racing for
 * one key queue up in order instead of all waking at once and retrying.
 */
export type TRateLimit = {
  /** Requests allowed per interval. */
  limit: number;
  intervalMs: number;
  /** Requests allowed back to back after an idle spell; default `limit`. */
  burst?: number;
};

export type TRateLimiter = {
  /** Reserve a request for `key`: milliseconds to wait before sending it (0 = now). */
  take(key: string): number;
  /** Keys currently tracked (idle full buckets are forgotten). */
  size(): number;
};

type TBucket = { tokens: number; at: number };

export function createRateLimiter(
  rate: TRateLimit,
  options: { now?: () => number; maxKeys?: number } = {},
): TRateLimiter {
  if (!(rate.limit > 0) || !(rate.intervalMs > 0)) throw new RangeError("rate limit and interval must be positive");
  const capacity = Math.max(1, rate.burst ?? rate.limit);
  const perMs = rate.limit / rate.intervalMs;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const buckets = new Map<string, TBucket>();

  const refill = (bucket: TBucket, t: number): void => {
    // A clock that steps back (NTP) must neither mint tokens nor stall the bucket.
    const elapsed = Math.max(0, t - bucket.at);
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * perMs);
    bucket.at = Math.max(bucket.at, t);
  };

  const forgetIdle = (t: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= capacity) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= maxKeys) forgetIdle(t);
        bucket = { tokens: capacity, at: t };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      bucket.tokens -= 1; // may go negative: that debt is the queue of reserved slots
      return bucket.tokens >= 0 ? 0 : Math.ceil(-bucket.tokens / perMs);
    },
    size: () => buckets.size,
  };
}
