import type { TSerpLayout } from "../serp-types.ts";
import { googleSaysNoResults } from "./google-page-checks.ts";
import { organicLinks, readGoogleResults } from "./google-results.ts";

/**
 * Google for phones (saved pages from 2023): one `#center_col` column without `#rcnt`; an
 * organic result is an `a.cz3goc` card link around a `role=heading` title; a featured snippet
 * keeps the desktop `.yuRUbf` link (inside its `h3`).
 */
export const googleMobile2023: TSerpLayout = {
  id: "google-mobile-2023",
  detect: ($) => $("#center_col").length > 0 && $("#rcnt").length === 0,
  saysNoResults: ($) => googleSaysNoResults($, "#topstuff, #center_col"),
  read($) {
    const scope = $("#center_col").first();
    return readGoogleResults($, scope, organicLinks($, scope, "a.cz3goc, .yuRUbf a"));
  },
};
