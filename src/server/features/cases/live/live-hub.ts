import type { TAppContext } from "../../../context.ts";
import { errorMessage } from "../../../lib/errors.ts";
import type { inAppNotifications } from "../../../db/schema/cases.ts";
import { inAppSince } from "../notify/queries.ts";
import { liveCaseCounts } from "../queries.ts";

/**
 * What the live stream (GET /api/events) carries: each brand's counters (new cases — fresh
 * negatives nobody has touched —, open and overdue ones) and a person's in-app notifications.
 *
 * One hub per process polls the database for every connection at once, every POLL_MS while
 * anyone listens: the web role and the worker that opens cases may be different processes, and
 * the database is what they share. A change made in this process (`nudgeLive`) is polled at once.
 * Each subscriber only ever receives the brands it may see and its own notifications.
 */
export type TLiveCounts = { brandId: string; newCases: number; open: number; overdue: number };
export type TInAppRow = typeof inAppNotifications.$inferSelect;
export type TLiveMessage = { type: "counts"; brands: TLiveCounts[] } | { type: "notification"; notification: TInAppRow };

export type TLiveSubscriber = {
  userId: string;
  brandIds: ReadonlySet<string>;
  send(message: TLiveMessage): void;
};

export const POLL_MS = 2_000;
const NUDGE_DELAY_MS = 30;
const NOTIFICATION_OVERLAP_MS = 5_000;

type TEntry = TLiveSubscriber & { lastCounts: string };

export class LiveHub {
  private readonly subscribers = new Set<TEntry>();
  private timer: NodeJS.Timeout | undefined;
  private nudged: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private again = false;
  private notificationsAfter = new Date();
  private readonly seen = new Map<string, number>();

  constructor(private readonly app: TAppContext) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** Sends the subscriber its counters at once, then changes as they happen; returns the unsubscribe. */
  subscribe(subscriber: TLiveSubscriber): () => void {
    const entry: TEntry = { ...subscriber, lastCounts: "" };
    if (this.subscribers.size === 0) this.notificationsAfter = new Date(Date.now() - NOTIFICATION_OVERLAP_MS);
    this.subscribers.add(entry);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), POLL_MS);
      this.timer.unref();
    }
    this.nudge();
    return () => {
      this.subscribers.delete(entry);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  /** Something changed here: poll soon instead of at the next tick. */
  nudge(): void {
    if (this.subscribers.size === 0 || this.nudged) return;
    this.nudged = setTimeout(() => {
      this.nudged = undefined;
      void this.poll();
    }, NUDGE_DELAY_MS);
    this.nudged.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.nudged);
    this.timer = undefined;
    this.nudged = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = this.pollOnce()
      .catch((error: unknown) => this.app.logger.warn({ err: errorMessage(error) }, "live counters poll failed"))
      .finally(() => {
        this.polling = undefined;
        if (this.again) {
          this.again = false;
          void this.poll();
        }
      });
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    if (this.subscribers.size === 0) return;
    const brandIds = new Set<string>();
    const userIds = new Set<string>();
    for (const s of this.subscribers) {
      for (const b of s.brandIds) brandIds.add(b);
      userIds.add(s.userId);
    }
    const now = new Date();
    const rows = await liveCaseCounts(this.app.db, [...brandIds], now);
    const byBrand = new Map(rows.map((r) => [r.brandId, { brandId: r.brandId, newCases: Number(r.newCases), open: Number(r.open), overdue: Number(r.overdue) }]));
    for (const s of this.subscribers) {
      const counts = [...s.brandIds].sort().map((b) => byBrand.get(b) ?? { brandId: b, newCases: 0, open: 0, overdue: 0 });
      const key = JSON.stringify(counts);
      if (key === s.lastCounts) continue;
      s.lastCounts = key;
      s.send({ type: "counts", brands: counts });
    }

    const after = this.notificationsAfter;
    this.notificationsAfter = new Date(now.getTime() - NOTIFICATION_OVERLAP_MS);
    const fresh = await inAppSince(this.app.db, [...userIds], after);
    for (const n of fresh) {
      if (this.seen.has(n.id)) continue;
      this.seen.set(n.id, now.getTime());
      for (const s of this.subscribers) if (s.userId === n.userId && s.brandIds.has(n.brandId)) s.send({ type: "notification", notification: n });
    }
    for (const [id, at] of this.seen) if (now.getTime() - at > 4 * NOTIFICATION_OVERLAP_MS) this.seen.delete(id);
  }
}

const hubs = new WeakMap<TAppContext, LiveHub>();

export function liveHub(app: TAppContext): LiveHub {
  let hub = hubs.get(app);
  if (!hub) {
    hub = new LiveHub(app);
    hubs.set(app, hub);
  }
  return hub;
}

/** Tells this process's live stream that counters or notifications may have changed. */
export function nudgeLive(app: TAppContext): void {
  hubs.get(app)?.nudge();
}
