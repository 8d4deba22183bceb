import type { TSerpLayout } from "../serp-types.ts";
import { WEB_SOURCE_COUNTERS } from "./yandex-counters.ts";
import { yandexSaysNoResults } from "./yandex-page-checks.ts";
import { readYandexResults } from "./yandex-results.ts";

/**
 * Yandex desktop, September 2016–2019: `li.serp-item` > `.organic` with
 * `h2.organic__title-wrapper a.organic__url`; web results counted by `rc(this, …)`, from 2017 as
 * `data-counter='["rc", …]'`; partner galleries in `.composite` blocks. The desktop fallback, so
 * also the layout of a desktop page that found nothing.
 */
export const yandexDesktop2017: TSerpLayout = {
  id: "yandex-desktop-2017",
  detect: ($) => $(".serp-list").length > 0 && ($(".organic__url").length > 0 || $(WEB_SOURCE_COUNTERS).length === 0),
  saysNoResults: yandexSaysNoResults,
  read: ($, options) => readYandexResults($, { ...options, galleriesAreWizards: true }),
};
