import type { TSerpLayout } from "../serp-types.ts";
import { bingOrganicItems, readBingResults } from "./bing-results.ts";

/**
 * Bing as saved in 2021 (no-JS): `ol#b_results` of `li.b_algo` results whose `h2 a` links
 * straight to the page, caption in `.b_caption p`, star ratings as `.b_sritem` ("4,4/5
 * (181,1K)"). The fallback for any `#b_results` page, so also the layout of a page that found
 * nothing (`li.b_no`).
 */
export const bing2021: TSerpLayout = {
  id: "bing-2021",
  detect: ($) => $("#b_results").length > 0,
  saysNoResults: ($) => $("#b_results > li.b_no").length > 0,
  read: ($) => readBingResults($, bingOrganicItems($)),
};
