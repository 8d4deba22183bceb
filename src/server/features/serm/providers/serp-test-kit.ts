import { expect } from "vitest";
import { testConnectorContext } from "../../../connectors/test-kit.ts";
import { SerpProviderError, type TSerpProviderContext, type TSerpRequest } from "./provider.ts";

/**
 * Test support for SERP providers: a context whose fetch lets loopback through (the replay
 * server of connectors/test-kit.ts), whose sleep returns at once and records what it was asked
 * to wait, and a check that an error is classified and carries no secret.
 */
export type TTestProviderContext = TSerpProviderContext & { sleeps: number[] };

export function testProviderContext(overrides: Partial<TSerpProviderContext> = {}): TTestProviderContext {
  const sleeps: number[] = [];
  return {
    ...testConnectorContext(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
    sleeps,
  };
}

export function serpRequest(overrides: Partial<TSerpRequest> = {}): TSerpRequest {
  return { engine: "yandex", query: "нортвинд банк отзывы", region: { code: "213" }, device: "desktop", depth: 10, ...overrides };
}

/** The SerpProviderError a search failed with; its message must not carry any of `secrets`. */
export async function providerError(run: Promise<unknown>, secrets: readonly string[] = []): Promise<SerpProviderError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SerpProviderError);
  const pe = error as SerpProviderError;
  for (const secret of secrets) expect(pe.message).not.toContain(secret);
  expect(pe.message).not.toMatch(/https?:\/\/127\.0\.0\.1/);
  return pe;
}

/** The first `n` `<group>` elements of a Yandex XML fixture, as an answer to groups-on-page = n. */
export function firstGroups(xml: string, n: number): string {
  let kept = 0;
  return xml.replace(/<group>[\s\S]*?<\/group>\n?/g, (group) => (kept++ < n ? group : ""));
}
