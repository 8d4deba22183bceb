import type { TConnectorItem } from "../connector.ts";
import type { TRedditComment, TRedditLink } from "./reddit.types.ts";

/**
 * Reddit things → the common record; the fullname (`t3_…`, `t1_…`) is the external id and the
 * reply target. Deleted or removed content is not returned: only "[deleted]"/"[removed]" is left.
 */
export const REDDIT_WEB = "https://www.reddit.com";
const GONE = new Set(["[deleted]", "[removed]"]);

export type TRedditMapContext = { target: NonNullable<TConnectorItem["target"]> };

export function redditLinkToItem(link: TRedditLink, mc: TRedditMapContext): TConnectorItem | undefined {
  if (GONE.has(link.selftext.trim())) return undefined;
  return {
    kind: "post",
    externalId: link.name,
    url: `${REDDIT_WEB}${link.permalink}`,
    target: mc.target,
    author: redditAuthor(link.author, link.author_fullname),
    title: link.title,
    // A link or image post has no body: its title is what people wrote.
    text: link.selftext || link.title,
    publishedAt: unixToIso(link.created_utc),
    updatedAt: typeof link.edited === "number" ? unixToIso(link.edited) : undefined,
    metrics: { score: link.score, replies: link.num_comments },
    replyCapability: link.locked || link.archived ? "none" : "api",
    replyTarget: { thing_id: link.name },
    raw: link,
  };
}

export function redditCommentToItem(comment: TRedditComment, mc: TRedditMapContext): TConnectorItem | undefined {
  if (GONE.has(comment.body.trim())) return undefined;
  const post36 = comment.link_id.replace(/^t3_/, "");
  return {
    kind: "comment",
    externalId: comment.name,
    url: comment.permalink ? `${REDDIT_WEB}${comment.permalink}` : `${REDDIT_WEB}/comments/${post36}/comment/${comment.id}`,
    target: mc.target,
    parent: { externalId: comment.link_id, url: `${REDDIT_WEB}/comments/${post36}` },
    author: redditAuthor(comment.author, comment.author_fullname),
    text: comment.body,
    publishedAt: unixToIso(comment.created_utc),
    updatedAt: typeof comment.edited === "number" ? unixToIso(comment.edited) : undefined,
    metrics: { score: comment.score },
    replyCapability: comment.locked || comment.archived ? "none" : "api",
    replyTarget: { thing_id: comment.name },
    raw: comment,
  };
}

function redditAuthor(name: string, fullname: string | undefined): TConnectorItem["author"] {
  if (GONE.has(name)) return {};
  return { externalId: fullname, name, handle: name, url: `${REDDIT_WEB}/user/${name}` };
}

/** Reddit's float seconds → ISO-8601 UTC. */
export const unixToIso = (seconds: number): string => new Date(Math.round(seconds * 1000)).toISOString();
