import { describe, expect, it } from "vitest";
import { DEFAULT_SITE_TABLE, SitePatternError, mergeSiteTable, normalizeSitePattern, siteLabel, siteMatcher } from "./site-defaults.ts";

describe("site defaults", () => {
  it("normalizes patterns: scheme, www, case, trailing slash and query go; a path stays", () => {
    expect(normalizeSitePattern("https://www.Otzovik.com/")).toBe("otzovik.com");
    expect(normalizeSitePattern("yandex.ru/maps/")).toBe("yandex.ru/maps");
    expect(normalizeSitePattern("VK.com/NorthwindBank?x=1")).toBe("vk.com/northwindbank");
    expect(normalizeSitePattern("отзывы.рф")).toBe("xn--b1ajuq0cb.xn--p1ai");
    for (const bad of ["", "localhost", "not a domain", "otzovik.com:8080"]) expect(() => normalizeSitePattern(bad)).toThrow(SitePatternError);
  });

  it("has the SERM.md §1.1 defaults: aggregators from their rating, complaint sites −100, reference 0", () => {
    const match = siteMatcher(mergeSiteTable([]));
    expect(siteLabel(match("https://otzovik.com/reviews/brand/"))).toEqual({ t: 0, needsReview: true });
    expect(siteLabel(match("https://moscow.flamp.ru/firm/brand"))).toEqual({ t: 0, needsReview: true });
    expect(siteLabel(match("https://www.ripoffreport.com/reports/brand"))).toEqual({ t: -100 });
    expect(siteLabel(match("https://ru.wikipedia.org/wiki/Brand"))).toEqual({ t: 0 });
    expect(siteLabel(match("https://yandex.ru/maps/org/brand/1/"))).toMatchObject({ needsReview: true });
    // Elsewhere on yandex.ru, and on look-alike hosts, the table says nothing: the text decides.
    expect(match("https://yandex.ru/search/?text=x")).toBeUndefined();
    expect(match("https://nototzovik.com/")).toBeUndefined();
    expect(DEFAULT_SITE_TABLE.every((e) => e.pattern === normalizeSitePattern(e.pattern))).toBe(true);
  });

  it("a brand's entries win over the defaults and the most specific pattern decides", () => {
    const table = mergeSiteTable([
      { id: "1", pattern: "northwind.ru", siteClass: "own", t: null, note: null },
      { id: "2", pattern: "vk.com/northwind", siteClass: "own", t: null, note: null },
      { id: "3", pattern: "otzovik.com", siteClass: "complaint", t: -50, note: "hostile moderators" },
      { id: "4", pattern: "northwind.ru/press", siteClass: "media", t: null, note: null },
    ]);
    expect(table.find((e) => e.pattern === "otzovik.com")).toMatchObject({ origin: "custom", t: -50 });
    const match = siteMatcher(table);
    expect(siteLabel(match("https://www.northwind.ru/"))).toEqual({ t: 100, own: true });
    expect(siteLabel(match("https://vk.com/northwind/wall-1"))).toEqual({ t: 100, own: true });
    expect(match("https://vk.com/northwindfake")).toBeUndefined();
    expect(siteLabel(match("https://otzovik.com/x"))).toEqual({ t: -50, own: false });
    expect(siteLabel(match("https://northwind.ru/press/2024"))).toBeUndefined();
  });
});
