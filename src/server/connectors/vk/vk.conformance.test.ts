import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import communityComments from "./__fixtures__/wall.getComments.json" with { type: "json" };
import communityWall from "./__fixtures__/wall.get.json" with { type: "json" };
import { unwrapVkEnvelope } from "./vk.api.ts";
import { vkCommentToItems, vkPostToItem } from "./vk.mapping.ts";
import { jsonShape, shapeConflicts } from "../test-kit.ts";
import { vkWallGetCommentsSchema, vkWallGetSchema } from "./vk.types.ts";

/**
 * The real recordings in ../shared (CONNECTORS.md §6) are not part of the project; when they
 * are next to it, the mapping must accept them and our invented fixtures must match their shape.
 */
const dir = fileURLToPath(new URL("../../../../../shared/fixtures/sources/", import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(`${dir}${name}`, "utf8"));

describe.skipIf(!existsSync(dir))("vk: conformance against ../shared fixtures (skipped when absent)", () => {
  it("maps recorded wall.get posts", () => {
    const wall = unwrapVkEnvelope(read("vk_wall_get.json"), "wall.get", vkWallGetSchema);
    expect(wall.items.length).toBeGreaterThan(0);
    for (const post of wall.items) {
      const item = vkPostToItem(post, {
        mode: "community",
        groupId: -post.owner_id,
        directory: wall,
        target: { kind: "page", externalId: String(post.owner_id) },
      });
      expect(item.externalId).toBe(`${post.owner_id}_${post.id}`);
      expect(item.url).toBe(`https://vk.com/wall${post.owner_id}_${post.id}`);
      expect(item.publishedAt).toBe(new Date(post.date * 1000).toISOString());
      expect(item.updatedAt).toBe(post.edited === undefined ? undefined : new Date(post.edited * 1000).toISOString());
      expect(item.metrics?.likes).toBe(post.likes?.count);
      expect(item.text.length).toBeGreaterThan(0);
      expect(item.text).not.toMatch(/\[(club|id)\d+\|/);
      expect(JSON.stringify(item.raw)).not.toContain("access_key");
    }
  });

  it("maps recorded comments, turning the community's thread replies into ownerReply", () => {
    const answer = unwrapVkEnvelope(read("vk_wall_getComments.json"), "wall.getComments", vkWallGetCommentsSchema);
    const first = answer.items[0];
    if (!first) throw new Error("the recording has no comments");
    const ownerId = first.owner_id ?? 0;
    const postId = first.post_id ?? 0;
    const groupId = -ownerId;
    const mc = { mode: "community" as const, groupId, directory: answer, target: { kind: "page" as const, externalId: String(ownerId) } };
    const items = answer.items.flatMap((c) => vkCommentToItems(c, { ownerId, postId }, mc));

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.author.externalId !== String(ownerId))).toBe(true);
    expect(items.every((i) => i.parent?.externalId === `${ownerId}_${postId}`)).toBe(true);
    for (const comment of answer.items) {
      const ownReplies = (comment.thread?.items ?? []).filter((t) => t.from_id === ownerId && t.reply_to_comment === comment.id);
      const item = items.find((i) => i.externalId === `${ownerId}_${postId}_c${comment.id}`);
      const latest = ownReplies.sort((a, b) => b.date - a.date)[0];
      expect(item?.ownerReply?.externalId).toBe(latest ? `${ownerId}_${postId}_c${latest.id}` : undefined);
    }
    expect(items.some((i) => i.ownerReply)).toBe(true);
  });

  it("our fixtures have the recorded shapes", () => {
    const realWall = read("vk_wall_get.json");
    const realComments = read("vk_wall_getComments.json");
    expect(shapeConflicts(communityWall, realWall)).toEqual([]);
    expect(shapeConflicts(communityComments, realComments)).toEqual([]);
    const core = (shape: Map<string, Set<string>>, paths: string[]) => paths.filter((p) => !shape.has(p));
    const postPaths = ["response.items[].id", "response.items[].owner_id", "response.items[].from_id", "response.items[].date", "response.items[].text", "response.items[].comments.count", "response.items[].likes.count", "response.items[].reposts.count", "response.items[].edited"];
    expect(core(jsonShape(communityWall), postPaths)).toEqual([]);
    expect(core(jsonShape(realWall), postPaths)).toEqual([]);
    const commentPaths = ["response.items[].id", "response.items[].from_id", "response.items[].date", "response.items[].text", "response.items[].post_id", "response.items[].owner_id", "response.items[].thread.count", "response.items[].thread.items[].from_id", "response.items[].thread.items[].reply_to_comment"];
    expect(core(jsonShape(communityComments), commentPaths)).toEqual([]);
    expect(core(jsonShape(realComments), commentPaths)).toEqual([]);
  });
});
