import { createHash } from "node:crypto";
import type { TLlmProviderConfig } from "./llm-provider-config.ts";

/**
 * Per-endpoint state shared by every classifier and draft that uses the same endpoint, model
 * and key in this process: how many requests are in flight (at most `maxConcurrency`), until
 * when the endpoint is paused (after 429, an exhausted quota or a rejected key — calls during a
 * pause go straight to the fallback instead of hammering the provider), and whether it rejected
 * `response_format`.
 */
export type TProviderGate = {
  /** Runs `task` when a slot is free. */
  run<T>(key: string, limit: number, task: () => Promise<T>): Promise<T>;
  pause(key: string, untilMs: number): void;
  /** Epoch ms the pause lasts until, or 0. */
  pausedUntil(key: string): number;
  rejectsJsonMode(key: string): boolean;
  markJsonModeRejected(key: string): void;
  /** Failures in a row (timeouts, 5xx, network) after this one. */
  recordFailure(key: string): number;
  /** The endpoint answered: the count restarts and a pause ends (a draft may succeed during one). */
  recordSuccess(key: string): void;
};

type TEntry = { active: number; waiting: (() => void)[]; pausedUntil: number; noJsonMode: boolean; failures: number };

export function createProviderGate(): TProviderGate {
  const entries = new Map<string, TEntry>();
  const entry = (key: string): TEntry => {
    let e = entries.get(key);
    if (!e) {
      e = { active: 0, waiting: [], pausedUntil: 0, noJsonMode: false, failures: 0 };
      entries.set(key, e);
    }
    return e;
  };
  return {
    async run(key, limit, task) {
      const e = entry(key);
      if (e.active >= limit) await new Promise<void>((resolve) => e.waiting.push(resolve));
      else e.active++;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next in line (active stays), or free it.
        const next = e.waiting.shift();
        if (next) next();
        else e.active--;
      }
    },
    pause(key, untilMs) {
      const e = entry(key);
      e.pausedUntil = Math.max(e.pausedUntil, untilMs);
    },
    pausedUntil: (key) => entries.get(key)?.pausedUntil ?? 0,
    rejectsJsonMode: (key) => entries.get(key)?.noJsonMode ?? false,
    markJsonModeRejected(key) {
      entry(key).noJsonMode = true;
    },
    recordFailure: (key) => ++entry(key).failures,
    recordSuccess(key) {
      const e = entries.get(key);
      if (e) {
        e.failures = 0;
        e.pausedUntil = 0;
      }
    },
  };
}

/** The process-wide gate production code shares. */
export const sharedProviderGate: TProviderGate = createProviderGate();

/** Endpoint, model and a hash of the key: a new key is a fresh start, and the key is not kept in memory twice. */
export function gateKey(config: Pick<TLlmProviderConfig, "baseUrl" | "model" | "apiKey">): string {
  const keyHash = createHash("sha256").update(config.apiKey).digest("hex").slice(0, 16);
  return `${config.baseUrl}|${config.model}|${keyHash}`;
}
