import { describe, expect, it } from "vitest";
import { appliesTo, applyBulkAction, focusAfterRemoval, leavesReviewQueue } from "./apply-bulk-action.ts";
import type { TMention } from "./types.ts";

const now = new Date("2026-03-02T10:00:00Z");
const reaction = { en: "Apologise.", ru: "Извиниться." };

function mention(overrides: Partial<TMention> = {}): TMention {
  return {
    id: "m1",
    sourceKind: "vk",
    sourceId: null,
    sourceName: null,
    origin: "connector",
    kind: "post",
    url: "https://example.com/1",
    site: null,
    parentUrl: null,
    target: null,
    author: { name: null, handle: null, url: null, isOwner: false },
    title: null,
    text: "Курьер опоздал на три часа",
    pros: null,
    cons: null,
    lang: "ru",
    rating: null,
    publishedAt: "2026-03-01T10:00:00Z",
    firstSeenAt: "2026-03-01T10:00:00Z",
    sentiment: { label: "negative", confidence: 0.61, origin: "model", at: null },
    negativeType: { type: "complaint", confidence: 0.4, origin: "model", reaction },
    aspects: ["delivery"],
    status: "new",
    tags: [],
    matched: true,
    matchedGroups: [],
    matches: [],
    searchHighlights: [],
    clusterId: "m1",
    copies: null,
    revision: 1,
    metrics: null,
    ownerReply: null,
    replyCapability: "none",
    ...overrides,
  };
}

describe("a bulk action applied ahead of the server", () => {
  it("confirming keeps the machine's label as the specialist's", () => {
    const after = applyBulkAction(mention(), { action: "confirm_sentiment" }, now);
    expect(after.sentiment).toEqual({ label: "negative", confidence: 1, origin: "specialist", at: now.toISOString() });
    expect(after.negativeType).toEqual(mention().negativeType);
  });

  it("a mention that stops being negative loses its type", () => {
    const after = applyBulkAction(mention(), { action: "set_sentiment", sentiment: "neutral" }, now);
    expect(after.sentiment?.label).toBe("neutral");
    expect(after.negativeType).toBeNull();
    expect(applyBulkAction(mention(), { action: "set_sentiment", sentiment: "negative" }, now).negativeType?.type).toBe("complaint");
  });

  it("sets or confirms a type on negatives only", () => {
    const troll = applyBulkAction(mention(), { action: "set_negative_type", negativeType: "troll" }, now);
    expect(troll.negativeType).toEqual({ type: "troll", confidence: 1, origin: "specialist", reaction: { en: "", ru: "" } });
    const same = applyBulkAction(mention(), { action: "set_negative_type", negativeType: "complaint" }, now);
    expect(same.negativeType?.reaction).toEqual(reaction);
    expect(applyBulkAction(mention(), { action: "confirm_negative_type" }, now).negativeType).toMatchObject({ type: "complaint", origin: "specialist", confidence: 1 });

    const positive = mention({ sentiment: { label: "positive", confidence: 0.9, origin: "model", at: null }, negativeType: null });
    expect(applyBulkAction(positive, { action: "set_negative_type", negativeType: "troll" }, now)).toBe(positive);
    expect(appliesTo(positive, { action: "set_negative_type", negativeType: "troll" })).toBe(false);
    expect(appliesTo(mention({ sentiment: null }), { action: "confirm_sentiment" })).toBe(false);
    expect(appliesTo(mention({ negativeType: null }), { action: "confirm_negative_type" })).toBe(false);
    expect(appliesTo(mention(), { action: "confirm_negative_type" })).toBe(true);
    const verified = applyBulkAction(applyBulkAction(mention(), { action: "confirm_sentiment" }, now), { action: "confirm_negative_type" }, now);
    expect(appliesTo(verified, { action: "confirm_sentiment" })).toBe(false);
    expect(appliesTo(verified, { action: "confirm_negative_type" })).toBe(false);
    expect(appliesTo(verified, { action: "set_sentiment", sentiment: "neutral" })).toBe(true);
  });

  it("tags and status as before", () => {
    expect(applyBulkAction(mention(), { action: "add_tag", tag: "x" }, now).tags).toEqual(["x"]);
    expect(applyBulkAction(mention({ tags: ["x"] }), { action: "remove_tag", tag: "x" }, now).tags).toEqual([]);
    expect(applyBulkAction(mention(), { action: "set_status", status: "read" }, now).status).toBe("read");
  });
});

describe("the review queue", () => {
  it("loses a mention once its sentiment is the specialist's or it is irrelevant", () => {
    expect(leavesReviewQueue({ action: "confirm_sentiment" })).toBe(true);
    expect(leavesReviewQueue({ action: "set_sentiment", sentiment: "positive" })).toBe(true);
    expect(leavesReviewQueue({ action: "set_status", status: "irrelevant" })).toBe(true);
    expect(leavesReviewQueue({ action: "set_status", status: "read" })).toBe(false);
    expect(leavesReviewQueue({ action: "set_negative_type", negativeType: "attack" })).toBe(false);
  });

  it("moves focus to the next mention that stays, else the one before", () => {
    const ids = ["a", "b", "c", "d"];
    expect(focusAfterRemoval(ids, new Set(["b"]), "b")).toBe("c");
    expect(focusAfterRemoval(ids, new Set(["b", "c"]), "b")).toBe("d");
    expect(focusAfterRemoval(ids, new Set(["d"]), "d")).toBe("c");
    expect(focusAfterRemoval(ids, new Set(["a"]), "c")).toBe("c");
    expect(focusAfterRemoval(ids, new Set(ids), "a")).toBeNull();
    expect(focusAfterRemoval(ids, new Set(["a"]), null)).toBeNull();
  });
});
