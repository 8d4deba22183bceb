import { z } from "zod";

/** Public usernames: 5–32 letters, digits and underscores (Telegram forbids more than that). */
const CHANNEL = /^[a-z0-9_]{5,32}$/;
const LINK = /^(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)\/(?:s\/)?([^/?#]*)/i;

/**
 * "@NorthwindBank", "https://t.me/NorthwindBank", "t.me/s/NorthwindBank/120" and "northwindbank"
 * are one channel. Usernames are case-insensitive; the lower case is the one kept, as the URL
 * canonicalizer keys t.me links in lower case.
 */
export function normalizeChannel(input: string): string {
  const value = input.trim();
  const fromLink = LINK.exec(value)?.[1];
  return (fromLink ?? value.replace(/^@/, "")).toLowerCase();
}

export const telegramConfigSchema = z.strictObject({
  channel: z
    .string()
    .transform(normalizeChannel)
    .pipe(z.string().regex(CHANNEL, "channel must be a public channel username (5–32 letters, digits, _), an @name or a t.me link")),
  /** Search inside the channel (t.me/s/<channel>?q=…) instead of listing every post. */
  query: z.string().trim().min(1, "query must not be empty").max(256).optional(),
  /** The brand's own channel: every post is kept, matched or not. */
  ownPlace: z.boolean().default(false),
  baseUrl: z
    .url({ protocol: /^https?$/, error: "baseUrl must be an http(s) URL" })
    .default("https://t.me")
    .transform((url) => url.replace(/\/+$/, "")),
});

export type TTelegramConfig = z.output<typeof telegramConfigSchema>;
