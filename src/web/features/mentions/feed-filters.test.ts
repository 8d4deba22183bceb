import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, activeFilterCount, feedQuery, readFilters, writeFilters } from "./feed-filters.ts";

describe("feed filters in the address", () => {
  it("round-trips through the query string and leaves defaults out", () => {
    const filters = { ...DEFAULT_FILTERS, q: '"быстрая доставка" -спам', period: "custom" as const, from: "2026-11-01", to: "2026-11-30", source: ["vk", "rss"], sentiment: ["negative" as const], folded: false };
    const params = writeFilters(filters);
    expect(readFilters(params)).toEqual(filters);
    expect(writeFilters(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("drops values it does not know and malformed days", () => {
    const read = readFilters(new URLSearchParams("period=forever&sentiment=angry,positive&status=deleted&group=brand,friends&from=yesterday"));
    expect(read).toMatchObject({ period: "all", sentiment: ["positive"], status: [], group: ["brand"], from: "" });
  });
});

describe("feed query", () => {
  const now = new Date(2026, 10, 20, 15, 30);

  it("starts a preset period at a local midnight, the same all day", () => {
    const a = feedQuery({ ...DEFAULT_FILTERS, period: "7d" }, now);
    const b = feedQuery({ ...DEFAULT_FILTERS, period: "7d" }, new Date(2026, 10, 20, 23, 59));
    expect(a).toEqual(b);
    expect(new Date(a.from ?? "").getTime()).toBe(new Date(2026, 10, 14).getTime());
    expect(a.to).toBeUndefined();
  });

  it("covers whole local days of a custom period and joins lists with commas", () => {
    const q = feedQuery({ ...DEFAULT_FILTERS, period: "custom", from: "2026-11-01", to: "2026-11-02", lang: ["ru", "en"] }, now);
    expect(new Date(q.from ?? "").getTime()).toBe(new Date(2026, 10, 1).getTime());
    expect(new Date(q.to ?? "").getTime()).toBe(new Date(2026, 10, 2, 23, 59, 59, 999).getTime());
    expect(q.lang).toBe("ru,en");
    expect(feedQuery(DEFAULT_FILTERS, now)).toEqual({ q: undefined, from: undefined, to: undefined, source: undefined, sourceId: undefined, site: undefined, sentiment: undefined, group: undefined, lang: undefined, status: undefined });
  });

  it("counts active filters", () => {
    expect(activeFilterCount(DEFAULT_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...DEFAULT_FILTERS, period: "30d", source: ["vk"], q: "x" })).toBe(2);
  });
});
