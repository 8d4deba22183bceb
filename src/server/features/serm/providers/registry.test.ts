import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { defineSerpProvider } from "./define-provider.ts";
import { SERP_DEVICES, SERP_ENGINES } from "./provider.ts";
import { allSerpProviders, findSerpProvider, registerSerpProvider, serpProviders, serpProvidersFor } from "./registry.ts";

/** Every registered provider keeps the promises the scheduler and the settings UI rely on. */
describe("SERP provider registry", () => {
  it("holds every provider once, by id", () => {
    expect(serpProviders.map((p) => p.id)).toEqual(["yandex_cloud", "yandex_xml_proxy", "serpapi", "dataforseo", "brave"]);
    for (const provider of serpProviders) expect(findSerpProvider(provider.id)).toBe(provider);
    expect(findSerpProvider("google_cse")).toBeUndefined();
  });

  it.each(serpProviders.map((p) => [p.id, p] as const))("%s declares a usable definition", (_id, provider) => {
    expect(provider.title.en).not.toBe("");
    expect(provider.title.ru).not.toBe("");
    expect(provider.engines.length).toBeGreaterThan(0);
    for (const engine of provider.engines) expect(SERP_ENGINES).toContain(engine);
    for (const device of provider.devices) expect(SERP_DEVICES).toContain(device);
    expect(provider.rateLimit.limit).toBeGreaterThan(0);
    // Secret fields are real config keys, so the UI can mask them and the API can withhold them.
    const shape = (provider.configSchema as unknown as z.ZodObject).shape;
    expect(shape).toBeDefined();
    expect(provider.secretFields.length).toBeGreaterThan(0);
    for (const field of provider.secretFields) expect(Object.keys(shape)).toContain(field);
    // Unknown keys are named, not silently dropped.
    expect(provider.configSchema.safeParse({ nonsense: true }).success).toBe(false);
  });

  it("answers which providers serve an engine", () => {
    expect(serpProvidersFor("yandex").map((p) => p.id)).toEqual(["yandex_cloud", "yandex_xml_proxy", "serpapi", "dataforseo"]);
    expect(serpProvidersFor("google").map((p) => p.id)).toEqual(["serpapi", "dataforseo"]);
    expect(serpProvidersFor("bing").map((p) => p.id)).toEqual(["serpapi", "dataforseo"]);
    expect(serpProvidersFor("brave").map((p) => p.id)).toEqual(["brave"]);
  });

  it("takes extra providers at run time and gives them back", async () => {
    const [template] = serpProviders;
    if (!template) throw new Error("the registry is empty");
    const fake = defineSerpProvider({
      ...template,
      id: "fake",
      search: async () => ({ results: [], coverage: { status: "exhausted" }, requests: 0, raw: [] }),
    });
    const unregister = registerSerpProvider(fake);
    expect(findSerpProvider("fake")).toBe(fake);
    expect(allSerpProviders()).toContain(fake);
    expect(() => registerSerpProvider(fake)).toThrow(/already registered/);
    expect(() => registerSerpProvider({ ...fake, id: "brave" })).toThrow(/already registered/);
    unregister();
    expect(findSerpProvider("fake")).toBeUndefined();
  });
});
