import { FetchRefusedError, type TGuardedResponse } from "../../lib/guarded-fetch.ts";
import { parseRetryAfter } from "../../lib/backoff.ts";
import { ConnectorError, ReplyError, type TConnectorContext, type TReplyResult, type TReplyTarget } from "../connector.ts";
import { scrub } from "./vk.api.ts";
import type { TVkConfig } from "./vk.config.ts";
import { vkCommentUrl } from "./vk.mapping.ts";
import { buildVkReplyRequest, parseVkReplyResponse } from "./vk.reply.ts";

/**
 * The VK side of publishing: a community source answers on its own wall through
 * `wall.createComment`, as the community (`from_group`), with the case's idempotency key as
 * `guid` so a repeated call posts nothing twice. VK's refusals become ReplyErrors: code 5 (an
 * expired or revoked token) is `auth`, flood control and quotas `rate_limited`, code 100 on the
 * message (too long, empty) and 222 (links forbidden) `text_rejected`, a deleted post or closed
 * comments `target_gone`.
 */
/** Deleted or blocked page; no access to the post, the comment, comments or replies. */
const GONE_CODES = new Set([18, 210, 211, 212, 213]);
/** One of the parameters (the message: too long, empty) invalid; hyperlinks forbidden. */
const TEXT_CODES = new Set([100, 222]);

export async function publishVkReply(ctx: TConnectorContext, config: TVkConfig, target: TReplyTarget, text: string): Promise<TReplyResult> {
  if (config.mode !== "community" || config.groupId === undefined) {
    throw new ReplyError("not_configured", "VK: only a community source (with the community's admin token) can answer");
  }
  const ownerId = Number(target.ref.owner_id);
  const postId = Number(target.ref.post_id);
  const commentId = target.ref.comment_id === undefined ? undefined : Number(target.ref.comment_id);
  if (!Number.isSafeInteger(ownerId) || !Number.isSafeInteger(postId) || (commentId !== undefined && !Number.isSafeInteger(commentId))) {
    throw new ReplyError("target_gone", "VK: the mention has no post to answer under");
  }
  const request = buildVkReplyRequest({
    ownerId,
    postId,
    commentId,
    message: text,
    // As the community on its own wall; elsewhere VK decides (a community can comment as itself where allowed).
    fromGroup: config.groupId,
    guid: target.idempotencyKey.slice(0, 64),
    accessToken: config.accessToken,
    apiVersion: config.apiVersion,
    baseUrl: config.baseUrl,
  });

  let res: TGuardedResponse;
  try {
    res = await ctx.fetch(request.url, { method: request.method, body: request.body, headers: { accept: "application/json" }, signal: ctx.signal, maxRedirects: 0 });
  } catch (error) {
    const message = error instanceof Error ? scrub(error.message, config.accessToken) : "network error";
    if (error instanceof FetchRefusedError && error.code !== "timeout" && error.code !== "network") throw new ReplyError("upstream", `VK wall.createComment: ${message}`);
    throw new ReplyError("unknown_outcome", `VK wall.createComment: no answer (${message}); the comment may be out — look before retrying`);
  }
  if (res.status === 429) throw new ReplyError("rate_limited", "VK wall.createComment: too many requests (HTTP 429)", parseRetryAfter(res.headers.get("retry-after"), ctx.now));
  if (res.status >= 500) throw new ReplyError("unknown_outcome", `VK wall.createComment: HTTP ${res.status}`);
  if (res.status !== 200) throw new ReplyError("upstream", `VK wall.createComment: HTTP ${res.status}`);

  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new ReplyError("unknown_outcome", "VK wall.createComment: the answer is not JSON");
  }
  try {
    const { commentId: created } = parseVkReplyResponse(body, config.accessToken);
    return {
      externalId: `${ownerId}_${postId}_c${created}`,
      url: vkCommentUrl(ownerId, postId, created) + (commentId === undefined ? "" : `&thread=${commentId}`),
    };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    throw toReplyError(error, vkErrorCode(body));
  }
}

function toReplyError(error: ConnectorError, code: number | undefined): ReplyError {
  if (code !== undefined && TEXT_CODES.has(code)) return new ReplyError("text_rejected", error.message);
  if (code !== undefined && GONE_CODES.has(code)) return new ReplyError("target_gone", error.message);
  switch (error.kind) {
    case "auth":
      return new ReplyError("auth", error.message);
    case "rate_limited":
      return new ReplyError("rate_limited", error.message, error.retryAfterSeconds);
    case "not_found":
      return new ReplyError("target_gone", error.message);
    case "markup_changed":
      return new ReplyError("unknown_outcome", error.message);
    case "upstream":
      return new ReplyError("upstream", error.message);
  }
}

function vkErrorCode(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null || !("error_code" in error)) return undefined;
  const code = (error as { error_code: unknown }).error_code;
  return typeof code === "number" ? code : undefined;
}
