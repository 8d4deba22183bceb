import type { TColumnMapping, TImportField } from "./fields.ts";

/**
 * Column names of the monitoring services people move from. A preset is a set of aliases per
 * field, compared case-insensitively (ё = е, spaces and underscores alike), in the export's
 * Russian and English interface languages; the first column that matches a field takes it.
 *
 * YouScan (Excel/CSV "Экспорт упоминаний"): Дата, Время, Источник (the site: vk.com, t.me …),
 * Тип ресурса, Тип поста (Пост / Комментарий / Репост …), Автор, Ссылка на автора, Место
 * публикации, Заголовок, Текст, Ссылка, Тональность, Теги, Вовлеченность, Лайки, Комментарии,
 * Репосты, Просмотры, Аудитория, Язык, Страна, Регион, Город, Пол, Возраст — and the same in
 * English (Date, Time, Source, Resource type, Post type, Author, Author URL, Publication place,
 * Title, Text, URL, Sentiment, Tags, Engagement, Likes, Comments, Reposts, Views, Audience …).
 *
 * Brand Analytics (выгрузка сообщений в Excel): Дата, Время, Заголовок, Текст, Ссылка, Автор,
 * Ссылка на автора, Площадка / Хост (ВКонтакте, Telegram, Отзовик, rbc.ru …), Тип площадки
 * (Соцсеть, СМИ, Форум, Блог, Отзывы, Видео, Мессенджер), Тип сообщения (Пост, Репост,
 * Комментарий, Отзыв, Статья), Тональность (Позитив / Негатив / Нейтрал), Аудитория,
 * Вовлеченность, Лайки, Комментарии, Репосты, Просмотры, Регион, Город, Пол, Возраст, Теги.
 *
 * Columns no field takes (Аудитория, Теги, Регион …) are kept in the mention's raw record.
 */
export const PRESET_IDS = ["youscan", "brand_analytics", "generic"] as const;
export type TPresetId = (typeof PRESET_IDS)[number];

export const isPresetId = (value: string): value is TPresetId => (PRESET_IDS as readonly string[]).includes(value);

type TAliases = Partial<Record<TImportField, readonly string[]>>;

/** Names every export uses for the same thing, in both interface languages. */
const COMMON: TAliases = {
  externalId: ["id", "id упоминания", "id сообщения", "id поста", "mention id", "post id", "message id", "идентификатор"],
  url: ["ссылка", "url", "link", "ссылка на пост", "ссылка на сообщение", "ссылка на упоминание", "post url", "post link", "mention url"],
  publishedAt: ["дата", "date", "дата и время", "дата публикации", "время публикации", "дата создания", "published", "published at", "publication date", "date published", "datetime", "date time", "created at"],
  time: ["время", "time"],
  title: ["заголовок", "title", "headline", "название"],
  text: ["текст", "text", "текст сообщения", "текст упоминания", "текст поста", "сообщение", "content", "message", "body", "snippet", "mention", "упоминание"],
  authorName: ["автор", "author", "имя автора", "author name", "автор сообщения"],
  authorHandle: ["логин", "никнейм", "ник автора", "username", "handle", "screen name", "author handle"],
  authorUrl: ["ссылка на автора", "профиль автора", "ссылка на профиль", "url автора", "author url", "author link", "author profile", "profile url", "profile link"],
  authorId: ["id автора", "author id"],
  source: ["источник", "source", "площадка", "сайт", "ресурс", "домен", "хост", "платформа", "соцсеть", "social network", "platform", "site", "domain", "host", "resource"],
  sourceType: ["тип ресурса", "тип источника", "тип площадки", "категория источника", "resource type", "source type", "media type", "site type"],
  kind: ["тип поста", "тип сообщения", "тип упоминания", "тип публикации", "post type", "message type", "mention type", "type"],
  sentiment: ["тональность", "тон", "sentiment", "tone", "tonality"],
  lang: ["язык", "language", "lang"],
  rating: ["рейтинг", "оценка", "rating", "stars", "score"],
  likes: ["лайки", "лайков", "likes", "реакции", "reactions", "нравится"],
  dislikes: ["дизлайки", "dislikes"],
  replies: ["комментарии", "комментариев", "comments", "replies", "ответы", "кол-во комментариев"],
  shares: ["репосты", "репостов", "reposts", "shares", "поделились", "retweets"],
  views: ["просмотры", "просмотров", "views", "impressions"],
  pros: ["достоинства", "плюсы", "pros", "advantages"],
  cons: ["недостатки", "минусы", "cons", "disadvantages"],
  parentUrl: ["ссылка на родительский пост", "родительский пост", "ссылка на пост-родитель", "parent url", "parent link", "parent post url"],
};

/** Headers only YouScan's export has: enough of them and the file is YouScan's. */
const YOUSCAN: { signature: readonly string[]; extra: TAliases } = {
  signature: ["тип поста", "тип ресурса", "место публикации", "post type", "resource type", "publication place", "вовлеченность", "engagement", "аудитория", "audience"],
  extra: {
    source: ["источник", "source"],
    authorUrl: ["ссылка на автора", "author url", "author link", "ссылка на профиль автора"],
  },
};

/** Headers only Brand Analytics' export has. */
const BRAND_ANALYTICS: { signature: readonly string[]; extra: TAliases } = {
  signature: ["площадка", "тип площадки", "тип сообщения", "хост", "роль объекта", "объект", "вовлеченность", "аудитория"],
  extra: {
    source: ["площадка", "хост", "источник"],
    sourceType: ["тип площадки"],
    kind: ["тип сообщения"],
  },
};

/** Plain CSVs and other tools: the common names plus the record's own field names. */
const GENERIC_EXTRA: TAliases = {
  externalId: ["externalid", "external id", "external_id", "native id"],
  publishedAt: ["publishedat", "published_at", "timestamp", "created", "created_at", "createdat"],
  authorName: ["authorname", "author_name", "author.name", "user", "user name"],
  authorHandle: ["authorhandle", "author_handle", "author.handle"],
  authorUrl: ["authorurl", "author_url", "author.url"],
  authorId: ["authorid", "author_id", "author.externalid"],
  url: ["permalink", "originalurl", "original url"],
  kind: ["kind"],
  parentUrl: ["parenturl", "parent_url", "parent.url"],
};

const PRESETS: Record<TPresetId, TAliases> = {
  youscan: merge(YOUSCAN.extra, COMMON),
  brand_analytics: merge(BRAND_ANALYTICS.extra, COMMON),
  generic: merge(COMMON, GENERIC_EXTRA),
};

function merge(first: TAliases, second: TAliases): TAliases {
  const out: Record<string, string[]> = {};
  for (const source of [first, second]) {
    for (const [field, aliases] of Object.entries(source)) {
      const list = (out[field] ??= []);
      for (const alias of aliases ?? []) if (!list.includes(alias)) list.push(alias);
    }
  }
  return out as TAliases;
}

/** How headers are compared: case, ё/е, spacing, underscores, a trailing colon or asterisk. */
export function headerKey(header: string): string {
  return header
    .normalize("NFC")
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[_\s\u00a0]+/g, " ")
    .replace(/^[\s"'«»]+|[\s"'«»:*.]+$/g, "")
    .trim();
}

const ALL_KNOWN = new Set(Object.values(PRESETS).flatMap((aliases) => Object.values(aliases).flat().map(headerKey)));

/** How many of these cells look like a known column name: finds the header row of a sheet. */
export function headerScore(cells: readonly string[]): number {
  return cells.filter((cell) => ALL_KNOWN.has(headerKey(cell))).length;
}

/** The preset whose signature columns the file has, or `generic`. */
export function detectPreset(headers: readonly string[]): TPresetId {
  const keys = new Set(headers.map(headerKey));
  const hits = (signature: readonly string[]) => signature.filter((name) => keys.has(name)).length;
  const youscan = hits(YOUSCAN.signature);
  const ba = hits(BRAND_ANALYTICS.signature);
  if (Math.max(youscan, ba) < 2) return "generic";
  return ba > youscan ? "brand_analytics" : "youscan";
}

/** The preset's mapping of these headers: each field to the first column named like it. */
export function presetMapping(preset: TPresetId, headers: readonly string[]): TColumnMapping {
  const aliases = PRESETS[preset];
  const mapping: TColumnMapping = {};
  const taken = new Set<TImportField>();
  // Field order matters where names overlap: "Ссылка на автора" is the author's, "Ссылка" the post's.
  const byKey = new Map<string, TImportField>();
  for (const [field, names] of Object.entries(aliases) as [TImportField, readonly string[]][]) {
    for (const name of names) if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), field);
  }
  for (const header of headers) {
    const field = byKey.get(headerKey(header));
    if (!field || taken.has(field)) continue;
    mapping[header] = field;
    taken.add(field);
  }
  // "Дата" + "Время" in two columns: the first is only the date.
  const time = Object.values(mapping).includes("time");
  if (time && !taken.has("date")) {
    const dateColumn = Object.keys(mapping).find((header) => mapping[header] === "publishedAt");
    if (dateColumn) mapping[dateColumn] = "date";
  }
  return mapping;
}
