import { type Cheerio, type CheerioAPI, load } from "cheerio";
import { htmlToText } from "../../features/ingest/html-to-text.ts";
import { ConnectorError } from "../connector.ts";

/** One message of a t.me/s page, as read from its markup. */
export type TTelegramMessage = {
  /** The channel as data-post names it, lower case. */
  channel: string;
  id: number;
  /** "Channel created", "pinned a message", a new photo: not something anyone wrote. */
  service: boolean;
  /** Inner HTML of the message text (captions included); "" when there is none. */
  html: string;
  text: string;
  publishedAt?: string;
  /** The counter as shown ("1.2K"). */
  views?: string;
  ownerName?: string;
  forwardedFrom?: string;
  /** t.me marks edited posts ("edited" in the meta line) without saying when. */
  edited: boolean;
  hasPhoto: boolean;
};

export type TTelegramPage = {
  /** The channel's title from the info column. */
  title?: string;
  /** In page order: oldest first. */
  messages: TTelegramMessage[];
  /** `before` of the "load more" link to older posts; undefined at the start of the channel. */
  before?: number;
};

const POST = /^([A-Za-z0-9_]+)\/(\d+)$/;

/** A selection of elements (cheerio's element type lives in domhandler, not a direct dependency). */
type TElements = ReturnType<Cheerio<never>["find"]>;

/**
 * Reads a t.me/s/<channel> page. Throws what the page says instead of returning nothing:
 * no message list and no channel info → the channel has no public preview (t.me shows its
 * landing page instead); a message list whose blocks lack data-post, or a first page without
 * posts → the markup changed. `expectPosts` is false for search results and older pages, which
 * may honestly be empty.
 */
export function parseChannelPage(html: string, channel: string, expectPosts: boolean): TTelegramPage {
  const $ = load(html);
  const history = $(".tgme_channel_history, .js-message_history").first();
  const title = text($(".tgme_channel_info_header_title").first());
  if (history.length === 0) {
    if ($(".tgme_channel_info").length === 0) {
      throw notPreviewable(channel);
    }
    throw markupChanged("the page has the channel info but no message list");
  }
  const blocks = $(".tgme_widget_message");
  const posts = blocks.filter("[data-post]");
  if (posts.length === 0) {
    if (blocks.length > 0 || $(".tgme_widget_message_wrap").length > 0) throw markupChanged("message blocks carry no data-post attribute");
    if (expectPosts) throw markupChanged("the message list holds no posts");
  }
  const messages = posts.toArray().map((el) => parseMessage($, $(el)));
  const before = Number($("a.tme_messages_more[data-before]").first().attr("data-before"));
  return { title, messages, before: Number.isSafeInteger(before) && before > 0 ? before : undefined };
}

function parseMessage($: CheerioAPI, el: TElements): TTelegramMessage {
  const post = el.attr("data-post") ?? "";
  const match = POST.exec(post);
  if (!match) throw markupChanged(`a message has data-post "${post.slice(0, 80)}", not "<channel>/<id>"`);
  // A reply quotes the message it answers inside the block; that text is not this message's.
  const body = el.find(".tgme_widget_message_text").filter((_, t) => $(t).closest(".tgme_widget_message_reply").length === 0).first();
  const html = body.html() ?? "";
  const time = el.find(".tgme_widget_message_date time[datetime]").first();
  const datetime = (time.length > 0 ? time : el.find("time[datetime]").first()).attr("datetime");
  const meta = text(el.find(".tgme_widget_message_meta").first()) ?? "";
  return {
    channel: (match[1] ?? "").toLowerCase(),
    id: Number(match[2]),
    service: el.hasClass("service_message") || el.hasClass("tgme_widget_message_service"),
    html,
    text: htmlToText(html),
    publishedAt: isoDate(datetime),
    views: text(el.find(".tgme_widget_message_views").first()),
    ownerName: text(el.find(".tgme_widget_message_owner_name").first()),
    forwardedFrom: text(el.find(".tgme_widget_message_forwarded_from_name").first()),
    edited: el.find(".tgme_widget_message_edited").length > 0 || /^edited\b/i.test(meta),
    hasPhoto: el.find(".tgme_widget_message_photo_wrap").length > 0,
  };
}

function text(el: { text(): string }): string | undefined {
  const value = el.text().replace(/\s+/g, " ").trim();
  return value || undefined;
}

function isoDate(value: string | undefined): string | undefined {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function notPreviewable(channel: string): ConnectorError {
  return new ConnectorError("not_found", `Telegram channel @${channel} has no public web preview (t.me/s/${channel} shows no posts)`);
}

function markupChanged(what: string): ConnectorError {
  return new ConnectorError("markup_changed", `The t.me/s page no longer looks as expected: ${what}`);
}
