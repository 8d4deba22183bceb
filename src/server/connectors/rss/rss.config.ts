import { z } from "zod";

export const rssConfigSchema = z.strictObject({
  /** The feed itself (RSS 2.0, RSS 1.0/RDF or Atom), e.g. a Google Alerts "Deliver to: RSS feed" URL. */
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) feed URL" }),
  /** The brand's own blog or newsroom: every entry is kept, matched or not. */
  ownPlace: z.boolean().default(false),
});

export type TRssConfig = z.output<typeof rssConfigSchema>;
