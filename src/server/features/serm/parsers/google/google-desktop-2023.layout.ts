import type { TSerpLayout } from "../serp-types.ts";
import { googleSaysNoResults } from "./google-page-checks.ts";
import { organicLinks, readGoogleResults } from "./google-results.ts";

/**
 * Google desktop (the saved pages are from 2023): `#rcnt` holds the centre column and the
 * right-hand panel; an organic result is a `.yuRUbf` link around an `h3`, grouped results
 * (same site, indented) too.
 * A featured snippet sits above `#rso` in the same markup and counts as organic result 1.
 */
export const googleDesktop2023: TSerpLayout = {
  id: "google-desktop-2023",
  detect: ($) => $("#rcnt").length > 0 && $("#center_col").length > 0,
  saysNoResults: ($) => googleSaysNoResults($, "#topstuff, #res, #center_col"),
  read($) {
    const scope = $("#rcnt").first();
    return readGoogleResults($, scope, organicLinks($, scope, ".yuRUbf a"));
  },
};
