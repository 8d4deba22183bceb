import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tonalityFromAverage, tonalityFromHistogram, tonalityFromRating } from "./rating-tonality.ts";
import { resolveTonality } from "./resolve-tonality.ts";
import { TonalityError, classOfTonality, parseTonalityCell, tonalityFromCounts } from "./tonality.ts";
import { exBand, tonalityBand, tonalityColour } from "./tonality-colour.ts";

describe("tonalityFromCounts", () => {
  it("T = (r⁺ − r⁻)/r × 100: otzovik 12 positive, 30 negative, 8 neutral → −36", () => {
    expect(tonalityFromCounts(12, 30, 50)).toBe(-36);
    expect(tonalityFromCounts(160, 20, 220)).toBeCloseTo(63.64, 2);
    expect(tonalityFromCounts(0, 0, 0)).toBe(0);
  });

  it("refuses counts that do not add up", () => {
    expect(() => tonalityFromCounts(30, 30, 50)).toThrow("r+ + r- (30 + 30) is more than r (50)");
    expect(() => tonalityFromCounts(1.5, 0, 5)).toThrow("r+ must be a whole number ≥ 0");
  });

  it("stays within −100…+100", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (p, n, o) => {
        const t = tonalityFromCounts(p, n, p + n + o);
        expect(t).toBeGreaterThanOrEqual(-100);
        expect(t).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("classOfTonality", () => {
  it("≥ +20 positive, ≤ −20 negative, neutral between", () => {
    expect([20, 19.99, -19.99, -20].map(classOfTonality)).toEqual(["positive", "neutral", "neutral", "negative"]);
  });
});

describe("parseTonalityCell", () => {
  it("reads a number, review counts or a class", () => {
    expect(parseTonalityCell("-36")).toEqual({ t: -36, own: false });
    expect(parseTonalityCell(" +63,6 ")).toEqual({ t: 63.6, own: false });
    expect(parseTonalityCell("−50")).toEqual({ t: -50, own: false });
    expect(parseTonalityCell("12/30/50")).toEqual({ t: -36, own: false });
    expect(parseTonalityCell("5 / 15 / 20")).toEqual({ t: -50, own: false });
    expect(parseTonalityCell("Positive")).toEqual({ t: 100, own: false });
    expect(parseTonalityCell("neutral")).toEqual({ t: 0, own: false });
    expect(parseTonalityCell("negative")).toEqual({ t: -100, own: false });
    expect(parseTonalityCell("own")).toEqual({ t: 100, own: true });
    expect(parseTonalityCell("негатив")).toEqual({ t: -100, own: false });
    expect(parseTonalityCell("-0")).toEqual({ t: 0, own: false });
  });

  it("says what is wrong", () => {
    expect(() => parseTonalityCell("")).toThrow(TonalityError);
    expect(() => parseTonalityCell("150")).toThrow("150 is outside -100…100");
    expect(() => parseTonalityCell("12/30")).toThrow('"12/30" is not a tonality');
    expect(() => parseTonalityCell("40/30/50")).toThrow("is more than r (50)");
    expect(() => parseTonalityCell("good")).toThrow("positive, neutral, negative, own");
  });
});

describe("rating → T", () => {
  it("an average on its scale: 4.5/5 → +75, 2.1/5 → −45", () => {
    expect(tonalityFromAverage(4.5)).toBeCloseTo(75, 10);
    expect(tonalityFromAverage(2.1, 5, 1)).toBeCloseTo(-45, 10);
    expect(tonalityFromAverage(8, 10, 0)).toBeCloseTo(60, 10);
    expect(tonalityFromAverage(6, 5, 1)).toBeUndefined();
  });

  it("a histogram: 4–5★ positive, 1–2★ negative, 3★ neutral", () => {
    expect(tonalityFromHistogram([10, 5, 5, 10, 20])).toBe(30);
    expect(tonalityFromHistogram([0, 0, 0, 0, 0])).toBeUndefined();
  });

  it("takes the snippet first, then AggregateRating, then the histogram", () => {
    const snippet = { score: 4.5, maxScore: 5, count: null };
    const aggregate = { ratingValue: 2.1, ratingCount: 40 };
    const histogram = [0, 0, 0, 0, 1] as const;
    expect(tonalityFromRating({ snippet, aggregate, histogram })).toEqual({ t: 75, source: "snippet" });
    expect(tonalityFromRating({ aggregate, histogram })).toEqual({ t: expect.closeTo(-45, 10), source: "aggregate" });
    expect(tonalityFromRating({ aggregate: { ratingValue: 3, ratingCount: 0 }, histogram })).toEqual({ t: 100, source: "histogram" });
    expect(tonalityFromRating({})).toBeUndefined();
  });
});

describe("resolveTonality", () => {
  const at = new Date("2025-03-01T00:00:00Z");
  const rating = { t: 75 };
  const site = { t: -100 };
  const text = { t: -60, confidence: 0.9 };

  it("manual > rating > site default > text, saying which", () => {
    expect(resolveTonality({ at, manual: [{ t: 0 }], rating, site, text })).toMatchObject({ t: 0, source: "manual", tonalityClass: "neutral" });
    expect(resolveTonality({ at, rating, site, text })).toMatchObject({ t: 75, source: "rating", tonalityClass: "positive" });
    expect(resolveTonality({ at, site, text })).toMatchObject({ t: -100, source: "site", tonalityClass: "negative" });
    expect(resolveTonality({ at, text })).toMatchObject({ t: -60, source: "text", needsReview: false });
    expect(resolveTonality({ at })).toBeUndefined();
  });

  it("a manual label counts only inside its validity window; the newest one wins", () => {
    const expired = { t: 100, validTo: new Date("2025-02-01T00:00:00Z") };
    const older = { t: -100, validFrom: new Date("2025-01-01T00:00:00Z") };
    const newer = { t: 0, validFrom: new Date("2025-02-15T00:00:00Z") };
    expect(resolveTonality({ at, manual: [expired], rating })).toMatchObject({ source: "rating" });
    expect(resolveTonality({ at, manual: [newer, older, expired] })).toMatchObject({ t: 0, source: "manual" });
  });

  it("own resources are shown as own; weak text labels and flagged defaults go to review", () => {
    expect(resolveTonality({ at, site: { t: 100, own: true } })).toMatchObject({ tonalityClass: "own", own: true });
    expect(resolveTonality({ at, text: { t: -60, confidence: 0.6 } })?.needsReview).toBe(true);
    expect(resolveTonality({ at, site: { t: 0, needsReview: true } })?.needsReview).toBe(true);
  });
});

describe("colour scale (§8) and Ex bands (§2.2)", () => {
  it("bins T into RdYlGn-5", () => {
    expect([-100, -60, -59, -20, 0, 19.9, 20, 59.9, 60].map((t) => tonalityColour({ t }).colour)).toEqual([
      "#d7191c", "#d7191c", "#fdae61", "#fdae61", "#ffffbf", "#ffffbf", "#a6d96a", "#a6d96a", "#1a9641",
    ]);
    expect(tonalityBand(-36)).toBe("negative");
  });

  it("has own, unlabeled and colour-blind states, always with a glyph", () => {
    expect(tonalityColour({ t: 100, own: true })).toEqual({ band: "own", colour: "#2c7bb6", glyph: "+" });
    expect(tonalityColour(undefined)).toEqual({ band: "unlabeled", colour: "#bdbdbd", glyph: "" });
    expect(tonalityColour({ t: -80 }, { colourBlind: true })).toEqual({ band: "critical", colour: "#ca0020", glyph: "−" });
    expect(tonalityColour({ t: 5 }, { colourBlind: true })).toEqual({ band: "neutral", colour: "#f7f7f7", glyph: "0" });
  });

  it("bands Ex: < −60 critical … > +60 strong", () => {
    expect([-61, -60, -20, 0, 20, 60, 68.4].map(exBand)).toEqual(["critical", "negative", "negative", "neutral", "positive", "positive", "strong"]);
  });
});
