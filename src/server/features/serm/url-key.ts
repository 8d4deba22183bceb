import { canonicalizeUrl } from "../ingest/canonical-url.ts";

/**
 * A search result's normalized URL (SERM.md §6: lower-case host, no `www.`, no tracking
 * parameters, no trailing slash, punycode) through the one canonicalizer of ingest: labels and
 * page screenshots are keyed by it, so the same page on two engines and two days is one key.
 * `domain` is the host without `www.`, for the per-site views.
 */
export type TResultUrl = { key: string; domain: string };

export function resultUrl(url: string): TResultUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
  const domain = parsed.hostname.toLowerCase().replace(/^www\./, "");
  return { key: canonicalizeUrl(url)?.key ?? parsed.toString(), domain };
}
