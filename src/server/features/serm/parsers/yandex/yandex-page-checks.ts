import type { CheerioAPI } from "cheerio";
import { visibleText } from "../page-text.ts";
import type { TSerpPageCheck } from "../serp-types.ts";

/** "Ой!" — the robot check (image captcha, later the "I'm not a robot" checkbox). */
export const yandexCaptcha: TSerpPageCheck = ($) =>
  $("form[action*='checkcaptcha'], .CheckboxCaptcha, .AdvancedCaptcha, .SmartCaptcha, .captcha__image").length > 0
    ? { error: "captcha", message: "Yandex answered with its robot check (captcha), not with results" }
    : undefined;

/** yandex.ru/search/ads: Yandex.Direct ads only ("Нашлось 74 объявления"), no web results. */
export const yandexAdsSearch: TSerpPageCheck = ($) =>
  $("form[action='/search/ads']").length > 0
    ? { error: "not_a_results_page", message: "this is Yandex's ads-only search (yandex.ru/search/ads), which lists ads, not web results" }
    : undefined;

const NOTHING_FOUND = /ничего не нашлось|ничего не найдено|nothing (?:was )?found|hiçbir sonuç bulunamadı/i;

export function yandexSaysNoResults($: CheerioAPI): boolean {
  return NOTHING_FOUND.test(visibleText($(".misspell__message, .content__left, .serp-list, .main__content").toArray()));
}
