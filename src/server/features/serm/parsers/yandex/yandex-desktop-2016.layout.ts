import type { TSerpLayout } from "../serp-types.ts";
import { RC_COUNTERS } from "./yandex-counters.ts";
import { yandexSaysNoResults } from "./yandex-page-checks.ts";
import { readYandexResults } from "./yandex-results.ts";

/**
 * Yandex desktop, February–August 2016: `.serp-list` of `.serp-item` blocks titled by
 * `h2.serp-item__title`, snippet in `.serp-item__text` / `.organic__text`; web results counted
 * by `onmousedown="rc(this, …)"`.
 */
export const yandexDesktop2016: TSerpLayout = {
  id: "yandex-desktop-2016",
  detect: ($) => $(".serp-list").length > 0 && $(RC_COUNTERS).length > 0 && $(".serp-item__title").length > 0 && $(".organic__url").length === 0,
  saysNoResults: yandexSaysNoResults,
  read: ($, options) => readYandexResults($, { ...options, galleriesAreWizards: false }),
};
