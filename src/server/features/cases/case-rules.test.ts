import { describe, expect, it } from "vitest";
import { DEFAULT_CASE_RULES, type TRuleCandidate, dueAtFor, opensCase } from "./case-rules.ts";

const now = new Date("2026-11-20T12:00:00Z");
const negative: TRuleCandidate = {
  sentiment: "negative",
  sentimentConfidence: 0.7,
  sentimentOrigin: "model",
  negativeType: "complaint",
  sourceKind: "vk",
  status: "new",
  authorIsOwner: false,
  publishedAt: new Date("2026-11-20T10:00:00Z"),
};

describe("case rules of a brand", () => {
  it("by default a fresh negative opens a case; others do not", () => {
    expect(opensCase(DEFAULT_CASE_RULES, negative, now)).toBe(true);
    expect(opensCase(DEFAULT_CASE_RULES, { ...negative, sentiment: "neutral" }, now)).toBe(false);
    expect(opensCase(DEFAULT_CASE_RULES, { ...negative, sentiment: null }, now)).toBe(false);
    expect(opensCase(DEFAULT_CASE_RULES, { ...negative, status: "irrelevant" }, now)).toBe(false);
    expect(opensCase(DEFAULT_CASE_RULES, { ...negative, authorIsOwner: true }, now)).toBe(false);
    expect(opensCase(DEFAULT_CASE_RULES, { ...negative, publishedAt: new Date("2026-09-01T00:00:00Z") }, now)).toBe(false);
    expect(opensCase({ ...DEFAULT_CASE_RULES, maxAgeDays: null }, { ...negative, publishedAt: new Date("2020-01-01T00:00:00Z") }, now)).toBe(true);
    expect(opensCase({ ...DEFAULT_CASE_RULES, autoOpen: false }, negative, now)).toBe(false);
  });

  it("narrows by type, source and confidence; a specialist's label is always sure", () => {
    const rules = { ...DEFAULT_CASE_RULES, negativeTypes: ["complaint", "attack"], sourceKinds: ["vk", "banki_ru"], minConfidence: 0.8 };
    expect(opensCase(rules, negative, now)).toBe(false);
    expect(opensCase(rules, { ...negative, sentimentConfidence: 0.85 }, now)).toBe(true);
    expect(opensCase(rules, { ...negative, sentimentOrigin: "specialist", sentimentConfidence: 0.1 }, now)).toBe(true);
    expect(opensCase(rules, { ...negative, sentimentConfidence: 0.9, negativeType: "troll" }, now)).toBe(false);
    expect(opensCase(rules, { ...negative, sentimentConfidence: 0.9, negativeType: null }, now)).toBe(false);
    expect(opensCase(rules, { ...negative, sentimentConfidence: 0.9, sourceKind: "reddit" }, now)).toBe(false);
  });

  it("the response is due the target after publication", () => {
    expect(dueAtFor(negative.publishedAt, DEFAULT_CASE_RULES).toISOString()).toBe("2026-11-21T10:00:00.000Z");
    expect(dueAtFor(negative.publishedAt, { responseTargetHours: 4 }).toISOString()).toBe("2026-11-20T14:00:00.000Z");
  });
});
