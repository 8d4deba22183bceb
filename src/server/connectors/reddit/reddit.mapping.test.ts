import { describe, expect, it } from "vitest";
import comments from "./__fixtures__/comments.json" with { type: "json" };
import { redditCommentToItem, redditLinkToItem } from "./reddit.mapping.ts";
import { redditCommentSchema, redditLinkSchema } from "./reddit.types.ts";

const mc = { target: { kind: "query" as const, externalId: "Northwind Bank" } };

describe("reddit mapping", () => {
  it("maps a comment from a comment listing (no permalink there) with its post as parent", () => {
    const data = redditCommentSchema.parse(comments.data.children[0]?.data);
    expect(redditCommentToItem(data, mc)).toEqual({
      kind: "comment",
      externalId: "t1_kq3f2a1",
      url: "https://www.reddit.com/comments/1qx7ab/comment/kq3f2a1",
      target: mc.target,
      parent: { externalId: "t3_1qx7ab", url: "https://www.reddit.com/comments/1qx7ab" },
      author: { name: "mkowalski_dev", handle: "mkowalski_dev", url: "https://www.reddit.com/user/mkowalski_dev" },
      text: "Northwind Bank did the same to me, it took 6 days. Call the fraud line, not general support.",
      publishedAt: "2026-11-20T11:50:00.000Z",
      metrics: { score: 12 },
      replyCapability: "api",
      replyTarget: { thing_id: "t1_kq3f2a1" },
      raw: data,
    });
  });

  it("uses the permalink when Reddit gives one, and the edit time", () => {
    const data = redditCommentSchema.parse({
      ...comments.data.children[0]?.data,
      permalink: "/r/personalfinance/comments/1qx7ab/northwind_bank_froze/kq3f2a1/",
      edited: 1795175800.5,
    });
    const item = redditCommentToItem(data, mc);
    expect(item?.url).toBe("https://www.reddit.com/r/personalfinance/comments/1qx7ab/northwind_bank_froze/kq3f2a1/");
    expect(item?.updatedAt).toBe("2026-11-20T11:56:40.500Z");
  });

  it("skips deleted and removed bodies", () => {
    expect(redditCommentToItem(redditCommentSchema.parse(comments.data.children[1]?.data), mc)).toBeUndefined();
    const removed = redditCommentSchema.parse({ ...comments.data.children[0]?.data, body: "[removed]" });
    expect(redditCommentToItem(removed, mc)).toBeUndefined();
  });

  it("a locked or archived post cannot be answered; a deleted author stays anonymous", () => {
    const base = { id: "1qx9", name: "t3_1qx9", title: "Northwind Bank", selftext: "text", created_utc: 1795170000, permalink: "/r/a/comments/1qx9/x/" };
    expect(redditLinkToItem(redditLinkSchema.parse({ ...base, author: "someone", locked: true }), mc)?.replyCapability).toBe("none");
    expect(redditLinkToItem(redditLinkSchema.parse({ ...base, author: "someone", archived: true }), mc)?.replyCapability).toBe("none");
    expect(redditLinkToItem(redditLinkSchema.parse({ ...base, author: "[deleted]" }), mc)?.author).toEqual({});
  });
});
