import type { Cheerio } from "cheerio";
import type { TElement } from "../result-blocks.ts";

/**
 * Yandex logs every click on its result page, and how it logs one says what was clicked: a web
 * result through `rc(this, …)` (desktop `onmousedown`, later `data-counter='["rc", …]'`) or,
 * on touch pages, `w(this, …, "-source=web")`; everything Yandex adds itself (wizards: news,
 * images, video, Maps, Market, facts) through `w(…)` with another source. That mark, not the
 * drifting class names, is what tells an organic result from a block.
 */
export function isWebCounted(element: Cheerio<TElement>): boolean {
  const dataCounter = element.attr("data-counter") ?? "";
  const onMouseDown = element.attr("onmousedown") ?? "";
  if (/^\s*\[\s*"rc"/.test(dataCounter) || /\brc\s*\(\s*this\b/.test(onMouseDown)) return true;
  return /-source=web\b/.test(dataCounter) || /-source=web\b/.test(onMouseDown);
}

/** CSS for elements that carry a counter of either kind (then filtered by `isWebCounted`). */
export const COUNTED = "[onmousedown], [data-counter]";

/** The page logs web results through `rc` (desktop) at all. */
export const RC_COUNTERS = `[onmousedown*="rc(this"], [data-counter^='["rc"']`;
/** The page logs web results as `-source=web` (touch). */
export const WEB_SOURCE_COUNTERS = `[onmousedown*="-source=web"], [data-counter*="-source=web"]`;
