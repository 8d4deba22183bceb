import type { TSerpPageCheck } from "../serp-types.ts";

/** Bing's bot challenge page instead of results. */
export const bingCaptcha: TSerpPageCheck = ($) =>
  $("#b_captcha, .b_captcha, form[action*='captcha']").length > 0 && $("#b_results > li.b_algo").length === 0
    ? { error: "captcha", message: "Bing answered with a captcha challenge, not with results" }
    : undefined;
