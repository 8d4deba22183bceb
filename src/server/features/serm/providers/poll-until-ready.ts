import { SerpProviderError, type TSerpProviderContext } from "./provider.ts";

/**
 * Waits for a deferred search (a Yandex operation, a DataForSEO task): sleeps, asks, and gives
 * up after `maxWaitMs` with an `upstream` error naming the id, so a later run can still fetch the
 * paid-for result. `check` returns undefined while the result is not ready.
 */
export type TPollOptions = { providerName: string; id: string; intervalMs: number; maxWaitMs: number };

export async function pollUntilReady<T>(ctx: TSerpProviderContext, options: TPollOptions, check: () => Promise<T | undefined>): Promise<T> {
  const polls = Math.max(1, Math.floor(options.maxWaitMs / options.intervalMs));
  for (let i = 0; i < polls; i++) {
    await ctx.sleep(options.intervalMs, ctx.signal);
    const result = await check();
    if (result !== undefined) return result;
  }
  const minutes = Math.round(options.maxWaitMs / 60_000);
  throw new SerpProviderError("upstream", `${options.providerName}: ${options.id} was not ready after ${minutes} min`, { providerCode: "not_ready" });
}
