import type { TSerpLayout } from "../serp-types.ts";
import { bingOrganicItems, readBingResults } from "./bing-results.ts";

/**
 * Bing from 2023 (no saved page: written from the markup public parsers' fixtures show): each
 * `li.b_algo` starts with a site header (`.b_tpcn`: favicon, site name, address) before the
 * `h2`; links go through `bing.com/ck/a?…&u=a1<base64url>`; captions are `p.b_lineclamp2…4`
 * with the date in front.
 */
export const bing2023: TSerpLayout = {
  id: "bing-2023",
  detect: ($) => $("#b_results > li.b_algo .b_tpcn").length > 0,
  saysNoResults: ($) => $("#b_results > li.b_no").length > 0,
  read: ($) => readBingResults($, bingOrganicItems($)),
};
