/**
 * Result links as engines print them → the page they lead to. Engines wrap links in their own
 * redirects (click counting, safety warnings, fast-page viewers); the wrapped URL is what ranks.
 */

const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/i;
const BING_HOST = /(?:^|\.)bing\.com$/i;
const YANDEX_HOST = /(?:^|\.)(?:yandex\.(?:ru|com|com\.tr|by|kz|ua|uz|az|net)|ya\.ru)$/i;

export type TUnwrapped = { url: string; note?: string };

/**
 * `href` as found on a page of `base` (e.g. `https://www.google.com/`), made absolute and
 * unwrapped: Google `/url?q=`, Bing `ck/a?…&u=a1<base64url>`, Yandex safety/infected warnings,
 * Turbo pages and `clck.yandex.ru/redir/…*data=url=` counters. A wrapper whose target cannot be
 * read is kept as it is, with a note saying so. Undefined for links that lead nowhere.
 */
export function unwrapLink(href: string | undefined, base: string): TUnwrapped | undefined {
  const raw = href?.trim();
  if (!raw || /^(?:javascript|mailto|tel|data):/i.test(raw) || raw.startsWith("#")) return undefined;
  let link: URL;
  try {
    link = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (link.protocol !== "http:" && link.protocol !== "https:") return undefined;
  const absolute = raw.startsWith("//") ? `${link.protocol}${raw}` : /^https?:\/\//i.test(raw) ? raw : link.href;
  const inner = wrappedTarget(link);
  if (inner === undefined) return { url: absolute };
  if (inner === null) return { url: absolute, note: `a ${link.hostname} redirect whose target could not be read was kept as it is` };
  return unwrapLink(inner, base) ?? { url: absolute, note: `a ${link.hostname} redirect led to ${inner}, which is not a web address` };
}

/** undefined: not a wrapper; null: a wrapper without a readable target; string: the target. */
function wrappedTarget(link: URL): string | null | undefined {
  const host = link.hostname;
  const path = link.pathname;
  const param = (name: string) => link.searchParams.get(name) ?? null;
  if (GOOGLE_HOST.test(host) && (path === "/url" || path === "/interstitial")) return param("q") ?? param("url");
  if (BING_HOST.test(host) && path.startsWith("/ck/")) return bingTarget(param("u"));
  if (YANDEX_HOST.test(host)) {
    if (/^\/(?:search\/infected|safety)\/?$/.test(path)) return param("url");
    if (path === "/turbo" || path.startsWith("/turbo/")) return param("text") ?? param("url");
    if (host.startsWith("clck.") && path.startsWith("/redir/")) return yandexCounterTarget(link);
    if (path === "/clck/jsredir") return param("url") ?? param("l");
  }
  return undefined;
}

/** Bing's `u=a1` + base64url of the target. */
function bingTarget(u: string | null): string | null {
  if (!u || !u.startsWith("a1")) return null;
  const decoded = Buffer.from(u.slice(2).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
  return /^https?:\/\/\S+$/i.test(decoded) ? decoded : null;
}

/** `https://clck.yandex.ru/redir/dv/*data=url%3Dhttps%253A%252F%252Fexample.com%26ts%3D…&sign=…`. */
function yandexCounterTarget(link: URL): string | null {
  const match = /\*data=([^&]*)/.exec(link.href);
  if (!match?.[1]) return null;
  try {
    const data = new URLSearchParams(decodeURIComponent(match[1]));
    return data.get("url");
  } catch {
    return null;
  }
}

/** The host a reader would name: lower-case, without `www.`. */
export function displayDomain(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

export const isGoogleHost = (host: string): boolean => GOOGLE_HOST.test(host);
export const isBingHost = (host: string): boolean => BING_HOST.test(host);
export const isYandexHost = (host: string): boolean => YANDEX_HOST.test(host);
