import { describe, expect, it } from "vitest";
import { accuracyRange, confusionRows, fillWeeks, weekBars } from "./accuracy-geometry.ts";

const week = (weekStart: string, n: number, correct: number) => ({ weekStart, n, correct, accuracy: n ? correct / n : null });

describe("the weekly accuracy chart", () => {
  it("draws one bar per week, empty weeks as gaps, heights by accuracy", () => {
    const bars = weekBars([week("2026-01-05", 4, 3), week("2026-01-12", 0, 0), week("2026-01-19", 2, 2)], { width: 300, height: 100, minLabelGap: 10 });
    expect(bars.map((b) => b.height)).toEqual([75, 0, 100]);
    expect(bars.map((b) => b.y)).toEqual([25, 100, 0]);
    expect(bars[1]?.x).toBeCloseTo(103);
    expect(bars.every((b) => b.width > 0 && b.x + b.width <= 300)).toBe(true);
    expect(weekBars([], { width: 300, height: 100, minLabelGap: 10 })).toEqual([]);
  });

  it("keeps bars narrow when there are few weeks", () => {
    const [bar] = weekBars([week("2026-01-05", 4, 3)], { width: 600, height: 100, minLabelGap: 10, maxBarWidth: 40 });
    expect(bar?.width).toBe(40);
    expect(bar?.x).toBe(280);
  });

  it("fills the period with empty weeks up to the current one", () => {
    const filled = fillWeeks([week("2026-02-16", 3, 2)], "2026-02-02", new Date("2026-03-04T12:00:00Z"));
    expect(filled.map((w) => w.weekStart)).toEqual(["2026-02-02", "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02"]);
    expect(filled.map((w) => w.n)).toEqual([0, 0, 3, 0, 0]);
    // All time: from the first verified week on.
    expect(fillWeeks([week("2026-02-23", 1, 1)], undefined, new Date("2026-03-04T12:00:00Z")).map((w) => w.weekStart)).toEqual(["2026-02-23", "2026-03-02"]);
    expect(fillWeeks([], undefined, new Date())).toEqual([]);
  });

  it("labels the latest week and every k-th before it so dates never crowd", () => {
    const weeks = Array.from({ length: 26 }, (_, i) => week(`w${i}`, 1, 1));
    const labelled = weekBars(weeks, { width: 520, height: 100, minLabelGap: 60 }).flatMap((b, i) => (b.labelled ? [i] : []));
    expect(labelled.at(-1)).toBe(25);
    expect(labelled[1]! - labelled[0]!).toBe(3);
  });
});

describe("the confusion matrix", () => {
  it("orders rows and columns, appends unknown labels, shares per row", () => {
    const { labels, rows } = confusionRows({ negative: { negative: 3, neutral: 1 }, positive: { positive: 2 }, weird: { neutral: 1 } }, ["positive", "neutral", "negative"]);
    expect(labels).toEqual(["positive", "neutral", "negative", "weird"]);
    const negative = rows.find((r) => r.machine === "negative");
    expect(negative?.total).toBe(4);
    expect(negative?.cells.map((c) => c.n)).toEqual([0, 1, 3, 0]);
    expect(negative?.cells.find((c) => c.agrees)?.share).toBe(0.75);
    expect(rows.find((r) => r.machine === "neutral")?.total).toBe(0);
  });
});

describe("the accuracy period", () => {
  it("starts on the Monday of the first of the whole weeks", () => {
    // Wednesday 2026-03-04: this week starts Monday 2026-03-02.
    expect(accuracyRange(1, new Date("2026-03-04T12:00:00Z"))).toEqual({ from: "2026-03-02" });
    expect(accuracyRange(12, new Date("2026-03-04T12:00:00Z"))).toEqual({ from: "2025-12-15" });
    expect(accuracyRange(1, new Date("2026-03-08T23:00:00Z"))).toEqual({ from: "2026-03-02" });
    expect(accuracyRange(null, new Date())).toEqual({});
  });
});
