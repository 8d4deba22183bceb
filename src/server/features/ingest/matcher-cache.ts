import type { TExecutor } from "../../context.ts";
import { type TBrandMatcher, createBrandMatcher } from "./brand-matcher.ts";
import { brandForIngest, enabledRules, rulesStamp } from "./queries.ts";

/**
 * Compiled semantic cores by brand. A rule edit changes the stamp (count + latest update), so
 * the next page compiles afresh; a worker never matches with rules older than one page.
 */
const cache = new Map<string, { stamp: string; matcher: TBrandMatcher }>();
const MAX_BRANDS = 500;

export async function brandMatcher(db: TExecutor, brandId: string): Promise<TBrandMatcher> {
  const brand = await brandForIngest(db, brandId);
  if (!brand) throw new Error(`brand ${brandId} not found`);
  const stamp = `${brand.name}|${await rulesStamp(db, brandId)}`;
  const hit = cache.get(brandId);
  if (hit && hit.stamp === stamp) return hit.matcher;
  const rules = await enabledRules(db, brandId);
  const matcher = createBrandMatcher(brand.name, rules);
  if (cache.size >= MAX_BRANDS) cache.clear();
  cache.set(brandId, { stamp, matcher });
  return matcher;
}
