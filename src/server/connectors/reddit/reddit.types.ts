import { z } from "zod";

/**
 * The parts of Reddit's JSON the connector reads. Loose: the whole `data` object is kept as raw;
 * a missing field the mapping relies on fails loudly instead of producing empty items.
 */
const edited = z.union([z.boolean(), z.number()]).optional();

/** A submission (t3). */
export const redditLinkSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  selftext: z.string().default(""),
  author: z.string().default("[deleted]"),
  author_fullname: z.string().optional(),
  subreddit: z.string().optional(),
  created_utc: z.number(),
  permalink: z.string(),
  url: z.string().optional(),
  score: z.number().optional(),
  num_comments: z.number().optional(),
  edited,
  locked: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type TRedditLink = z.infer<typeof redditLinkSchema>;

/** A comment (t1). Comment listings from /r/<sub>/comments may lack `permalink`. */
export const redditCommentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  body: z.string(),
  author: z.string().default("[deleted]"),
  author_fullname: z.string().optional(),
  subreddit: z.string().optional(),
  created_utc: z.number(),
  permalink: z.string().nullish(),
  link_id: z.string(),
  parent_id: z.string().optional(),
  score: z.number().optional(),
  edited,
  locked: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type TRedditComment = z.infer<typeof redditCommentSchema>;

export const redditListingSchema = z.looseObject({
  kind: z.literal("Listing"),
  data: z.looseObject({
    after: z.string().nullish(),
    before: z.string().nullish(),
    children: z.array(z.looseObject({ kind: z.string(), data: z.unknown() })),
  }),
});
export type TRedditListing = z.infer<typeof redditListingSchema>;

/** `POST /api/v1/access_token`. */
export const redditTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
});

/** `POST /api/comment` with api_type=json. */
export const redditCommentReplySchema = z.looseObject({
  json: z.looseObject({
    errors: z.array(z.array(z.unknown())).default([]),
    ratelimit: z.number().optional(),
    data: z
      .looseObject({
        things: z.array(z.looseObject({ kind: z.string(), data: redditCommentSchema.partial({ body: true, created_utc: true, link_id: true }) })),
      })
      .optional(),
  }),
});
