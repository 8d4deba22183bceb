import { bing2021 } from "./bing/bing-2021.layout.ts";
import { bing2023 } from "./bing/bing-2023.layout.ts";
import { bingCaptcha } from "./bing/bing-page-checks.ts";
import { googleBasic2023 } from "./google/google-basic-2023.layout.ts";
import { googleDesktop2023 } from "./google/google-desktop-2023.layout.ts";
import { googleMobile2023 } from "./google/google-mobile-2023.layout.ts";
import { googleCaptcha } from "./google/google-page-checks.ts";
import type { THtmlSerpEngine, TSerpLayout, TSerpPageCheck } from "./serp-types.ts";
import { yandexDesktop2016 } from "./yandex/yandex-desktop-2016.layout.ts";
import { yandexDesktop2017 } from "./yandex/yandex-desktop-2017.layout.ts";
import { yandexAdsSearch, yandexCaptcha } from "./yandex/yandex-page-checks.ts";
import { yandexTouch2017 } from "./yandex/yandex-touch-2017.layout.ts";

/**
 * Per engine: the pages it serves instead of results, then its layouts, tried in this order
 * (the most specific first; the last one of an engine is its broadest). A new generation of
 * markup is a new module added here, so pages saved under the old one keep reading as before.
 */
export const SERP_LAYOUTS: Record<THtmlSerpEngine, { checks: TSerpPageCheck[]; layouts: TSerpLayout[] }> = {
  google: { checks: [googleCaptcha], layouts: [googleDesktop2023, googleMobile2023, googleBasic2023] },
  yandex: { checks: [yandexCaptcha, yandexAdsSearch], layouts: [yandexTouch2017, yandexDesktop2016, yandexDesktop2017] },
  bing: { checks: [bingCaptcha], layouts: [bing2023, bing2021] },
};
