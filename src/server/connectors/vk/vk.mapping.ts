import type { TConnectorItem } from "../connector.ts";
import type { TVkComment, TVkDirectory, TVkPost, TVkThreadItem } from "./vk.types.ts";

/**
 * VK objects → the common record. Posts keep VK's own id (`{owner_id}_{id}`); comments add the
 * comment id (`{owner_id}_{post_id}_c{id}`) so the two can never collide.
 */
export type TVkMapContext = {
  mode: "search" | "community";
  /** Community mode: the brand's community; its own comments are owner replies, not mentions. */
  groupId?: number;
  directory: TVkDirectory;
  target: NonNullable<TConnectorItem["target"]>;
};

export const vkPostId = (ownerId: number, postId: number): string => `${ownerId}_${postId}`;
export const vkCommentId = (ownerId: number, postId: number, commentId: number): string => `${ownerId}_${postId}_c${commentId}`;
export const vkPostUrl = (ownerId: number, postId: number): string => `https://vk.com/wall${ownerId}_${postId}`;
export const vkCommentUrl = (ownerId: number, postId: number, commentId: number): string =>
  `https://vk.com/wall${ownerId}_${postId}?reply=${commentId}`;

export function vkPostToItem(post: TVkPost, mc: TVkMapContext): TConnectorItem {
  const fromId = post.from_id ?? post.owner_id;
  return {
    kind: "post",
    externalId: vkPostId(post.owner_id, post.id),
    url: vkPostUrl(post.owner_id, post.id),
    target: mc.target,
    author: vkAuthor(fromId, mc),
    text: vkText(post.text, post.attachments),
    publishedAt: unixToIso(post.date),
    updatedAt: post.edited === undefined ? undefined : unixToIso(post.edited),
    metrics: {
      likes: post.likes?.count,
      shares: post.reposts?.count,
      views: post.views?.count,
      replies: post.comments?.count,
    },
    replyCapability: mc.mode === "community" ? "api" : "manual_link",
    replyTarget: { owner_id: String(post.owner_id), post_id: String(post.id) },
    raw: stripAccessKeys(post),
  };
}

/**
 * A top-level comment and the replies in its thread, as mentions. The community's own replies
 * (`from_id == -groupId`) are not mentions: each becomes the `ownerReply` of the comment it
 * answers (the latest one when there are several), so the workflow sees the comment as answered.
 * A thread item without `reply_to_comment` answers the top-level comment.
 */
export function vkCommentToItems(comment: TVkComment, post: { ownerId: number; postId: number }, mc: TVkMapContext): TConnectorItem[] {
  const thread = comment.thread?.items ?? [];
  const ownReplies = thread.filter((t) => isOwn(t.from_id, mc) && !t.deleted);
  const repliesTo = (id: number, isTop: boolean) =>
    ownReplies.filter((r) => (r.reply_to_comment ?? (isTop ? comment.id : undefined)) === id);

  const items: TConnectorItem[] = [];
  if (!isOwn(comment.from_id, mc) && !isDeleted(comment)) {
    items.push(vkCommentToItem(comment, post, mc, repliesTo(comment.id, true), comment.thread?.count));
  }
  for (const t of thread) {
    if (isOwn(t.from_id, mc) || isDeleted(t)) continue;
    items.push(vkCommentToItem(t, post, mc, repliesTo(t.id, false), undefined));
  }
  return items;
}

function vkCommentToItem(
  c: TVkThreadItem,
  post: { ownerId: number; postId: number },
  mc: TVkMapContext,
  ownReplies: readonly TVkThreadItem[],
  threadCount: number | undefined,
): TConnectorItem {
  const reply = ownReplies.reduce<TVkThreadItem | undefined>((latest, r) => (!latest || r.date >= latest.date ? r : latest), undefined);
  const ownerId = c.owner_id ?? post.ownerId;
  const postId = c.post_id ?? post.postId;
  const { thread: _thread, ...withoutThread } = c as TVkComment;
  return {
    kind: "comment",
    externalId: vkCommentId(ownerId, postId, c.id),
    url: vkCommentUrl(ownerId, postId, c.id),
    target: mc.target,
    parent: { externalId: vkPostId(ownerId, postId), url: vkPostUrl(ownerId, postId) },
    author: vkAuthor(c.from_id, mc),
    text: vkText(c.text, c.attachments),
    publishedAt: unixToIso(c.date),
    metrics: { likes: c.likes?.count, replies: threadCount },
    ownerReply: reply
      ? {
          text: vkText(reply.text, reply.attachments),
          publishedAt: unixToIso(reply.date),
          authorName: vkAuthor(reply.from_id, mc).name,
          externalId: vkCommentId(ownerId, postId, reply.id),
        }
      : undefined,
    replyCapability: mc.mode === "community" ? "api" : "manual_link",
    replyTarget: { owner_id: String(ownerId), post_id: String(postId), comment_id: String(c.id) },
    // The thread's items are mentions (or owner replies) of their own; keep this comment alone.
    raw: stripAccessKeys(withoutThread),
  };
}

/** Who wrote it: a person (`from_id > 0`) or a community (`from_id < 0`), as `extended=1` says. */
export function vkAuthor(fromId: number, mc: Pick<TVkMapContext, "directory" | "groupId" | "mode">): TConnectorItem["author"] {
  const isOwner = mc.mode === "community" ? fromId === -(mc.groupId ?? 0) : undefined;
  if (fromId < 0) {
    const group = mc.directory.groups.find((g) => g.id === -fromId);
    return {
      externalId: String(fromId),
      name: group?.name,
      handle: group?.screen_name,
      url: `https://vk.com/${group?.screen_name ?? `club${-fromId}`}`,
      avatarUrl: group?.photo_100 ?? group?.photo_50,
      isOwner,
    };
  }
  const profile = mc.directory.profiles.find((p) => p.id === fromId);
  const name = [profile?.first_name, profile?.last_name].filter(Boolean).join(" ");
  return {
    externalId: String(fromId),
    name: name || undefined,
    handle: profile?.screen_name,
    url: `https://vk.com/${profile?.screen_name ?? `id${fromId}`}`,
    avatarUrl: profile?.photo_100 ?? profile?.photo_50,
    isOwner,
  };
}

const MENTION = /\[(?:id|club|public|event)\d+\|([^\]|]+)\]/g;

/**
 * Plain text as a reader sees it: VK's mention markup `[id1|Анна]` becomes `Анна`. A post with
 * no text of its own (a photo, a shared link) is described by its attachments' titles, so there
 * is something to match and show.
 */
export function vkText(text: string, attachments: readonly Record<string, unknown>[] | undefined): string {
  const own = text.replace(MENTION, "$1").trim();
  if (own || !attachments) return own;
  return attachments
    .map((a) => attachmentTitle(a))
    .filter((t): t is string => Boolean(t))
    .join("\n");
}

function attachmentTitle(attachment: Record<string, unknown>): string | undefined {
  const type = attachment.type;
  if (typeof type !== "string") return undefined;
  const body = attachment[type];
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const pick = (key: string) => (typeof fields[key] === "string" && fields[key] ? (fields[key] as string) : undefined);
  switch (type) {
    case "link":
      return pick("title");
    case "photo":
      return pick("text");
    case "video":
    case "doc":
    case "article":
      return pick("title");
    case "poll":
      return pick("question");
    default:
      return undefined;
  }
}

/** Unix seconds → ISO-8601 UTC. */
export const unixToIso = (seconds: number): string => new Date(seconds * 1000).toISOString();

function isOwn(fromId: number, mc: TVkMapContext): boolean {
  return mc.mode === "community" && mc.groupId !== undefined && fromId === -mc.groupId;
}

function isDeleted(c: TVkThreadItem): boolean {
  return c.deleted === true || c.from_id === 0;
}

/** `access_key`s open private photos and videos to anyone holding them; raw keeps none. */
export function stripAccessKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => stripAccessKeys(v)) as T;
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (key !== "access_key") out[key] = stripAccessKeys(v);
  return out as T;
}
