/**
 * When a failing source is tried again. Pure: the caller stores `consecutiveFailures` on the
 * source row and passes the randomness in.
 *
 * Full jitter (a uniform draw from [0, 2·base·2^(n−1)), capped): its mean is the plain
 * exponential delay, and it spreads best the moment that matters — an outage that fails every
 * source at once must not bring them all back in the same second. Decorrelated jitter spreads
 * about as well but needs the previous delay as extra state on every source row; full jitter is
 * a function of the failure count alone.
 */
export type TRetryDelayInput = {
  consecutiveFailures: number;
  baseSeconds: number;
  maxSeconds: number;
  /** The server's own wish (Retry-After, rate-limit reset); honoured when longer than ours. */
  retryAfterSeconds?: number;
  /** A uniform draw from [0, 1): Math.random in production, a constant in tests. */
  jitter: () => number;
};

/** Seconds to wait before the next attempt; never above maxSeconds, never negative. */
export function nextRetryDelay(input: TRetryDelayInput): number {
  const max = Math.max(0, input.maxSeconds);
  const failures = Math.max(0, Math.floor(input.consecutiveFailures));
  const base = Math.max(0, input.baseSeconds);
  // Beyond 2^60 every sane cap is reached; stopping there keeps the product finite.
  const ceiling = failures === 0 ? 0 : Math.min(max, base * 2 ** Math.min(failures, 60));
  const ours = ceiling * clampUnit(input.jitter());
  // A server that names a wait is obeyed, up to our cap: a bogus "Retry-After: 10 years" must
  // not silence a source forever.
  const theirs = input.retryAfterSeconds !== undefined && Number.isFinite(input.retryAfterSeconds) ? input.retryAfterSeconds : 0;
  return Math.min(max, Math.max(ours, theirs, 0));
}

function clampUnit(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Retry-After (RFC 9110 §10.2.3) as seconds from `now`: delay-seconds, or an HTTP-date in any
 * of its three forms (IMF-fixdate, RFC 850, asctime) read as GMT — Date.parse would read
 * asctime as local time. A date in the past means "now" (0); anything unreadable, undefined.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number.parseInt(value, 10);
  const at = parseHttpDate(value, now);
  if (at === undefined) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Milliseconds since the epoch, or undefined. */
export function parseHttpDate(value: string, now: Date = new Date()): number | undefined {
  // Sun, 06 Nov 1994 08:49:37 GMT
  const imf = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i.exec(value);
  if (imf) return utc(imf[3], imf[2], imf[1], imf[4], imf[5], imf[6]);
  // Sunday, 06-Nov-94 08:49:37 GMT — a two-digit year more than 50 years ahead is in the past century.
  const rfc850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i.exec(value);
  if (rfc850) {
    const yy = Number(rfc850[3]);
    const thisYear = now.getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return utc(String(year), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6]);
  }
  // Sun Nov  6 08:49:37 1994
  const asctime = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i.exec(value);
  if (asctime) return utc(asctime[6], asctime[1], asctime[2]?.trim(), asctime[3], asctime[4], asctime[5]);
  return undefined;
}

function utc(...[year, month, day, hour, minute, second]: (string | undefined)[]): number | undefined {
  const m = MONTHS.indexOf((month ?? "").toLowerCase());
  const [y, d, h, mi, s] = [year, day, hour, minute, second].map(Number) as [number, number, number, number, number];
  if (m < 0 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, m, d, h, mi, Math.min(s, 59));
  // Reject 31 Feb and the like instead of rolling over into March.
  return new Date(t).getUTCDate() === d ? t : undefined;
}
