import { braveProvider } from "./brave/brave.provider.ts";
import { dataForSeoProvider } from "./dataforseo/dataforseo.provider.ts";
import type { TSerpEngine, TSerpProvider } from "./provider.ts";
import { serpApiProvider } from "./serpapi/serpapi.provider.ts";
import { xmlProxyProvider } from "./xml-proxy/xml-proxy.provider.ts";
import { yandexCloudProvider } from "./yandex-cloud/yandex-cloud.provider.ts";

/** Every service search results can come from, by id. A new one is one folder and one line here. */
export const serpProviders: readonly TSerpProvider[] = [
  yandexCloudProvider,
  xmlProxyProvider,
  serpApiProvider,
  dataForSeoProvider,
  braveProvider,
];

const byId = new Map(serpProviders.map((p) => [p.id, p]));

/** Providers added at run time (tests, out-of-tree providers), beside the built-in ones. */
const extra = new Map<string, TSerpProvider>();

/** Adds a provider next to the registry's; returns the function that takes it away again. */
export function registerSerpProvider(provider: TSerpProvider): () => void {
  if (byId.has(provider.id) || extra.has(provider.id)) throw new Error(`SERP provider "${provider.id}" is already registered`);
  extra.set(provider.id, provider);
  return () => {
    if (extra.get(provider.id) === provider) extra.delete(provider.id);
  };
}

export function findSerpProvider(id: string): TSerpProvider | undefined {
  return byId.get(id) ?? extra.get(id);
}

export function allSerpProviders(): TSerpProvider[] {
  return [...serpProviders, ...extra.values()];
}

/** The providers that can return this engine's results. */
export function serpProvidersFor(engine: TSerpEngine): TSerpProvider[] {
  return allSerpProviders().filter((p) => p.engines.includes(engine));
}
