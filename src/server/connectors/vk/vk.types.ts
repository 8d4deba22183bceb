import { z } from "zod";

/**
 * The parts of VK API objects the connector reads (API 5.131). Loose: VK adds fields all the
 * time and the whole object is kept as `raw`; only what the mapping relies on is checked, so
 * a changed shape fails loudly instead of producing empty items.
 */
const counter = z.looseObject({ count: z.number() });

const attachment = z.looseObject({ type: z.string() });

/** A wall post as `wall.get` and `newsfeed.search` return it. */
export const vkPostSchema = z.looseObject({
  id: z.number(),
  owner_id: z.number(),
  from_id: z.number().optional(),
  date: z.number(),
  text: z.string().default(""),
  post_type: z.string().optional(),
  is_pinned: z.number().optional(),
  edited: z.number().optional(),
  attachments: z.array(attachment).optional(),
  comments: counter.optional(),
  likes: counter.optional(),
  reposts: counter.optional(),
  views: counter.optional(),
});
export type TVkPost = z.infer<typeof vkPostSchema>;

/** A reply inside a comment's thread. */
export const vkThreadItemSchema = z.looseObject({
  id: z.number(),
  from_id: z.number(),
  date: z.number(),
  text: z.string().default(""),
  post_id: z.number().optional(),
  owner_id: z.number().optional(),
  parents_stack: z.array(z.number()).optional(),
  reply_to_user: z.number().optional(),
  reply_to_comment: z.number().optional(),
  attachments: z.array(attachment).optional(),
  likes: counter.optional(),
  deleted: z.boolean().optional(),
});
export type TVkThreadItem = z.infer<typeof vkThreadItemSchema>;

/** A top-level comment as `wall.getComments` returns it (with `thread_items_count`). */
export const vkCommentSchema = vkThreadItemSchema.extend({
  thread: z
    .looseObject({
      count: z.number(),
      items: z.array(vkThreadItemSchema).default([]),
    })
    .optional(),
});
export type TVkComment = z.infer<typeof vkCommentSchema>;

export const vkProfileSchema = z.looseObject({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  screen_name: z.string().optional(),
  photo_50: z.string().optional(),
  photo_100: z.string().optional(),
});
export type TVkProfile = z.infer<typeof vkProfileSchema>;

export const vkGroupSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  screen_name: z.string().optional(),
  photo_50: z.string().optional(),
  photo_100: z.string().optional(),
});
export type TVkGroup = z.infer<typeof vkGroupSchema>;

/** `extended=1` adds who the `from_id`s are. */
const extended = {
  profiles: z.array(vkProfileSchema).default([]),
  groups: z.array(vkGroupSchema).default([]),
};

export const vkNewsfeedSearchSchema = z.looseObject({
  items: z.array(vkPostSchema),
  ...extended,
  next_from: z.string().optional(),
  count: z.number().optional(),
  total_count: z.number().optional(),
});
export type TVkNewsfeedSearch = z.infer<typeof vkNewsfeedSearchSchema>;

export const vkWallGetSchema = z.looseObject({
  count: z.number(),
  items: z.array(vkPostSchema),
  ...extended,
});
export type TVkWallGet = z.infer<typeof vkWallGetSchema>;

export const vkWallGetCommentsSchema = z.looseObject({
  count: z.number(),
  items: z.array(vkCommentSchema),
  ...extended,
  current_level_count: z.number().optional(),
});
export type TVkWallGetComments = z.infer<typeof vkWallGetCommentsSchema>;

/** Who the `from_id`s in one answer are. */
export type TVkDirectory = { profiles: readonly TVkProfile[]; groups: readonly TVkGroup[] };

/** The error object VK sends with HTTP 200 instead of `response`. */
export const vkErrorSchema = z.looseObject({
  error_code: z.number(),
  error_msg: z.string().default(""),
});
export type TVkError = z.infer<typeof vkErrorSchema>;
