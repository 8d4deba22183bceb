/**
 * What a column of a CSV/XLSX export can be mapped to: the fields of the common Mention record
 * (CONNECTORS.md §3) that exports carry, plus the few an export splits or names differently
 * (a separate time column, the platform's name instead of our source kind, a sentiment label).
 */
export const IMPORT_FIELDS = [
  "externalId",
  "url",
  "publishedAt",
  "date",
  "time",
  "title",
  "text",
  "authorName",
  "authorHandle",
  "authorUrl",
  "authorId",
  "source",
  "sourceType",
  "kind",
  "sentiment",
  "lang",
  "rating",
  "likes",
  "dislikes",
  "replies",
  "shares",
  "views",
  "pros",
  "cons",
  "parentUrl",
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];

export const isImportField = (value: string): value is TImportField => (IMPORT_FIELDS as readonly string[]).includes(value);

/** File column (its header as written in the file) → the field it fills. */
export type TColumnMapping = Record<string, TImportField>;

/** What the person sees next to each field in the mapping step and in `--help`-like errors. */
export const FIELD_HINTS: Record<TImportField, string> = {
  externalId: "the platform's or the export's id of the mention (keeps re-imports from doubling)",
  url: "link to the mention",
  publishedAt: "date and time of publication (one column)",
  date: "date of publication (when the time is in its own column)",
  time: "time of publication (with a separate date column)",
  title: "headline",
  text: "text of the mention",
  authorName: "author's name",
  authorHandle: "author's @handle",
  authorUrl: "link to the author's profile",
  authorId: "author's id on the platform",
  source: "platform or site (ВКонтакте, t.me, Отзовик, rbc.ru …)",
  sourceType: "kind of resource (СМИ, форум, соцсеть …)",
  kind: "post, comment, repost, review, article",
  sentiment: "tone: positive / negative / neutral (позитив / негатив / нейтрал)",
  lang: "language code",
  rating: "review rating (stars out of 5, or value/scale)",
  likes: "likes",
  dislikes: "dislikes",
  replies: "comments / replies",
  shares: "reposts / shares",
  views: "views",
  pros: "advantages (review sites)",
  cons: "disadvantages (review sites)",
  parentUrl: "link to the post a comment answers",
};
