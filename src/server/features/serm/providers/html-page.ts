import type { TSerpItem } from "./collect-pages.ts";
import { SerpProviderError, type TSerpProviderContext } from "./provider.ts";

/**
 * Organic results of a rendered result page, read by the SERP parser the context carries. A page
 * the parser cannot read is `markup_changed`; a captcha is the engine refusing, `upstream`.
 */
export function itemsFromHtml(
  ctx: TSerpProviderContext,
  engine: "yandex" | "google" | "bing",
  html: string,
  providerName: string,
): { items: TSerpItem[]; empty: boolean } {
  if (!ctx.parseHtml) {
    throw new SerpProviderError("bad_request", `${providerName}: HTML results need the result-page parser, which this run does not have`, {
      field: "format",
    });
  }
  const outcome = ctx.parseHtml(engine, html);
  if (!outcome.ok) {
    const kind = outcome.error === "captcha" ? "upstream" : "markup_changed";
    throw new SerpProviderError(kind, `${providerName}: the result page could not be read (${outcome.message})`, { providerCode: outcome.error });
  }
  const items = outcome.results.map((result) => {
    const item: TSerpItem = { url: result.url, title: result.title, snippet: result.snippet };
    if (result.rating) item.rating = result.rating;
    return item;
  });
  return { items, empty: outcome.empty };
}
