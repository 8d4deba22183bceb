import { describe, expect, it } from "vitest";
import {
  adaptationLogits,
  applyCorrection,
  classifyAdapted,
  createAdaptation,
  decodeAdaptation,
  encodeAdaptation,
  type TBrandAdaptation,
} from "./brand-adaptation.ts";
import { accuracyByWeek, type TVerifiedLabel } from "./label-accuracy.ts";
import { loadProbes, type TProbe } from "./probes.ts";
import { loadSentimentModel, type TClassifyInput, type TSentimentModel } from "./sentiment-model.ts";
import { syntheticCorrections, type TCorrection } from "./synthetic-corrections.ts";
import { syntheticModel } from "./test-model.ts";

const model = loadSentimentModel();

function accuracy(m: TSentimentModel, adaptation: TBrandAdaptation | null, items: readonly TCorrection[]): number {
  return items.filter((c) => classifyAdapted(m, adaptation, { text: c.text }).label === c.label).length / items.length;
}

const probeInput = (p: TProbe): TClassifyInput => ({ text: p.text, ...(p.rating ? { rating: p.rating } : {}), ...(p.brand ? { brand: p.brand } : {}) });

describe("per-brand adaptation replaying a correction log", () => {
  const log = syntheticCorrections(200);
  // Every fifth correction is held out: never replayed, only scored.
  const heldOut = log.filter((_, i) => i % 5 === 4);
  const replayed = log.filter((_, i) => i % 5 !== 4);
  const adaptation = createAdaptation(model);
  const verified: TVerifiedLabel[] = [];
  for (const c of replayed) {
    const machineLabel = applyCorrection(model, adaptation, { text: c.text }, c.label);
    verified.push({ at: c.at, machineLabel, specialistLabel: c.label });
  }

  it("the log is what the test says: ~200 distinct texts in time order, the base model often disagreeing", () => {
    expect(log).toHaveLength(200);
    expect(new Set(log.map((c) => c.text)).size).toBe(200);
    expect(log.map((c) => c.at)).toEqual([...log.map((c) => c.at)].sort());
    expect(accuracy(model, null, heldOut)).toBeLessThan(0.65);
  });

  it("raises accuracy on held-out corrected items by a clear margin", () => {
    const before = accuracy(model, null, heldOut);
    const after = accuracy(model, adaptation, heldOut);
    expect(after).toBeGreaterThanOrEqual(before + 0.3);
    expect(after).toBeGreaterThanOrEqual(0.85);
  });

  it("does not collapse on the general probe set", () => {
    const probes = loadProbes();
    const base = probes.filter((p) => model.classify(probeInput(p)).label === p.label).length / probes.length;
    const adapted = probes.filter((p) => classifyAdapted(model, adaptation, probeInput(p)).label === p.label).length / probes.length;
    expect(adapted).toBeGreaterThanOrEqual(base - 0.03);
  });

  it("shows the machine's weekly accuracy on verified mentions rising as corrections accumulate", () => {
    const weeks = accuracyByWeek(verified);
    expect(weeks.length).toBeGreaterThanOrEqual(7);
    const firstTwo = weeks.slice(0, 2).reduce((a, w) => ({ n: a.n + w.n, correct: a.correct + w.correct }), { n: 0, correct: 0 });
    const lastTwo = weeks.slice(-2).reduce((a, w) => ({ n: a.n + w.n, correct: a.correct + w.correct }), { n: 0, correct: 0 });
    expect(lastTwo.correct / lastTwo.n).toBeGreaterThan(firstTwo.correct / firstTwo.n + 0.2);
  });

  it("keeps results in the classify shape with sensible confidence", () => {
    for (const c of heldOut) {
      const r = classifyAdapted(model, adaptation, { text: c.text });
      const { positive, neutral, negative } = r.scores;
      expect(positive + neutral + negative).toBeCloseTo(1, 6);
      expect(r.confidence).toBe(Math.max(positive, neutral, negative));
      expect(r.confidence).toBeGreaterThan(1 / 3);
      expect(r.confidence).toBeLessThan(1);
    }
    // A rating still decides at the ends of the scale.
    const rated = classifyAdapted(model, adaptation, { text: "Grainly cold brew slaps", rating: { value: 1, scale: 5 } });
    expect(rated.label).toBe("negative");
  });

  it("round-trips through a compact Buffer with the same labels", () => {
    const bytes = encodeAdaptation(adaptation);
    expect(bytes.length).toBeLessThan(100_000);
    const decoded = decodeAdaptation(bytes);
    expect(decoded.corrections).toBe(replayed.length);
    expect(decoded.baseVersion).toBe(model.version);
    for (const c of log) {
      const a = classifyAdapted(model, adaptation, { text: c.text });
      const b = classifyAdapted(model, decoded, { text: c.text });
      expect(b.label).toBe(a.label);
      expect(b.confidence).toBeCloseTo(a.confidence, 2);
    }
  });
});

describe("applyCorrection", () => {
  const m = syntheticModel();

  it("without corrections classifies exactly as the model does", () => {
    const input = { text: "Сервис ужасный, но кофе отличный" };
    expect(classifyAdapted(m, createAdaptation(m), input)).toEqual(m.classify(input));
    expect(classifyAdapted(m, null, input)).toEqual(m.classify(input));
  });

  it("moves toward the specialist's label, stops once the margin is reached, and fades by shrinking", () => {
    const adaptation = createAdaptation(m);
    const input = { text: "кофе закончился" };
    const wanted = m.classify(input).label === "negative" ? "positive" : "negative";
    for (let i = 0; i < 20 && classifyAdapted(m, adaptation, input).label !== wanted; i++) applyCorrection(m, adaptation, input, wanted);
    expect(classifyAdapted(m, adaptation, input).label).toBe(wanted);
    // Confirmed with a margin: a further correction with the same label changes nothing but the shrink.
    for (let i = 0; i < 5; i++) applyCorrection(m, adaptation, input, wanted);
    const settled = adaptationLogits(adaptation, m.inspect(input).features);
    const unrelated = { text: "совсем другой текст" };
    for (let i = 0; i < 3000; i++) applyCorrection(m, adaptation, unrelated, m.classify(unrelated).label, { margin: -100, aggressiveness: 0.5, shrink: 0.002, biasValue: 0.2 });
    const faded = adaptationLogits(adaptation, m.inspect(input).features);
    expect(Math.max(...faded.map(Math.abs))).toBeLessThan(0.01 * Math.max(...settled.map(Math.abs)));
  });

  it("inspect + resultFromLogits reproduce classify", () => {
    for (const input of [{ text: "great" }, { text: "Сбер ужасный, а ВТБ хороший", brand: "ВТБ" }, { text: "meh", rating: { value: 5, scale: 5 } }]) {
      expect(m.resultFromLogits(m.inspect(input).logits, input.rating)).toEqual(m.classify(input));
      expect(model.resultFromLogits(model.inspect(input).logits, input.rating)).toEqual(model.classify(input));
    }
  });

  it("is ignored with a model of another hash size, and refuses to learn on one", () => {
    const adaptation: TBrandAdaptation = { ...createAdaptation(m), bits: 7 };
    adaptation.bias = [5, 0, 0];
    expect(classifyAdapted(m, adaptation, { text: "great" })).toEqual(m.classify({ text: "great" }));
    expect(() => applyCorrection(m, adaptation, { text: "great" }, "positive")).toThrow(/bits/);
  });
});

describe("accuracyByWeek", () => {
  it("buckets by ISO week (Monday, UTC), keeps empty weeks between, skips invalid dates", () => {
    const items: TVerifiedLabel[] = [
      { at: "2026-11-02T00:00:00Z", machineLabel: "positive", specialistLabel: "positive" }, // Monday
      { at: "2026-11-08T23:59:59Z", machineLabel: "neutral", specialistLabel: "negative" }, // Sunday, same week
      { at: new Date("2026-11-05T12:00:00Z"), machineLabel: "negative", specialistLabel: "negative" },
      { at: Date.parse("2026-11-23T10:00:00Z"), machineLabel: "neutral", specialistLabel: "positive" },
      { at: "not a date", machineLabel: "neutral", specialistLabel: "neutral" },
    ];
    expect(accuracyByWeek(items)).toEqual([
      { weekStart: "2026-11-02", n: 3, correct: 2, accuracy: 2 / 3 },
      { weekStart: "2026-11-09", n: 0, correct: 0, accuracy: null },
      { weekStart: "2026-11-16", n: 0, correct: 0, accuracy: null },
      { weekStart: "2026-11-23", n: 1, correct: 0, accuracy: 0 },
    ]);
    expect(accuracyByWeek([])).toEqual([]);
  });

  it("puts a Sunday late evening in its own week, and the next Monday in the next", () => {
    const weeks = accuracyByWeek([
      { at: "2026-11-01T23:00:00Z", machineLabel: "neutral", specialistLabel: "neutral" },
      { at: "2026-11-02T00:30:00Z", machineLabel: "neutral", specialistLabel: "neutral" },
    ]);
    expect(weeks.map((w) => w.weekStart)).toEqual(["2026-10-26", "2026-11-02"]);
  });
});
