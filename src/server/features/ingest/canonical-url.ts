/**
 * One URL per thing mentioned (CONNECTORS.md §4): the same tweet reached through
 * mobile.twitter.com, an fxtwitter embed and a Google Alerts redirect must dedupe to one mention.
 *
 * Pure and offline: only redirectors that carry their target in the URL itself are unwrapped.
 * Those that need a request (t.co, vk.cc, clck.ru, news.google.com articles, AMP → rel=canonical)
 * belong to the fetching layer, which can feed the resolved URL back in here.
 *
 * `canonical` is a URL a person can open; `key` is what dedupe compares. They differ where a
 * platform has a stable id that survives URL changes (a tweet id outlives its author's handle).
 */
export type TCanonicalUrl = {
  canonical: string;
  key: string;
};

/** Redirectors can nest (an Alert pointing at vk away.php); more than this is a loop or abuse. */
const MAX_UNWRAP = 5;
/** Rounds of the pipeline until its output stops changing; see canonicalizeUrl. */
const MAX_ROUNDS = 4;

/**
 * Host prefixes that only pick a mobile/desktop/AMP rendering of the same page — but only on
 * these domains. Elsewhere `m.example.com` may well be a different site, so it is left alone.
 */
const VARIANT_PREFIXES = new Set(["www", "m", "mobile", "amp"]);
const VARIANT_DOMAINS = new Set([
  "vk.com",
  "vk.ru",
  "youtube.com",
  "reddit.com",
  "twitter.com",
  "x.com",
  "facebook.com",
  "instagram.com",
  "wikipedia.org",
  "t.me",
  "telegram.me",
  "ok.ru",
  "otzovik.com",
  "irecommend.ru",
  "banki.ru",
  "zoon.ru",
  "flamp.ru",
  "2gis.ru",
  "hh.ru",
  "yandex.ru",
  "yandex.com",
]);

/** Mirrors and old names of one platform, after the variant prefix is gone. */
const HOST_ALIASES = new Map([
  ["vk.ru", "vk.com"],
  ["twitter.com", "x.com"],
  ["fxtwitter.com", "x.com"],
  ["vxtwitter.com", "x.com"],
  ["fixupx.com", "x.com"],
  ["fixvx.com", "x.com"],
  ["telegram.me", "t.me"],
  ["telegram.dog", "t.me"],
  ["old.reddit.com", "reddit.com"],
  ["np.reddit.com", "reddit.com"],
  ["new.reddit.com", "reddit.com"],
]);

/** Parameters that identify the visitor or the campaign, never the page. */
const GLOBAL_TRACKING = new Set(["gclid", "fbclid", "yclid", "_openstat", "mc_cid", "mc_eid", "igshid"]);
const HOST_TRACKING: ReadonlyArray<{ host: RegExp; params: ReadonlySet<string> }> = [
  { host: /^x\.com$/, params: new Set(["s", "t", "ref_src"]) },
  { host: /^(?:youtube\.com|youtu\.be|music\.youtube\.com)$/, params: new Set(["si", "feature"]) },
  { host: /^(?:www\.)?google\.[a-z.]+$/, params: new Set(["ct", "cd", "usg"]) },
];

const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;
const VK_HOSTS = new Set(["vk.com", "www.vk.com", "m.vk.com", "vk.ru", "m.vk.ru"]);
const FACEBOOK_LINK_HOSTS = new Set(["l.facebook.com", "lm.facebook.com", "m.facebook.com", "www.facebook.com", "facebook.com"]);

type TParam = { name: string; value: string };
type TParts = {
  protocol: string;
  host: string;
  /** ":8080", or "" for the default port, which the URL parser has already dropped. */
  port: string;
  /** Non-empty path segments, percent-escapes normalised but otherwise raw. */
  segments: string[];
  params: TParam[];
  hash: string;
};

/**
 * The canonical form and dedupe key of an http(s) URL, or undefined when it is unparseable or
 * of another scheme. Idempotent: feeding `canonical` back in yields the same result.
 */
export function canonicalizeUrl(url: string): TCanonicalUrl | undefined {
  const first = parseHttp(url.trim());
  if (!first) return undefined;
  let result = canonicalizeOnce(first);
  // Some steps create work for others only on reparsing — decoding %2E%2E yields a `..` segment
  // that the URL parser then resolves. Running to a fixed point makes idempotence a property of
  // the loop instead of a promise every rule has to keep.
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const parsed = parseHttp(result.canonical);
    if (!parsed) return result;
    const next = canonicalizeOnce(parsed);
    if (next.canonical === result.canonical && next.key === result.key) return next;
    result = next;
  }
  return result;
}

function parseHttp(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

function canonicalizeOnce(input: URL): TCanonicalUrl {
  const url = unwrapRedirectors(input);
  const parts: TParts = {
    protocol: url.protocol,
    host: normalizeHost(url.hostname),
    port: url.port ? `:${url.port}` : "",
    segments: pathSegments(url.pathname),
    params: parseQuery(url.search),
    hash: url.hash,
  };
  // The WHATWG parser already lowercased scheme and host, punycoded IDNs and dropped the default
  // port. Credentials are dropped: they never identify content and must not reach a dedupe key.
  const platform = platformRewrite(parts);
  if (platform) return platform;
  const canonical = generic(parts);
  return { canonical, key: canonical };
}

function unwrapRedirectors(start: URL): URL {
  let url = start;
  for (let hop = 0; hop < MAX_UNWRAP; hop++) {
    const target = redirectTarget(url);
    const next = target === undefined ? undefined : parseHttp(target);
    if (!next) return url;
    url = next;
  }
  return url;
}

function redirectTarget(url: URL): string | undefined {
  const host = url.hostname;
  if (GOOGLE_HOST.test(host) && url.pathname === "/url") return url.searchParams.get("url") ?? url.searchParams.get("q") ?? undefined;
  if (VK_HOSTS.has(host) && url.pathname === "/away.php") return url.searchParams.get("to") ?? undefined;
  if (FACEBOOK_LINK_HOSTS.has(host) && url.pathname === "/l.php") return url.searchParams.get("u") ?? undefined;
  return undefined;
}

function normalizeHost(hostname: string): string {
  // "example.com." is the same host written fully qualified.
  let host = hostname.endsWith(".") && !hostname.startsWith("[") ? hostname.replace(/\.+$/, "") : hostname;
  for (;;) {
    const dot = host.indexOf(".");
    if (dot <= 0) break;
    const rest = host.slice(dot + 1);
    if (!VARIANT_PREFIXES.has(host.slice(0, dot)) || !VARIANT_DOMAINS.has(rest)) break;
    host = rest;
  }
  // Wikipedia puts the mobile label after the language: en.m.wikipedia.org.
  const wiki = /^([a-z0-9-]+)\.m\.(wikipedia\.org)$/.exec(host);
  if (wiki) host = `${wiki[1]}.${wiki[2]}`;
  return HOST_ALIASES.get(host) ?? host;
}

/** Splitting on "/" and dropping empties both collapses `//` and removes the trailing slash. */
function pathSegments(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((segment) => segment !== "")
    .map(normalizeEscapes);
}

/** Rejoins without doubled or trailing slashes; a path of only slashes stays the root. */
function buildPath(segments: readonly string[]): string {
  return `/${segments.join("/")}`;
}

/**
 * Decodes escapes of unreserved characters (RFC 3986 §2.3: they mean the same either way) and
 * uppercases the rest. Nothing else is decoded: %2F or %26 mean something different from / or &,
 * and bytes outside UTF-8 (windows-1251 query strings on old Russian sites) must survive as is.
 */
function normalizeEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_match, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return /^[A-Za-z0-9\-._~]$/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/** Works on the raw query so that bytes are preserved; URLSearchParams would re-encode them. */
function parseQuery(search: string): TParam[] {
  const params: TParam[] = [];
  for (const piece of search.replace(/^\?/, "").split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = normalizeEscapes(eq < 0 ? piece : piece.slice(0, eq));
    const value = eq < 0 ? "" : normalizeEscapes(piece.slice(eq + 1));
    params.push({ name, value });
  }
  return params;
}

function buildQuery(host: string, params: readonly TParam[]): string {
  const perHost = HOST_TRACKING.filter((rule) => rule.host.test(host));
  const kept = params.filter((param) => {
    if (param.value === "") return false;
    const name = decodedName(param.name);
    if (name.startsWith("utm_") || GLOBAL_TRACKING.has(name)) return false;
    return !perHost.some((rule) => rule.params.has(name));
  });
  // Stable sort on the name only: the order of a repeated parameter's values can matter.
  const sorted = kept.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.length === 0 ? "" : `?${sorted.map((p) => `${p.name}=${p.value}`).join("&")}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

function param(parts: TParts, name: string): string | undefined {
  return parts.params.find((p) => p.name === name && p.value !== "")?.value;
}

function platformRewrite(parts: TParts): TCanonicalUrl | undefined {
  const { host } = parts;
  if (host === "x.com") return twitter(parts);
  if (host === "youtube.com" || host === "youtu.be") return youtube(parts);
  if (host === "reddit.com" || host === "redd.it") return reddit(parts);
  if (host === "vk.com") return vk(parts);
  if (host === "t.me") return telegram(parts);
  if (host === "news.ycombinator.com") return hackerNews(parts);
  if (/^yandex\.[a-z.]+$/.test(host)) return yandexMaps(parts);
  if (/^(?:[a-z0-9-]+\.)?2gis\.[a-z.]+$/.test(host)) return twoGis(parts);
  return undefined;
}

const DIGITS = /^\d+$/;

function twitter(parts: TParts): TCanonicalUrl | undefined {
  // Pre-2012 links carry the path in a hashbang: twitter.com/#!/user/status/1.
  const segments = parts.segments.length === 0 && parts.hash.startsWith("#!/") ? pathSegments(parts.hash.slice(2)) : parts.segments;
  const at = segments.findIndex((s, i) => i > 0 && (s === "status" || s === "statuses") && DIGITS.test(segments[i + 1] ?? ""));
  const id = segments[at + 1];
  if (at < 0 || id === undefined) return undefined;
  // Handles are case-insensitive on X; "i/web" is the handle-less form.
  const user = segments.slice(0, at).join("/").toLowerCase();
  return { canonical: `https://x.com/${user}/status/${id}`, key: `x:${id}` };
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

function youtube(parts: TParts): TCanonicalUrl | undefined {
  const [first, second] = parts.segments;
  let id: string | undefined;
  if (parts.host === "youtu.be") id = first;
  else if (first === "watch" && parts.segments.length === 1) id = param(parts, "v");
  else if (first === "shorts" || first === "embed" || first === "live" || first === "v") id = second;
  if (id === undefined || !YOUTUBE_ID.test(id)) return undefined;
  // `lc` points at one comment under the video — a different mention; t, list, index only
  // change where playback starts.
  const lc = param(parts, "lc");
  if (lc !== undefined && /^[A-Za-z0-9_.-]+$/.test(lc)) {
    return { canonical: `https://youtube.com/watch?v=${id}&lc=${lc}`, key: `youtube:${id}:lc:${lc}` };
  }
  return { canonical: `https://youtube.com/watch?v=${id}`, key: `youtube:${id}` };
}

const ID36 = /^[a-z0-9]+$/i;

function reddit(parts: TParts): TCanonicalUrl | undefined {
  const s = parts.segments;
  let post: string | undefined;
  let comment: string | undefined;
  if (parts.host === "redd.it") {
    post = s.length === 1 ? s[0] : undefined;
  } else {
    // /comments/<id>, /r/<sub>/comments/<id>/<slug>[/<comment>], /user/<u>/comments/<id>,
    // and the newer /r/<sub>/comments/<id>/comment/<comment>.
    const at = s.indexOf("comments");
    const before = s.slice(0, at);
    const prefixOk = at === 0 || (at === 2 && (before[0] === "r" || before[0] === "u" || before[0] === "user"));
    if (at >= 0 && prefixOk) {
      post = s[at + 1];
      // Either <slug>/<comment> or comment/<comment>: the comment id is third after the post.
      comment = s[at + 3];
    }
  }
  if (post === undefined || !ID36.test(post)) {
    if (parts.host === "redd.it") return undefined;
    const canonical = generic({ ...parts, host: "www.reddit.com" });
    return { canonical, key: canonical };
  }
  const id = post.toLowerCase();
  if (comment !== undefined && ID36.test(comment)) {
    const cid = comment.toLowerCase();
    return { canonical: `https://www.reddit.com/comments/${id}/comment/${cid}`, key: `reddit:${id}/${cid}` };
  }
  return { canonical: `https://www.reddit.com/comments/${id}`, key: `reddit:${id}` };
}

const VK_WALL = /^wall(-?\d+)_(\d+)$/;

function vk(parts: TParts): TCanonicalUrl | undefined {
  // A post opened over a community page lives in ?w=: vk.com/club1?w=wall-1_2.
  const fromPath = parts.segments.length === 1 ? VK_WALL.exec(parts.segments[0] ?? "") : null;
  const match = fromPath ?? VK_WALL.exec(param(parts, "w") ?? "");
  if (!match) return undefined;
  const post = `wall${match[1]}_${match[2]}`;
  return { canonical: `https://vk.com/${post}`, key: `vk:${post}` };
}

const TG_NAME = /^[A-Za-z0-9_]+$/;

function telegram(parts: TParts): TCanonicalUrl | undefined {
  // /s/ is only the web preview of the same channel.
  const s = parts.segments[0] === "s" && parts.segments.length > 1 ? parts.segments.slice(1) : parts.segments;
  const [a, b, c] = s;
  if (a === "c" && s.length === 3 && DIGITS.test(b ?? "") && DIGITS.test(c ?? "")) {
    return { canonical: `https://t.me/c/${b}/${c}`, key: `tg:c/${b}/${c}` };
  }
  if (a === undefined || !TG_NAME.test(a)) return undefined;
  const channel = a.toLowerCase();
  if (s.length === 2 && b !== undefined && DIGITS.test(b)) {
    return { canonical: `https://t.me/${channel}/${b}`, key: `tg:${channel}/${b}` };
  }
  if (s.length === 1) {
    const canonical = `https://t.me/${channel}`;
    return { canonical, key: canonical };
  }
  return undefined;
}

function hackerNews(parts: TParts): TCanonicalUrl | undefined {
  const id = param(parts, "id");
  if (parts.segments.join("/") !== "item" || id === undefined || !DIGITS.test(id)) return undefined;
  return { canonical: `https://news.ycombinator.com/item?id=${id}`, key: `hn:${id}` };
}

/** Keeps the generic canonical URL (tabs like /reviews stay visible) and keys on the org id. */
function yandexMaps(parts: TParts): TCanonicalUrl | undefined {
  const path = `/${parts.segments.join("/")}/`;
  const oid = /^\/maps\/(?:[^/]+\/)*?org\/(?:[^/]+\/)?(\d+)\//.exec(path)?.[1] ?? (path === "/maps/" ? param(parts, "oid") : undefined);
  if (oid === undefined || !DIGITS.test(oid)) return undefined;
  return { canonical: generic(parts), key: `yandex-org:${oid}` };
}

function twoGis(parts: TParts): TCanonicalUrl | undefined {
  const at = parts.segments.indexOf("firm");
  const id = at >= 0 ? parts.segments[at + 1] : undefined;
  if (id === undefined || !DIGITS.test(id)) return undefined;
  return { canonical: generic(parts), key: `2gis-firm:${id}` };
}

function generic(parts: TParts): string {
  return `${parts.protocol}//${parts.host}${parts.port}${buildPath(parts.segments)}${buildQuery(parts.host, parts.params)}`;
}
