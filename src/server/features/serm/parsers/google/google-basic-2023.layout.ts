import type { Cheerio } from "cheerio";
import { cleanText, visibleText } from "../page-text.ts";
import type { TElement } from "../result-blocks.ts";
import type { TSerpLayout } from "../serp-types.ts";
import { googleSaysNoResults } from "./google-page-checks.ts";
import { organicLinks, readGoogleResults } from "./google-results.ts";

/**
 * Google's basic HTML (no JavaScript, `gbv=1`; saved pages from 2023): `#main` holds
 * `div.Gx5Zad` cards; every outbound link goes through `/url?q=`, ads through `/aclk`. The
 * snippet is the card's text after its title, without the rating line and the sitelinks.
 */
export const googleBasic2023: TSerpLayout = {
  id: "google-basic-2023",
  detect: ($) => $("#main").length > 0 && $("#center_col, #rcnt").length === 0 && $("#main div.Gx5Zad, #main a[href^='/url?']").length > 0,
  saysNoResults: ($) => googleSaysNoResults($, "#main"),
  read($) {
    const scope = $("#main").first();
    return readGoogleResults($, scope, organicLinks($, scope, "a[href^='/url?']"), basicSnippet);
  },
};

function basicSnippet(block: Cheerio<TElement>, link: Cheerio<TElement>): string {
  const copy = block.clone();
  // The rating line ("Rating 8.7/10 (1,957,975)") is a box of its own around the stars.
  copy.find("[aria-label^='Rated ']").parent().parent().remove();
  copy.find("h3, a, style, script").remove();
  const text = visibleText(copy.toArray()).replace(/(?:\s*·\s*){2,}/g, " · ");
  return cleanText(text.replace(/^[\s·›]+|[\s·›]+$/g, "").replace(cleanText(link.text()), ""));
}
