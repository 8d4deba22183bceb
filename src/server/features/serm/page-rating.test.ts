import { describe, expect, it } from "vitest";
import { pageAggregateRating } from "./page-rating.ts";
import { tonalityFromRating } from "./rating-tonality.ts";

describe("pageAggregateRating", () => {
  it("reads JSON-LD, nested in a product and inside @graph", () => {
    const html = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"X"},
      {"@type":"Product","aggregateRating":{"@type":"AggregateRating","ratingValue":"2,1","bestRating":"5","reviewCount":"214"}}]}</script>`;
    expect(pageAggregateRating(html)).toEqual({ ratingValue: 2.1, bestRating: 5, reviewCount: 214 });
    expect(tonalityFromRating({ aggregate: pageAggregateRating(html) })?.t).toBeCloseTo(-45, 6);
  });

  it("reads microdata, and passes over broken JSON and pages without a rating", () => {
    const html = `<script type="application/ld+json">{broken</script><div itemscope itemtype="https://schema.org/AggregateRating">
      <meta itemprop="ratingValue" content="4.5"><span itemprop="ratingCount">120</span></div>`;
    expect(pageAggregateRating(html)).toEqual({ ratingValue: 4.5, ratingCount: 120 });
    expect(pageAggregateRating("<p>no stars</p>")).toBeUndefined();
  });
});
