import type { CheerioAPI } from "cheerio";
import { visibleText } from "../page-text.ts";
import type { TSerpPageCheck } from "../serp-types.ts";

/** Google's "unusual traffic" page (`/sorry/index`) with a reCAPTCHA instead of results. */
export const googleCaptcha: TSerpPageCheck = ($) =>
  $("#captcha-form, .g-recaptcha, form[action*='/sorry/']").length > 0
    ? { error: "captcha", message: "Google answered with its unusual-traffic captcha page, not with results" }
    : undefined;

const NOTHING_FOUND = /did not match any documents|не найдено ни одного документа|ничего не найдено/i;

/** "Your search - … - did not match any documents." (and the Russian wording). */
export function googleSaysNoResults($: CheerioAPI, where: string): boolean {
  return NOTHING_FOUND.test(visibleText($(where).toArray()));
}
