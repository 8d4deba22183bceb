import type { TConnectorItem } from "../../connectors/connector.ts";
import {
  EMOJI,
  EN_CONTEXTS,
  EN_HANDLE_PARTS,
  NEWS_FILLERS,
  RU_BRAND_LEADS,
  RU_CLOSINGS,
  RU_CONTEXTS,
  RU_FEMALE,
  RU_JOINERS,
  RU_MALE,
  RU_OPENINGS,
  RU_SURNAMES,
  type TRandom,
  type TTone,
  type TToneBank,
  roughen,
} from "./demo-mention-templates.ts";
import type { TDemoProfile } from "./demo-sources.ts";

/**
 * The pieces every demo mention is made of: a seeded random stream, texts put together from the
 * phrase banks, invented authors, and connector items shaped as each platform's connector shapes
 * them (ids, permalinks, targets, reply targets). Deterministic: the same seed, the same items.
 */

// ---------------------------------------------------------------------------------------------
// Random
// ---------------------------------------------------------------------------------------------

export type TRng = {
  next: TRandom;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Earlier items more often (a few people write most comments). */
  pickSkewed<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
};

/** FNV-1a of the seed text, then mulberry32: fast, small, and the same everywhere. */
export function createRng(seed: string | number): TRng {
  let state = typeof seed === "number" ? seed >>> 0 : hashSeed(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick,
    pickSkewed: (items) => items[Math.floor(next() ** 2 * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
    weighted(entries) {
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return (entries[entries.length - 1] as (typeof entries)[number])[0];
    },
  };
}

export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Authors
// ---------------------------------------------------------------------------------------------

export type TGender = "m" | "f";
export type TPerson = { gender: TGender; first: string; last: string; vkId: number; handle: string; redditId: string };

export function createPeople(rnd: TRng, count: number): TPerson[] {
  const people: TPerson[] = [];
  const ids = new Set<number>();
  for (let i = 0; i < count; i++) {
    const gender: TGender = rnd.chance(0.52) ? "f" : "m";
    const first = rnd.pick(gender === "m" ? RU_MALE : RU_FEMALE);
    const base = rnd.pick(RU_SURNAMES);
    const last = gender === "m" ? base : `${base}а`;
    let vkId = rnd.int(1_000_000, 820_000_000);
    while (ids.has(vkId)) vkId++;
    ids.add(vkId);
    const handle = `${rnd.pick(EN_HANDLE_PARTS.first)}_${rnd.pick(EN_HANDLE_PARTS.second)}${rnd.chance(0.6) ? rnd.int(1, 999) : ""}`;
    people.push({ gender, first, last, vkId, handle, redditId: `t2_${(rnd.int(1e8, 3e9) >>> 0).toString(36)}` });
  }
  return people;
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

export type TTextSize = "short" | "medium" | "long";
export type TBrandNeed = "must" | "maybe";

const BRAND_SLOT = /\{b[gpda]?\}/;
const SLOT = /\{(?:g:([^|}]*)\|([^}]*)|([a-z]+))\}/g;
const PCTS = ["1", "1,5", "2", "3", "5", "7", "10", "12", "15", "16", "16,5", "17", "18", "18,5", "20"];

/** Fills the slots of phrase-bank sentences for one brand. */
export class TextComposer {
  constructor(
    readonly profile: TDemoProfile,
    readonly rnd: TRng,
  ) {}

  fill(template: string, gender: TGender): string {
    const { rnd, profile } = this;
    return template.replace(SLOT, (_m, male: string | undefined, female: string | undefined, key: string | undefined) => {
      if (key === undefined) return gender === "m" ? (male ?? "") : (female ?? "");
      switch (key) {
        case "b":
          return rnd.pickSkewed(profile.forms.nom);
        case "bg":
          return rnd.pickSkewed(profile.forms.gen);
        case "bp":
          return rnd.pickSkewed(profile.forms.prep);
        case "bd":
          return rnd.pickSkewed(profile.forms.dat);
        case "ba":
          return rnd.pickSkewed(profile.forms.acc);
        case "prod":
          return rnd.pick(profile.products);
        case "comp":
          return rnd.pick(profile.competitors).nom;
        case "compg":
          return rnd.pick(profile.competitors).gen;
        case "compp":
          return rnd.pick(profile.competitors).prep;
        case "person":
          return rnd.pick(profile.persons);
        case "addr":
          return rnd.pick(profile.addresses);
        case "name":
          return rnd.pick(profile.staff);
        case "dish":
          return profile.dishes.length ? rnd.pick(profile.dishes) : "обед";
        case "city":
          return profile.city;
        case "n":
          return String(rnd.int(2, 4));
        case "nn":
          return String(rnd.int(10, 60));
        case "sum":
          return rnd.pick(profile.sums);
        case "pct":
          return rnd.pick(PCTS);
        case "few":
          return String(rnd.int(2, 4));
        case "days":
          return String(rnd.int(5, 14));
        case "fast":
          return rnd.pick(["5", "7", "10", "12", "15"]);
        case "min":
          return String(rnd.int(3, 18) * 5);
        case "hours":
          return String(rnd.int(2, 6));
        case "time":
          return `${rnd.int(8, 22)}:${String(rnd.int(0, 11) * 5).padStart(2, "0")}`;
        case "order":
          return String(rnd.int(1_000_000, 9_999_999));
        default:
          return "";
      }
    });
  }

  /** English texts name the brand in its Latin form only. */
  fillEn(template: string): string {
    const { rnd, profile } = this;
    return template.replace(/\{b\}/g, () => rnd.pickSkewed(profile.forms.en));
  }

  /**
   * A Russian text of one tone about one topic (or two, when long). `must`: the brand is named
   * somewhere (keyword sources find nothing else); `maybe`: as the sentences happen to fall
   * (comments on the brand's own wall often do not name it). `care` 0…1: how tidy the writer is.
   */
  ru(tone: TTone, size: TTextSize, brand: TBrandNeed, gender: TGender, care: number, topic?: string): string {
    const { rnd, profile } = this;
    const topics = Object.keys(profile.ru.topics);
    const mainTopic = topic ?? rnd.pick(topics);
    const parts: string[] = [];
    let named = false;
    const add = (template: string, joiner = "") => {
      if (BRAND_SLOT.test(template)) named = true;
      const text = this.fill(template, gender);
      // A sentence that starts with a name keeps its capital after "Кстати, ".
      const body = template.startsWith("{") && !template.startsWith("{g:") ? text : text.charAt(0).toLowerCase() + text.slice(1);
      parts.push(joiner ? joiner + body : text);
    };
    if (size === "short") {
      add(rnd.pick(profile.ru.shorts[tone]));
    } else {
      const sentences = size === "medium" ? (rnd.chance(0.55) ? 2 : 1) : rnd.int(3, 5);
      if (rnd.chance(size === "long" ? 0.7 : 0.4)) add(rnd.pick(RU_OPENINGS[tone]));
      const used = new Set<string>();
      for (let i = 0; i < sentences; i++) {
        const t = i > 0 && size === "long" && rnd.chance(0.4) ? rnd.pick(topics) : mainTopic;
        const bank = sentencesOf(profile.ru.topics[t], tone, rnd);
        const template = rnd.pick(bank);
        if (used.has(template)) continue;
        used.add(template);
        add(template, i > 0 ? rnd.pick(RU_JOINERS) : rnd.chance(0.45) ? `${rnd.pick(RU_CONTEXTS)} ` : "");
      }
      if (rnd.chance(size === "long" ? 0.6 : 0.35)) add(rnd.pick(RU_CLOSINGS[tone]));
    }
    if (brand === "must" && !named) {
      const lead = this.fill(rnd.pick(RU_BRAND_LEADS[tone]), gender);
      parts.unshift(lead);
    }
    let text = roughen(parts.join(" "), rnd.next, care);
    if (rnd.chance(size === "short" ? 0.3 : 0.18)) text += rnd.chance(0.7) ? ` ${rnd.pick(EMOJI[tone])}` : ` ${rnd.pick(EMOJI[tone])}${rnd.pick(EMOJI[tone])}`;
    if (tone === "pos" && rnd.chance(0.12)) text += ")))".slice(0, rnd.int(1, 3));
    return text;
  }

  /** An English sentence or two; `must` adds the brand when the sentences do not name it. */
  en(tone: TTone, sentences: number, brand: TBrandNeed, topic?: string): string {
    const { rnd, profile } = this;
    const topics = Object.keys(profile.en.topics);
    const bank = sentencesOf(profile.en.topics[topic ?? rnd.pick(topics)], tone, rnd);
    const parts: string[] = [];
    const used = new Set<string>();
    for (let i = 0; i < sentences; i++) {
      const template = rnd.pick(bank);
      if (used.has(template)) continue;
      used.add(template);
      parts.push(template);
    }
    let text = parts.join(" ");
    if (rnd.chance(0.45)) text = `${rnd.pick(EN_CONTEXTS)} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    if (brand === "must" && !text.includes("{b}")) text = `${rnd.pick(["About {b}:", "Re {b}:", "{b} —"])} ${text}`;
    return roughenEn(this.fillEn(text), rnd);
  }

  /** Third-person news sentences about the brand, tidy, with the usual filler between the facts. */
  news(tone: TTone, count: number): string[] {
    const { rnd, profile } = this;
    const out: string[] = [];
    const used = new Set<string>();
    for (let i = 0; i < count * 2 && out.length < count; i++) {
      const roll = rnd.next();
      const sentence = rnd.pick(i > 0 && roll < 0.3 ? NEWS_FILLERS : roll < 0.8 ? profile.ru.news[tone] : profile.ru.news.neu);
      if (used.has(sentence)) continue;
      used.add(sentence);
      out.push(this.fill(sentence, "m"));
    }
    return out;
  }
}

function sentencesOf(bank: TToneBank | undefined, tone: TTone, rnd: TRng): readonly string[] {
  if (!bank) return ["{b}."];
  const own = bank[tone];
  return own.length ? own : bank[rnd.pick(["neg", "neu", "pos"] as const)];
}

function roughenEn(text: string, rnd: TRng): string {
  let out = text;
  if (rnd.chance(0.25)) out = out.charAt(0).toLowerCase() + out.slice(1);
  if (rnd.chance(0.2)) out = out.replace(/\.$/, "");
  if (rnd.chance(0.1)) out += " lol";
  return out;
}

export function toneOfRating(rating: number): TTone {
  return rating <= 2 ? "neg" : rating === 3 ? "neu" : "pos";
}

// ---------------------------------------------------------------------------------------------
// Platform items: shaped the way each connector maps its platform
// ---------------------------------------------------------------------------------------------

export type TOwnerReply = { text: string; authorName?: string; externalId?: string; publishedAt?: string };

/**
 * Keys in the order PostgreSQL's jsonb keeps them (shorter first, then bytewise), so a rerun's
 * owner reply compares equal to the stored one and is not rewritten.
 */
export function ownerReply(reply: TOwnerReply): NonNullable<TConnectorItem["ownerReply"]> {
  const out: NonNullable<TConnectorItem["ownerReply"]> = { text: reply.text };
  if (reply.authorName) out.authorName = reply.authorName;
  if (reply.externalId) out.externalId = reply.externalId;
  if (reply.publishedAt) out.publishedAt = reply.publishedAt;
  return out;
}

export function vkCommunityTarget(profile: TDemoProfile): NonNullable<TConnectorItem["target"]> {
  return { kind: "page", externalId: String(-profile.vk.groupId), name: profile.vk.title, url: `https://vk.com/${profile.vk.screenName}` };
}

export function vkOwnerPost(profile: TDemoProfile, postId: number, at: Date, text: string, metrics: TConnectorItem["metrics"]): TConnectorItem {
  const owner = -profile.vk.groupId;
  return {
    kind: "post",
    externalId: `${owner}_${postId}`,
    url: `https://vk.com/wall${owner}_${postId}`,
    target: vkCommunityTarget(profile),
    author: { externalId: String(owner), name: profile.vk.title, handle: profile.vk.screenName, url: `https://vk.com/${profile.vk.screenName}`, isOwner: true },
    text,
    publishedAt: at.toISOString(),
    metrics,
    replyCapability: "api",
    replyTarget: { owner_id: String(owner), post_id: String(postId) },
    raw: { id: postId, owner_id: owner, from_id: owner, date: Math.floor(at.getTime() / 1000), post_type: "post" },
  };
}

export function vkCommunityComment(
  profile: TDemoProfile,
  postId: number,
  commentId: number,
  at: Date,
  author: TPerson,
  text: string,
  likes: number,
  reply: TOwnerReply | undefined,
): TConnectorItem {
  const owner = -profile.vk.groupId;
  return {
    kind: "comment",
    externalId: `${owner}_${postId}_c${commentId}`,
    url: `https://vk.com/wall${owner}_${postId}?reply=${commentId}`,
    target: vkCommunityTarget(profile),
    parent: { externalId: `${owner}_${postId}`, url: `https://vk.com/wall${owner}_${postId}` },
    author: { externalId: String(author.vkId), name: `${author.first} ${author.last}`, url: `https://vk.com/id${author.vkId}`, isOwner: false },
    text,
    publishedAt: at.toISOString(),
    metrics: { likes },
    ownerReply: reply ? ownerReply(reply) : undefined,
    replyCapability: "api",
    replyTarget: { owner_id: String(owner), post_id: String(postId), comment_id: String(commentId) },
    raw: { id: commentId, from_id: author.vkId, post_id: postId, owner_id: owner, date: Math.floor(at.getTime() / 1000) },
  };
}

/** A post found by VK search: a person's wall (positive owner id) or a community's (negative). */
export function vkSearchPost(query: string, ownerId: number, postId: number, at: Date, author: TConnectorItem["author"], text: string, metrics: TConnectorItem["metrics"]): TConnectorItem {
  return {
    kind: "post",
    externalId: `${ownerId}_${postId}`,
    url: `https://vk.com/wall${ownerId}_${postId}`,
    target: { kind: "query", externalId: query, name: query },
    author,
    text,
    publishedAt: at.toISOString(),
    metrics,
    replyCapability: "manual_link",
    replyTarget: { owner_id: String(ownerId), post_id: String(postId) },
    raw: { id: postId, owner_id: ownerId, date: Math.floor(at.getTime() / 1000) },
  };
}

export function telegramPost(profile: TDemoProfile, id: number, at: Date, text: string, views: number): TConnectorItem {
  const { channel, title } = profile.telegram;
  return {
    kind: "post",
    externalId: `${channel}/${id}`,
    url: `https://t.me/${channel}/${id}`,
    target: { kind: "channel", externalId: channel, name: title, url: `https://t.me/${channel}` },
    author: { name: title, handle: channel, url: `https://t.me/${channel}` },
    text,
    publishedAt: at.toISOString(),
    metrics: { views },
    replyCapability: "none",
    raw: { post: `${channel}/${id}`, views: String(views) },
  };
}

export function rssArticle(url: string, outlet: string, at: Date, title: string, paragraphs: readonly string[]): TConnectorItem {
  return {
    kind: "article",
    externalId: url,
    url,
    author: { name: outlet },
    title,
    text: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n"),
    textIsHtml: true,
    publishedAt: at.toISOString(),
    replyCapability: "none",
    raw: { link: url, title, source: outlet },
  };
}

export function bankiRuReview(bankCode: string, bankName: string, id: number, at: Date, title: string, text: string, grade: number, reply: string | undefined, comments: number): TConnectorItem {
  return {
    kind: "review",
    externalId: String(id),
    url: `https://www.banki.ru/services/responses/bank/response/${id}/`,
    target: { kind: "bank", externalId: bankCode, name: bankName, url: `https://www.banki.ru/services/responses/bank/${bankCode}/` },
    author: {},
    title,
    text,
    rating: { value: grade, scale: 5 },
    publishedAt: at.toISOString(),
    metrics: { replies: comments },
    ownerReply: reply ? ownerReply({ text: reply }) : undefined,
    replyCapability: "manual_link",
    raw: { id, title, grade, company: { code: bankCode, name: bankName } },
  };
}

export function webPageReview(
  pageUrl: string,
  pageTitle: string,
  id: number,
  at: Date,
  author: string,
  review: { title?: string; text: string; pros?: string; cons?: string; rating: number },
): TConnectorItem {
  const item: TConnectorItem = {
    kind: "review",
    externalId: `${pageUrl}#review-${id}`,
    url: `${pageUrl}#review-${id}`,
    target: { kind: "page", externalId: pageUrl, url: pageUrl, name: pageTitle },
    author: { name: author },
    text: review.text,
    rating: { value: review.rating, scale: 5 },
    publishedAt: at.toISOString(),
    replyCapability: "manual_link",
    raw: { from: "json-ld", review: { "@type": "Review", "@id": `#review-${id}`, reviewRating: { ratingValue: review.rating, bestRating: 5 } } },
  };
  if (review.title) item.title = review.title;
  if (review.pros) item.pros = review.pros;
  if (review.cons) item.cons = review.cons;
  return item;
}

export function redditPost(query: string, subreddit: string, id36: string, at: Date, author: TPerson, title: string, text: string, score: number, comments: number): TConnectorItem {
  const url = `https://www.reddit.com/r/${subreddit}/comments/${id36}/${redditSlug(title)}/`;
  return {
    kind: "post",
    externalId: `t3_${id36}`,
    url,
    target: { kind: "query", externalId: query, name: query },
    author: { externalId: author.redditId, name: author.handle, handle: author.handle, url: `https://www.reddit.com/user/${author.handle}` },
    title,
    text,
    publishedAt: at.toISOString(),
    metrics: { score, replies: comments },
    replyCapability: "api",
    replyTarget: { thing_id: `t3_${id36}` },
    raw: { name: `t3_${id36}`, subreddit, title, created_utc: at.getTime() / 1000, score, num_comments: comments },
  };
}

export function redditComment(query: string, post: TConnectorItem, commentId36: string, at: Date, author: TPerson, text: string, score: number): TConnectorItem {
  const post36 = post.externalId.replace(/^t3_/, "");
  return {
    kind: "comment",
    externalId: `t1_${commentId36}`,
    url: `${post.url}${commentId36}/`,
    target: { kind: "query", externalId: query, name: query },
    parent: { externalId: post.externalId, url: `https://www.reddit.com/comments/${post36}` },
    author: { externalId: author.redditId, name: author.handle, handle: author.handle, url: `https://www.reddit.com/user/${author.handle}` },
    text,
    publishedAt: at.toISOString(),
    metrics: { score },
    replyCapability: "api",
    replyTarget: { thing_id: `t1_${commentId36}` },
    raw: { name: `t1_${commentId36}`, link_id: post.externalId, created_utc: at.getTime() / 1000, score },
  };
}

/** Reddit's own slug: lower case, words joined by "_", at most ~50 characters. */
export function redditSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 50)
      .replace(/_+$/, "") || "post"
  );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
