import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import ownReply from "./__fixtures__/api_comment.json" with { type: "json" };
import ownComments from "./__fixtures__/comments.json" with { type: "json" };
import ownSearch from "./__fixtures__/search.page1.json" with { type: "json" };
import { redditCommentToItem, redditLinkToItem } from "./reddit.mapping.ts";
import { parseRedditReplyResponse } from "./reddit.reply.ts";
import { jsonShape, shapeConflicts } from "../test-kit.ts";
import { redditCommentSchema, redditLinkSchema, redditListingSchema } from "./reddit.types.ts";

/**
 * The real recordings in ../shared (CONNECTORS.md §6) are not part of the project; when they
 * are next to it, the mapping must accept them and our invented fixtures must match their shape.
 */
const dir = fileURLToPath(new URL("../../../../../shared/fixtures/sources/", import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(`${dir}${name}`, "utf8"));
const mc = { target: { kind: "query" as const, externalId: "praw" } };

describe.skipIf(!existsSync(dir))("reddit: conformance against ../shared fixtures (skipped when absent)", () => {
  it("maps a recorded search listing of posts", () => {
    const listing = redditListingSchema.parse(read("reddit_search.json"));
    expect(listing.data.children.length).toBeGreaterThan(0);
    for (const child of listing.data.children) {
      expect(child.kind).toBe("t3");
      const link = redditLinkSchema.parse(child.data);
      const item = redditLinkToItem(link, mc);
      expect(item?.externalId).toBe(`t3_${link.id}`);
      expect(item?.url).toBe(`https://www.reddit.com${link.permalink}`);
      expect(item?.publishedAt).toBe(new Date(link.created_utc * 1000).toISOString());
      expect(item?.updatedAt).toBe(typeof link.edited === "number" ? new Date(link.edited * 1000).toISOString() : undefined);
      expect(item?.metrics).toEqual({ score: link.score, replies: link.num_comments });
      expect(item?.replyTarget).toEqual({ thing_id: link.name });
    }
  });

  it("maps a recorded comment listing", () => {
    const listing = redditListingSchema.parse(read("reddit_r_all_comments.json"));
    for (const child of listing.data.children) {
      const comment = redditCommentSchema.parse(child.data);
      const item = redditCommentToItem(comment, mc);
      expect(item?.kind).toBe("comment");
      expect(item?.parent?.externalId).toBe(comment.link_id);
      expect(item?.url).toBe(`https://www.reddit.com/comments/${comment.link_id.slice(3)}/comment/${comment.id}`);
    }
  });

  it("reads a recorded reply answer", () => {
    const result = parseRedditReplyResponse(read("reddit_api_comment_reply.json"));
    expect(result.name).toBe(`t1_${result.id}`);
    expect(result.permalink).toMatch(new RegExp(`/comments/[a-z0-9]+/comment/${result.id}/$`));
  });

  it("our fixtures have the recorded shapes", () => {
    const realSearch = read("reddit_search.json");
    const realComments = read("reddit_r_all_comments.json");
    const realReply = read("reddit_api_comment_reply.json");
    expect(shapeConflicts(ownSearch, realSearch)).toEqual([]);
    expect(shapeConflicts(ownComments, realComments)).toEqual([]);
    expect(shapeConflicts(ownReply, realReply)).toEqual([]);
    const missing = (value: unknown, paths: string[]) => paths.filter((p) => !jsonShape(value).has(p));
    const t3 = ["kind", "data.after", "data.children[].kind", "data.children[].data.id", "data.children[].data.name", "data.children[].data.title", "data.children[].data.selftext", "data.children[].data.author", "data.children[].data.created_utc", "data.children[].data.permalink", "data.children[].data.score", "data.children[].data.num_comments", "data.children[].data.edited"];
    expect(missing(ownSearch, t3)).toEqual([]);
    expect(missing(realSearch, t3)).toEqual([]);
    const t1 = ["data.children[].data.body", "data.children[].data.link_id", "data.children[].data.parent_id", "data.children[].data.name", "data.children[].data.created_utc"];
    expect(missing(ownComments, t1)).toEqual([]);
    expect(missing(realComments, t1)).toEqual([]);
  });
});
