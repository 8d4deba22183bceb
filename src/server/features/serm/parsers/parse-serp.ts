import { load } from "cheerio";
import { SERP_LAYOUTS } from "./serp-layouts.ts";
import type { THtmlSerpEngine, TSerpParseOptions, TSerpParseOutcome } from "./serp-types.ts";

/**
 * Organic results of a saved result page, in page order (SERM.md §5, §7). The page's markup
 * generation is detected, never assumed: a page no layout knows, or one where the matching
 * layout finds nothing while the page does not say "nothing found", is a failure — never an
 * empty list that would read as "no results".
 */
export function parseSerp(engine: THtmlSerpEngine, html: string, options: TSerpParseOptions = {}): TSerpParseOutcome {
  const $ = load(html);
  const { checks, layouts } = SERP_LAYOUTS[engine];
  for (const check of checks) {
    const refusal = check($);
    if (refusal) return { ok: false, engine, error: refusal.error, message: refusal.message, layoutsTried: [] };
  }
  const tried: string[] = [];
  for (const layout of layouts) {
    tried.push(layout.id);
    if (!layout.detect($)) continue;
    const { results, warnings } = layout.read($, options);
    if (results.length === 0 && !layout.saysNoResults($)) {
      return {
        ok: false,
        engine,
        error: "unknown_layout",
        message: `the page looks like ${layout.id}, but no organic result could be read from it and it does not say that nothing was found: the markup has probably changed`,
        layoutsTried: tried,
      };
    }
    const positioned = results.map((result, i) => ({ position: i + 1, ...result }));
    return { ok: true, engine, layout: layout.id, empty: results.length === 0, results: positioned, warnings };
  }
  return {
    ok: false,
    engine,
    error: "unknown_layout",
    message: `no known ${engine} result-page layout matches this page (tried ${tried.join(", ")})`,
    layoutsTried: tried,
  };
}
