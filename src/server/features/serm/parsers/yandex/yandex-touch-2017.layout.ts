import type { TSerpLayout } from "../serp-types.ts";
import { RC_COUNTERS, WEB_SOURCE_COUNTERS } from "./yandex-counters.ts";
import { yandexSaysNoResults } from "./yandex-page-checks.ts";
import { readYandexResults } from "./yandex-results.ts";

/**
 * Yandex for phones and tablets (touch), December 2016–2019: `div.serp-item` cards; no `rc`
 * counters at all — a web result is a link counted as `w(this, …, "-source=web")`, later
 * `data-counter='["w", …, "-source=web"]'`; results live under `.serp-list__page` per loaded page.
 */
export const yandexTouch2017: TSerpLayout = {
  id: "yandex-touch-2017",
  detect: ($) => $(".serp-list").length > 0 && $(RC_COUNTERS).length === 0 && $(WEB_SOURCE_COUNTERS).length > 0,
  saysNoResults: yandexSaysNoResults,
  read: ($, options) => readYandexResults($, { ...options, galleriesAreWizards: false }),
};
