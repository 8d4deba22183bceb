/**
 * Google Alerts (and Google search results) link through a redirector:
 * `https://www.google.com/url?rct=j&sa=t&url=<article>&ct=ga&cd=…&usg=…`. The mention is the
 * article, so the link is unwrapped here; anything else is returned unchanged.
 */
const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/i;

export function unwrapGoogleRedirect(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (!GOOGLE_HOST.test(url.hostname) || url.pathname !== "/url") return link;
  const target = url.searchParams.get("url") ?? url.searchParams.get("q");
  if (!target || !/^https?:\/\//i.test(target)) return link;
  try {
    return new URL(target).href;
  } catch {
    return link;
  }
}
