import { z } from "zod";

/**
 * What a VK source needs. Two modes: a keyword search across VK (`newsfeed.search`, a wide
 * stream whose items go through the semantic core) or the brand's own community wall
 * (`wall.get` + `wall.getComments`, kept whole because it is the brand's own place).
 */
export const VK_DEFAULT_BASE_URL = "https://api.vk.com";
export const VK_DEFAULT_API_VERSION = "5.131";

export const vkConfigSchema = z
  .strictObject({
    mode: z.enum(["search", "community"]),
    /** A user token (search) or a community admin token with `wall` rights (community, replies). */
    accessToken: z.string().trim().min(1, "the access token is required"),
    /** Search mode: the words to look for (VK's own query syntax). */
    query: z.string().trim().min(1).max(512).optional(),
    /** Community mode: the community's numeric id, positive (the wall is owner_id = -groupId). */
    groupId: z.number().int().positive().optional(),
    apiVersion: z
      .string()
      .regex(/^\d+\.\d+$/, "a VK API version such as 5.131")
      .default(VK_DEFAULT_API_VERSION),
    /** The API host; tests point it at a local replay server. */
    baseUrl: z.url({ protocol: /^https?$/, error: "an http(s) URL" }).default(VK_DEFAULT_BASE_URL),
    /**
     * Search: most posts read in one run (default 1000, VK's own ceiling for a search).
     * Community: newest wall posts looked at in one run (default 50, at most 100).
     */
    postsPerRun: z.number().int().positive().max(1000).optional(),
  })
  .superRefine((config, ctx) => {
    if (config.mode === "search" && config.query === undefined) {
      ctx.addIssue({ code: "custom", path: ["query"], message: "a search query is required in search mode" });
    }
    if (config.mode === "community" && config.groupId === undefined) {
      ctx.addIssue({ code: "custom", path: ["groupId"], message: "the community id is required in community mode" });
    }
  });

export type TVkConfig = z.infer<typeof vkConfigSchema>;

/** The parts of the config every API call needs. */
export type TVkApiConfig = Pick<TVkConfig, "accessToken" | "apiVersion" | "baseUrl">;
