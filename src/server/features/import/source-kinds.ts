import { SOURCE_KINDS, type TMentionKind, type TSourceKind } from "../../connectors/connector.ts";
import type { TSentiment } from "../../db/schema/monitoring.ts";
import { headerKey } from "./presets.ts";

/**
 * The words exports use for platforms, kinds of post and tone, mapped to ours. Exports name a
 * platform by its brand ("ВКонтакте", "Яндекс Карты"), by its domain ("vk.com", "t.me") or not at
 * all; then the kind of resource ("СМИ", "Форум") or the link's host decides, else "other".
 */
const PLATFORM_NAMES: Record<string, TSourceKind> = {};
const name = (kind: TSourceKind, ...names: string[]) => {
  for (const n of names) PLATFORM_NAMES[headerKey(n)] = kind;
};
name("vk", "вконтакте", "вк", "vk", "vkontakte", "в контакте");
name("telegram", "telegram", "телеграм", "телеграмм", "tg", "telegram-канал", "телеграм-канал");
name("ok", "одноклассники", "ok", "odnoklassniki", "ок");
name("youtube", "youtube", "ютуб", "ютьюб");
name("x", "twitter", "твиттер", "x", "x (twitter)", "twitter (x)");
name("facebook", "facebook", "фейсбук", "fb");
name("instagram", "instagram", "инстаграм", "ig");
name("reddit", "reddit", "реддит");
name("otzovik", "отзовик", "otzovik");
name("irecommend", "irecommend", "irecommend.ru", "ирекоменд", "айрекоменд");
name("yandex_maps", "яндекс карты", "яндекс.карты", "yandex maps", "yandex.maps", "яндекс справочник", "яндекс.справочник", "яндекс бизнес");
name("2gis", "2гис", "2gis", "дубльгис");
name("flamp", "flamp", "фламп", "флэмп");
name("zoon", "zoon", "зун");
name("google_maps", "google maps", "google карты", "гугл карты", "google my business", "google business profile");
name("banki_ru", "банки.ру", "банки ру", "banki.ru", "banki ru");
name("dreamjob", "dreamjob", "дримджоб");
name("app_store", "app store", "appstore", "apple app store");
name("google_play", "google play", "play market", "плей маркет", "google play market");
name("trustpilot", "trustpilot");
name("bluesky", "bluesky", "bsky");
name("mastodon", "mastodon");
name("hacker_news", "hacker news", "hackernews");
name("news", "сми", "news", "новости", "онлайн-сми", "онлайн сми", "media", "медиа", "печатные сми", "информагентство", "новостной сайт");
name("forum", "форум", "forum", "форумы", "forums");
name("rss", "rss");
for (const kind of SOURCE_KINDS) PLATFORM_NAMES[kind] ??= kind;

/** Hosts (and their subdomains) of each platform; paths distinguish maps from the rest of a portal. */
const HOSTS: { host: string; path?: RegExp; kind: TSourceKind }[] = [
  { host: "vk.com", kind: "vk" },
  { host: "vk.ru", kind: "vk" },
  { host: "t.me", kind: "telegram" },
  { host: "telegram.me", kind: "telegram" },
  { host: "telegram.org", kind: "telegram" },
  { host: "ok.ru", kind: "ok" },
  { host: "youtube.com", kind: "youtube" },
  { host: "youtu.be", kind: "youtube" },
  { host: "twitter.com", kind: "x" },
  { host: "x.com", kind: "x" },
  { host: "facebook.com", kind: "facebook" },
  { host: "fb.com", kind: "facebook" },
  { host: "instagram.com", kind: "instagram" },
  { host: "reddit.com", kind: "reddit" },
  { host: "otzovik.com", kind: "otzovik" },
  { host: "irecommend.ru", kind: "irecommend" },
  { host: "yandex.ru", path: /^\/(maps|profile|sprav)/, kind: "yandex_maps" },
  { host: "yandex.com", path: /^\/(maps|profile)/, kind: "yandex_maps" },
  { host: "2gis.ru", kind: "2gis" },
  { host: "2gis.com", kind: "2gis" },
  { host: "flamp.ru", kind: "flamp" },
  { host: "zoon.ru", kind: "zoon" },
  { host: "google.com", path: /^\/maps/, kind: "google_maps" },
  { host: "maps.google.com", kind: "google_maps" },
  { host: "maps.app.goo.gl", kind: "google_maps" },
  { host: "banki.ru", kind: "banki_ru" },
  { host: "dreamjob.ru", kind: "dreamjob" },
  { host: "apps.apple.com", kind: "app_store" },
  { host: "play.google.com", kind: "google_play" },
  { host: "trustpilot.com", kind: "trustpilot" },
  { host: "bsky.app", kind: "bluesky" },
  { host: "news.ycombinator.com", kind: "hacker_news" },
];

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The platform of a link, by its host (and path for portals); undefined when unknown. */
export function sourceKindOfUrl(url: string | undefined): TSourceKind | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  for (const entry of HOSTS) {
    if (hostMatches(host, entry.host) && (!entry.path || entry.path.test(parsed.pathname))) return entry.kind;
  }
  return undefined;
}

/** A platform written as a name or as a bare domain ("vk.com", "www.otzovik.com"). */
export function sourceKindOfName(value: string | undefined): TSourceKind | undefined {
  if (!value) return undefined;
  const key = headerKey(value);
  if (!key) return undefined;
  const byName = PLATFORM_NAMES[key];
  if (byName) return byName;
  if (/^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(key)) return sourceKindOfUrl(`https://${key}`);
  return undefined;
}

/** Kinds of resource that decide the platform when the platform column names only a site. */
const RESOURCE_TYPES: Record<string, TSourceKind> = {};
for (const [kind, names] of [
  ["news", ["сми", "news", "новости", "онлайн-сми", "онлайн сми", "media", "медиа", "новостной сайт", "информагентство", "печатные сми", "тв", "радио", "news site", "online media"]],
  ["forum", ["форум", "форумы", "forum", "forums"]],
] as const) {
  for (const n of names) RESOURCE_TYPES[headerKey(n)] = kind;
}

/**
 * Source kind of one exported row: the platform column when it names a platform we know, then the
 * kind of resource (news site, forum), then the link's host, else "other".
 */
export function resolveSourceKind(platform: string | undefined, resourceType: string | undefined, url: string | undefined): TSourceKind {
  const byPlatform = sourceKindOfName(platform);
  if (byPlatform) return byPlatform;
  const byType = resourceType ? RESOURCE_TYPES[headerKey(resourceType)] : undefined;
  const byUrl = sourceKindOfUrl(url);
  // A known platform's link beats a loose "social network" label, but "СМИ" beats an unknown host.
  return byUrl ?? byType ?? "other";
}

const KIND_WORDS: Record<string, TMentionKind> = {};
for (const [kind, words] of [
  ["post", ["пост", "post", "публикация", "запись", "репост", "repost", "share", "расширенный репост", "репост с дополнением", "extended repost", "retweet", "ретвит", "цитата", "quote", "видео", "video", "сторис", "story", "твит", "tweet", "сообщение", "message"]],
  ["comment", ["комментарий", "comment", "коммент", "комментарии"]],
  ["reply", ["ответ", "reply", "ответ на комментарий", "reply to comment"]],
  ["review", ["отзыв", "review", "отзывы", "reviews"]],
  ["article", ["статья", "article", "новость", "news", "публикация сми", "заметка"]],
] as const) {
  for (const word of words) KIND_WORDS[headerKey(word)] = kind;
}

/** Review sites: a row from them is a review unless the export says otherwise. */
const REVIEW_SOURCES = new Set<TSourceKind>(["otzovik", "irecommend", "yandex_maps", "2gis", "flamp", "zoon", "google_maps", "banki_ru", "dreamjob", "app_store", "google_play", "trustpilot"]);

export function resolveMentionKind(word: string | undefined, sourceKind: TSourceKind): TMentionKind {
  const said = word ? KIND_WORDS[headerKey(word)] : undefined;
  if (said) return said;
  if (sourceKind === "news") return "article";
  if (REVIEW_SOURCES.has(sourceKind)) return "review";
  return "post";
}

/** A word the kind column may hold that we do not know: kept as post, and the word in raw. */
export const isKnownKindWord = (word: string): boolean => KIND_WORDS[headerKey(word)] !== undefined;

const SENTIMENT_WORDS: Record<string, TSentiment | null> = {};
for (const [label, words] of [
  ["positive", ["позитив", "позитивная", "позитивный", "позитивное", "положительная", "положительный", "positive", "pos", "+", "1"]],
  ["negative", ["негатив", "негативная", "негативный", "негативное", "отрицательная", "отрицательный", "negative", "neg", "-", "−", "-1"]],
  ["neutral", ["нейтрал", "нейтральная", "нейтральный", "нейтральное", "neutral", "neu", "0"]],
  [null, ["смешанная", "смешанный", "mixed", "не определена", "не определено", "undefined", "unknown", "нет", "n/a", ""]],
] as const) {
  for (const word of words) SENTIMENT_WORDS[headerKey(word)] = label;
}

/**
 * A tone label of an export: ours, null for "mixed"/"undefined", undefined for a word we do not
 * know. Either way without a label the model decides; an odd tone never costs the row.
 */
export function parseSentiment(value: string): TSentiment | null | undefined {
  const key = headerKey(value);
  return key in SENTIMENT_WORDS ? SENTIMENT_WORDS[key] : undefined;
}
