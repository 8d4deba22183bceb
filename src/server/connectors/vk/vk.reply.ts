import { z } from "zod";
import { unwrapVkEnvelope } from "./vk.api.ts";
import { VK_DEFAULT_API_VERSION, VK_DEFAULT_BASE_URL } from "./vk.config.ts";

/**
 * Publishing an approved answer: `wall.createComment` under a post, or as a reply to one of its
 * comments. Built here, sent by the publisher through the guarded fetch. The token travels in
 * the POST body, never in the URL.
 */
export type TVkReplyInput = {
  ownerId: number;
  postId: number;
  /** Answer this comment (`reply_to_comment`); omitted: a new comment under the post. */
  commentId?: number;
  message: string;
  /** Post as this community (its positive id); omitted: as the token's user. */
  fromGroup?: number;
  /** Idempotency key: VK ignores a second comment with the same guid. */
  guid: string;
  accessToken: string;
  apiVersion?: string;
  baseUrl?: string;
};

export type TVkReplyRequest = { url: string; method: "POST"; body: URLSearchParams };

export function buildVkReplyRequest(input: TVkReplyInput): TVkReplyRequest {
  const body = new URLSearchParams();
  body.set("owner_id", String(input.ownerId));
  body.set("post_id", String(input.postId));
  if (input.commentId !== undefined) body.set("reply_to_comment", String(input.commentId));
  if (input.fromGroup !== undefined && input.fromGroup > 0) body.set("from_group", String(input.fromGroup));
  body.set("message", input.message);
  body.set("guid", input.guid);
  body.set("v", input.apiVersion ?? VK_DEFAULT_API_VERSION);
  body.set("access_token", input.accessToken);
  const base = (input.baseUrl ?? VK_DEFAULT_BASE_URL).replace(/\/+$/, "");
  return { url: `${base}/method/wall.createComment`, method: "POST", body };
}

const createCommentSchema = z.looseObject({ comment_id: z.number() });

/**
 * `{"response":{"comment_id":…}}` → the new comment's id. VK's errors become ConnectorErrors:
 * an expired or revoked token (5) is "auth", flood control and quotas are "rate_limited", and
 * anything else (a too long message, comments closed) is "upstream" with VK's own words. An
 * answer in neither shape is "markup_changed": whether the comment went out is unknown.
 */
export function parseVkReplyResponse(json: unknown, accessToken?: string): { commentId: number } {
  const response = unwrapVkEnvelope(json, "wall.createComment", createCommentSchema, accessToken);
  return { commentId: response.comment_id };
}
