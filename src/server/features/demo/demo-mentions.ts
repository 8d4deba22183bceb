import { and, eq, inArray, sql } from "drizzle-orm";
import type { TConnectorItem } from "../../connectors/connector.ts";
import type { TAppContext, TExecutor } from "../../context.ts";
import { mentions } from "../../db/schema/monitoring.ts";
import { type TIngestClassifier, type TIngestTarget, ingestBatch } from "../ingest/ingest-batch.ts";
import { defaultIngestClassifier } from "../ingest/ingest-classifier.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { existingByIdentity } from "../ingest/queries.ts";
import { type TSourceRow, updateSource } from "../sources/queries.ts";
import {
  type TGender,
  type TPerson,
  type TRng,
  TextComposer,
  bankiRuReview,
  createPeople,
  createRng,
  redditComment,
  redditPost,
  rssArticle,
  telegramPost,
  toneOfRating,
  vkCommunityComment,
  vkOwnerPost,
  vkSearchPost,
  webPageReview,
} from "./demo-items.ts";
import {
  BANK_OUTAGE,
  BANK_PRESS_RELEASE,
  BANK_SCAM_POSTS,
  EN_UPDATES,
  INSURANCE_HAIL,
  INSURANCE_PRESS_RELEASE,
  RESTAURANT_BLOGGER,
  RESTAURANT_DELIVERY_FAIL,
  RESTAURANT_PRESS_RELEASE,
  OWNER_POST_INTROS,
  RU_BRAND_LEADS,
  RU_CLOSINGS,
  RU_OPENINGS,
  RU_UPDATES,
  roughen,
  type TEventPhrases,
  type TPressRelease,
  type TTone,
} from "./demo-mention-templates.ts";
import { DEMO_PROFILES, type TDemoProfile, type TDemoSource, ensureDemoRules, ensureDemoSources } from "./demo-sources.ts";

/**
 * Ninety days of mentions for each demo brand, made up from the phrase banks and stored through
 * the real pipeline (normalize → match → dedupe → cluster → classify → store), so the feed, the
 * copy clusters, the rule highlights and the source health all show what they would in use.
 *
 * Deterministic: each brand's generator is seeded by the brand, and the window ends at a fixed
 * anchor (the demo sources' creation, kept in their `created_at`), so a rerun produces the same
 * items and the pipeline's identity dedupe stores none of them again.
 */

export const DEMO_DAYS = 90;
/** Demo sources are dated this long before the anchor: the window ends `SOURCE_AGE_DAYS - DEMO_DAYS` after their creation. */
const SOURCE_AGE_DAYS = 120;
const BATCH = 500;
/** Every demo source last ran at most this long before the anchor; nothing newer exists. */
const LAST_RUN_MINUTES = 15;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Moscow time, where the demo's people live: UTC+3 all year. */
const MSK = 3 * HOUR;

export type TDemoEvent = { at: Date; item: TConnectorItem; edit: boolean };
export type TDemoStream = Map<TDemoSource["key"], TDemoEvent[]>;

export type TDemoMentionsResult = {
  added: number;
  total: number;
  brands: { brand: string; added: number; total: number; sources: number }[];
};

// ---------------------------------------------------------------------------------------------
// The plan: how much each source says, when, and in what mood
// ---------------------------------------------------------------------------------------------

type TMix = readonly [neg: number, neu: number, pos: number];
type TRhythm = "social" | "news" | "food" | "evening";

type TBurst = {
  daysAgo: number;
  /** Moscow hours the burst spans (front-loaded). */
  from: number;
  to: number;
  phrases: TEventPhrases;
  mix: TMix;
  ownerPosts: number;
  vkComments: number;
  vkSearch: number;
  telegram: number;
  rss: number;
  reviews: number;
  redditPosts: number;
  redditComments: number;
  /** The next day repeats the burst at this share. */
  tail: number;
};

type TPlan = {
  ownerPosts: number;
  vkComments: number;
  vkSearch: number;
  telegram: number;
  rss: number;
  /** banki.ru or the web page, whichever the brand has. */
  reviews: number;
  redditPosts: number;
  mixes: { vkComments: TMix; vkSearch: TMix; telegram: TMix; rss: TMix; reddit: TMix };
  /** Share of 1…5 stars on the review source. */
  ratings: readonly [number, number, number, number, number];
  /** Share of search hits that are about a namesake, a competitor alone, a comparison, the employer, in English. */
  searchFlavors: { namesake: number; competitorOnly: number; competitor: number; employer: number; english: number };
  rhythm: { comments: TRhythm; reviews: TRhythm };
  bursts: readonly TBurst[];
  press?: { daysAgo: number; copies: number; release: TPressRelease };
  scam?: { daysAgo: number; count: number };
};

const PLANS: Record<TDemoProfile["domain"], TPlan> = {
  bank: {
    ownerPosts: 0.9,
    vkComments: 10,
    vkSearch: 7,
    telegram: 1.3,
    rss: 1.6,
    reviews: 4.6,
    redditPosts: 0.45,
    mixes: { vkComments: [0.42, 0.4, 0.18], vkSearch: [0.32, 0.43, 0.25], telegram: [0.22, 0.58, 0.2], rss: [0.18, 0.57, 0.25], reddit: [0.38, 0.42, 0.2] },
    ratings: [0.4, 0.12, 0.1, 0.12, 0.26],
    searchFlavors: { namesake: 0.06, competitorOnly: 0.04, competitor: 0.05, employer: 0.04, english: 0.03 },
    rhythm: { comments: "social", reviews: "evening" },
    bursts: [
      {
        daysAgo: 23,
        from: 10.6,
        to: 17.5,
        phrases: BANK_OUTAGE,
        mix: [0.85, 0.12, 0.03],
        ownerPosts: 2,
        vkComments: 170,
        vkSearch: 60,
        telegram: 5,
        rss: 7,
        reviews: 24,
        redditPosts: 2,
        redditComments: 10,
        tail: 0.3,
      },
    ],
    press: { daysAgo: 41, copies: 15, release: BANK_PRESS_RELEASE },
    scam: { daysAgo: 57, count: 22 },
  },
  insurance: {
    ownerPosts: 0.6,
    vkComments: 12,
    vkSearch: 8,
    telegram: 0.9,
    rss: 1.1,
    reviews: 0,
    redditPosts: 0.2,
    mixes: { vkComments: [0.38, 0.45, 0.17], vkSearch: [0.3, 0.45, 0.25], telegram: [0.2, 0.6, 0.2], rss: [0.15, 0.6, 0.25], reddit: [0.4, 0.4, 0.2] },
    ratings: [0.3, 0.1, 0.15, 0.15, 0.3],
    searchFlavors: { namesake: 0.05, competitorOnly: 0.04, competitor: 0.05, employer: 0.03, english: 0.02 },
    rhythm: { comments: "social", reviews: "evening" },
    bursts: [
      {
        daysAgo: 34,
        from: 15,
        to: 23,
        phrases: INSURANCE_HAIL,
        mix: [0.35, 0.55, 0.1],
        ownerPosts: 2,
        vkComments: 90,
        vkSearch: 45,
        telegram: 4,
        rss: 3,
        reviews: 0,
        redditPosts: 1,
        redditComments: 2,
        tail: 0.5,
      },
    ],
    press: { daysAgo: 62, copies: 8, release: INSURANCE_PRESS_RELEASE },
  },
  restaurant: {
    ownerPosts: 0.8,
    vkComments: 9,
    vkSearch: 6,
    telegram: 0.6,
    rss: 0.35,
    reviews: 5.5,
    redditPosts: 0.25,
    mixes: { vkComments: [0.18, 0.37, 0.45], vkSearch: [0.15, 0.35, 0.5], telegram: [0.15, 0.5, 0.35], rss: [0.1, 0.6, 0.3], reddit: [0.2, 0.35, 0.45] },
    ratings: [0.07, 0.06, 0.1, 0.27, 0.5],
    searchFlavors: { namesake: 0.05, competitorOnly: 0.03, competitor: 0.05, employer: 0.03, english: 0.02 },
    rhythm: { comments: "food", reviews: "food" },
    bursts: [
      {
        daysAgo: 19,
        from: 12,
        to: 23,
        phrases: RESTAURANT_BLOGGER,
        mix: [0.05, 0.3, 0.65],
        ownerPosts: 1,
        vkComments: 40,
        vkSearch: 70,
        telegram: 1,
        rss: 0,
        reviews: 25,
        redditPosts: 0,
        redditComments: 0,
        tail: 0.6,
      },
      {
        daysAgo: 8,
        from: 18,
        to: 23,
        phrases: RESTAURANT_DELIVERY_FAIL,
        mix: [0.85, 0.12, 0.03],
        ownerPosts: 1,
        vkComments: 55,
        vkSearch: 15,
        telegram: 1,
        rss: 0,
        reviews: 14,
        redditPosts: 0,
        redditComments: 0,
        tail: 0.2,
      },
    ],
    press: { daysAgo: 47, copies: 6, release: RESTAURANT_PRESS_RELEASE },
  },
};

// Activity by Moscow hour (0…23) and by weekday (Sunday first).
const HOURS: Record<TRhythm, readonly number[]> = {
  social: [0.35, 0.2, 0.12, 0.08, 0.06, 0.08, 0.2, 0.5, 0.9, 1.2, 1.3, 1.3, 1.4, 1.3, 1.2, 1.2, 1.2, 1.3, 1.4, 1.5, 1.6, 1.5, 1.1, 0.6],
  news: [0.05, 0.02, 0.02, 0.02, 0.03, 0.05, 0.2, 0.6, 1.1, 1.5, 1.6, 1.5, 1.4, 1.3, 1.4, 1.4, 1.3, 1.2, 1.0, 0.8, 0.6, 0.4, 0.25, 0.1],
  food: [0.1, 0.05, 0.02, 0.02, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 0.9, 1.6, 1.8, 1.4, 0.8, 0.7, 0.9, 1.4, 1.8, 1.9, 1.5, 0.9, 0.4],
  evening: [0.4, 0.25, 0.12, 0.06, 0.05, 0.06, 0.15, 0.35, 0.6, 0.8, 0.9, 0.9, 1.0, 1.0, 0.9, 0.9, 1.0, 1.1, 1.3, 1.5, 1.7, 1.7, 1.3, 0.8],
};
const WEEKDAYS: Record<TRhythm, readonly number[]> = {
  social: [0.72, 1.12, 1.08, 1.03, 1.02, 0.95, 0.78],
  news: [0.35, 1.15, 1.2, 1.2, 1.15, 1.05, 0.4],
  food: [1.25, 0.8, 0.85, 0.9, 0.95, 1.25, 1.4],
  evening: [0.95, 1.1, 1.05, 1.0, 1.0, 0.9, 0.85],
};

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

type TSlot = { at: Date; burst?: TBurst; tag?: string };

/** The demo stream of one brand, per source, in publication order (edits at their edit time). */
export function generateDemoMentions(profile: TDemoProfile, anchor: Date): TDemoStream {
  return new BrandGenerator(profile, anchor).run();
}

class BrandGenerator {
  readonly rnd: TRng;
  readonly text: TextComposer;
  readonly plan: TPlan;
  readonly people: TPerson[];
  /** Midnight in Moscow of the day the window starts in, as UTC milliseconds: day `DEMO_DAYS` is the anchor's day. */
  readonly start: number;
  /** Nothing is published, edited or answered after this: the sources last ran just before the anchor. */
  readonly end: number;
  readonly out: TDemoStream = new Map();

  constructor(
    readonly profile: TDemoProfile,
    readonly anchor: Date,
  ) {
    this.rnd = createRng(profile.seed);
    this.text = new TextComposer(profile, this.rnd);
    this.plan = PLANS[profile.domain];
    this.people = createPeople(this.rnd, 1500);
    this.start = Math.floor((anchor.getTime() + MSK - DEMO_DAYS * DAY) / DAY) * DAY - MSK;
    this.end = anchor.getTime() - LAST_RUN_MINUTES * 60_000;
  }

  run(): TDemoStream {
    const has = (key: TDemoSource["key"]) => this.profile.sources.some((s) => s.key === key);
    if (has("vk_community")) this.vkCommunity();
    if (has("vk_search")) this.vkSearch();
    if (has("telegram")) this.telegram();
    if (has("rss")) this.rss();
    if (has("banki_ru")) this.bankiRu();
    if (has("web_page")) this.webPage();
    if (has("reddit")) this.reddit();
    for (const events of this.out.values()) events.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.edit) - Number(b.edit));
    return this.out;
  }

  // ----- time -----

  private slots(perDay: number, rhythm: TRhythm, pick: (b: TBurst) => number, until = this.end): TSlot[] {
    const slots: TSlot[] = [];
    const phase = this.rnd.next() * 30;
    for (let day = 0; day <= DEMO_DAYS; day++) {
      const dayStart = this.start + day * DAY;
      const weekday = new Date(dayStart + MSK).getUTCDay();
      const wave = 1 + 0.18 * Math.sin((2 * Math.PI * (day + phase)) / 27) + 0.1 * (day / DEMO_DAYS);
      const lambda = perDay * (WEEKDAYS[rhythm][weekday] ?? 1) * wave * (0.8 + 0.4 * this.rnd.next());
      for (let i = poisson(lambda, this.rnd); i > 0; i--) slots.push({ at: this.timeIn(dayStart, rhythm) });
    }
    for (const burst of this.plan.bursts) {
      const count = pick(burst);
      const dayStart = this.start + (DEMO_DAYS - burst.daysAgo) * DAY;
      for (let i = 0; i < count; i++) slots.push({ at: this.burstTime(dayStart, burst.from, burst.to), burst });
      for (let i = Math.round(count * burst.tail); i > 0; i--) slots.push({ at: this.timeIn(dayStart + DAY, rhythm), burst });
    }
    const from = this.anchor.getTime() - DEMO_DAYS * DAY;
    return slots.filter((s) => s.at.getTime() >= from && s.at.getTime() < until).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private timeIn(dayStart: number, rhythm: TRhythm): Date {
    const hour = this.rnd.weighted(HOURS[rhythm].map((w, h) => [h, w] as const));
    return new Date(dayStart + hour * HOUR + Math.floor(this.rnd.next() * HOUR));
  }

  /** Most of a burst comes early, then it fades. */
  private burstTime(dayStart: number, from: number, to: number): Date {
    return new Date(dayStart + (from + (to - from) * this.rnd.next() ** 1.8) * HOUR + this.rnd.int(0, 59_000));
  }

  private tone(mix: TMix): TTone {
    return this.rnd.weighted([
      ["neg", mix[0]],
      ["neu", mix[1]],
      ["pos", mix[2]],
    ]);
  }

  private person(): TPerson {
    return this.rnd.pickSkewed(this.people);
  }

  /**
   * The generator knows each text's language and says so, as a connector may: the pipeline's
   * detector (about a millisecond a text) would otherwise be most of the demo's run time.
   */
  private emit(key: TDemoSource["key"], item: TConnectorItem, at: Date, edit: TDemoEditOf | undefined, lang: "ru" | "en" = key === "reddit" ? "en" : "ru"): void {
    const list = this.out.get(key) ?? [];
    item.lang = lang;
    list.push({ at, item, edit: false });
    if (edit) {
      const editAt = new Date(at.getTime() + this.rnd.int(30, 48 * 60) * 60_000);
      if (editAt.getTime() < this.end) {
        list.push({ at: editAt, item: { ...item, ...edit(item), updatedAt: editAt.toISOString() }, edit: true });
      }
    }
    this.out.set(key, list);
  }

  private ruEdit(tone: TTone, gender: TGender): TDemoEditOf {
    const update = this.text.fill(this.rnd.pick(RU_UPDATES[tone]), gender);
    return (item) => ({ text: `${item.text}\n\n${update}` });
  }

  // ----- sources -----

  private vkCommunity(): void {
    const { profile, plan, rnd } = this;
    const posts = this.slots(plan.ownerPosts, "news", (b) => b.ownerPosts).map((slot) => ({ ...slot, id: 0 }));
    let postId = 4100 + rnd.int(0, 400);
    const burstPostIndex = new Map<TBurst, number>();
    for (const post of posts) {
      postId += rnd.chance(0.1) ? 2 : 1;
      post.id = postId;
      let text: string;
      if (post.burst && (burstPostIndex.get(post.burst) ?? 0) < post.burst.phrases.ownerPosts.length) {
        const index = burstPostIndex.get(post.burst) ?? 0;
        burstPostIndex.set(post.burst, index + 1);
        text = this.text.fill(post.burst.phrases.ownerPosts[index] ?? "", "m");
      } else {
        const intro = rnd.pick(OWNER_POST_INTROS);
        const outro = rnd.pick(profile.ru.ownerPostOutros);
        text = this.text.fill([intro, rnd.pick(profile.ru.ownerPosts), outro].filter(Boolean).join(intro && rnd.chance(0.5) ? "\n" : " "), "m");
      }
      const views = rnd.int(1500, 30_000);
      this.emit("vk_community", vkOwnerPost(profile, post.id, post.at, text, { likes: rnd.int(5, 400), shares: rnd.int(0, 40), views, replies: rnd.int(0, 120) }), post.at, undefined);
    }
    const comments = this.slots(plan.vkComments, plan.rhythm.comments, (b) => b.vkComments);
    let commentId = 190_000 + rnd.int(0, 5000);
    let p = 0;
    for (const slot of comments) {
      while (p + 1 < posts.length && (posts[p + 1]?.at.getTime() ?? Infinity) <= slot.at.getTime()) p++;
      const latest = posts[Math.max(0, p - (rnd.chance(0.15) ? rnd.int(1, 2) : 0))];
      if (!latest) break;
      // Before the window's first post, people comment under an older one.
      const parent = latest.at.getTime() <= slot.at.getTime() ? latest : { id: latest.id - 1 };
      commentId += rnd.int(1, 9);
      const author = this.person();
      const tone = this.tone(slot.burst ? slot.burst.mix : plan.mixes.vkComments);
      const text = slot.burst ? this.burstText(slot.burst, tone, author.gender, "maybe") : this.ownPlaceText(tone, author.gender);
      const replyChance = tone === "neg" ? 0.55 : tone === "neu" ? 0.45 : 0.25;
      const replyAt = new Date(slot.at.getTime() + rnd.int(15, 8 * 60) * 60_000);
      const reply =
        rnd.chance(replyChance) && replyAt.getTime() < this.end
          ? {
              text: this.text.fill(rnd.pick(profile.ru.ownerReplies[tone]), author.gender),
              authorName: profile.vk.title,
              externalId: `${-profile.vk.groupId}_${parent.id}_c${commentId + 1}`,
              publishedAt: replyAt.toISOString(),
            }
          : undefined;
      if (reply) commentId++;
      const likes = Math.floor(rnd.next() ** 3 * (tone === "neg" ? 60 : 20));
      const edit = text.length > 60 && rnd.chance(0.03) ? this.ruEdit(tone, author.gender) : undefined;
      this.emit("vk_community", vkCommunityComment(profile, parent.id, commentId, slot.at, author, text, likes, reply), slot.at, edit);
    }
  }

  /** A comment on the brand's own wall: usually about it without naming it; now and then off topic. */
  private ownPlaceText(tone: TTone, gender: TGender): string {
    const { rnd, profile } = this;
    const roll = rnd.next();
    if (roll < 0.015) return this.framed(rnd.pick(profile.ru.namesakes), "neu", gender);
    if (roll < 0.045) return this.framed(rnd.pick(profile.ru.competitor[tone]), tone, gender);
    if (roll < 0.06) return this.framed(rnd.pick(profile.ru.employer[tone]), tone, gender);
    const size = rnd.weighted([
      ["short", 0.3],
      ["medium", 0.55],
      ["long", 0.15],
    ] as const);
    return this.text.ru(tone, size, "maybe", gender, 0.55);
  }

  /**
   * What people write during a burst: the same few complaints in many words — a second line, an
   * opening, a closing, so that only true copies end up in one copy cluster.
   */
  private burstText(burst: TBurst, tone: TTone, gender: TGender, brand: "must" | "maybe"): string {
    const { rnd } = this;
    const short = rnd.chance(0.25) && burst.phrases.shorts.length > 0;
    const lines = burst.phrases.comments[tone].length ? burst.phrases.comments[tone] : burst.phrases.comments.neg;
    let template = short ? rnd.pick(burst.phrases.shorts) : rnd.pick(lines);
    if (!short) {
      const second = rnd.pick(lines);
      if (second !== template && rnd.chance(0.55)) template += ` ${second}`;
      if (rnd.chance(0.4)) template = `${rnd.pick(RU_OPENINGS[tone])} ${template}`;
      if (rnd.chance(0.3)) template += ` ${rnd.pick(RU_CLOSINGS[tone])}`;
    }
    if (brand === "must" && !/\{b[gpda]?\}/.test(template)) template = `${rnd.pick(RU_BRAND_LEADS[tone])} ${template}`;
    return roughen(this.text.fill(template, gender), rnd.next, 0.6);
  }

  /** A one-line flavour (a comparison, a job) in the writer's own opening or closing. */
  private framed(template: string, tone: TTone, gender: TGender): string {
    const { rnd } = this;
    let out = template;
    if (rnd.chance(0.5)) out = `${rnd.pick(RU_OPENINGS[tone])} ${out}`;
    if (rnd.chance(0.4)) out += ` ${rnd.pick(RU_CLOSINGS[tone])}`;
    return roughen(this.text.fill(out, gender), rnd.next, 0.6);
  }

  private vkSearch(): void {
    const { profile, plan, rnd } = this;
    const source = profile.sources.find((s) => s.key === "vk_search");
    const query = String(source?.config.query ?? profile.brand);
    const until = this.end - (source?.failing?.hoursSinceSuccess ?? 0) * HOUR;
    const slots = this.slots(plan.vkSearch, "social", (b) => b.vkSearch, until);
    if (plan.scam) {
      const dayStart = this.start + (DEMO_DAYS - plan.scam.daysAgo) * DAY;
      for (let i = 0; i < plan.scam.count; i++) slots.push({ at: new Date(dayStart + (9 + rnd.next() * 30) * HOUR), tag: "scam" });
      slots.sort((a, b) => a.at.getTime() - b.at.getTime());
    }
    const taken = new Set<string>();
    const groups = ["Соседи Северного квартала", "Копилка | финансы без паники", "Автомобилисты района", "Мамы Речного", "Барахолка на Садовой", "Вкусные места города"];
    const flavors = plan.searchFlavors;
    for (const slot of slots) {
      const author = this.person();
      const community = rnd.chance(0.12) && slot.tag !== "scam";
      const groupIndex = rnd.int(0, groups.length - 1);
      const ownerId = community ? -(160_000_000 + groupIndex * 7_919_011) : slot.tag === "scam" ? rnd.int(850_000_000, 899_000_000) : author.vkId;
      let postId = rnd.int(20, community ? 240_000 : 6_000);
      while (taken.has(`${ownerId}_${postId}`)) postId++;
      taken.add(`${ownerId}_${postId}`);
      const tone = slot.tag === "scam" ? "neu" : this.tone(slot.burst ? slot.burst.mix : plan.mixes.vkSearch);
      let text: string;
      let lang: "ru" | "en" = "ru";
      if (slot.tag === "scam") {
        // The same bait every time, only the decoration changes: one copy cluster.
        text = this.text.fill(rnd.pick(BANK_SCAM_POSTS), "m") + (rnd.chance(0.5) ? ` ${rnd.pick(["🔥", "💰", "✅", "‼️"])}` : "");
      } else if (slot.burst) {
        text = this.burstText(slot.burst, tone, author.gender, "must");
      } else {
        const roll = rnd.next();
        let edge = flavors.namesake;
        if (roll < edge) text = this.framed(rnd.pick(profile.ru.namesakes), "neu", author.gender);
        else if (roll < (edge += flavors.competitorOnly)) text = this.framed(rnd.pick(profile.ru.competitorOnly), tone, author.gender);
        else if (roll < (edge += flavors.competitor)) text = this.framed(rnd.pick(profile.ru.competitor[tone]), tone, author.gender);
        else if (roll < (edge += flavors.employer)) text = this.framed(rnd.pick(profile.ru.employer[tone]), tone, author.gender);
        else if (roll < (edge += flavors.english)) {
          text = this.text.en(tone, rnd.int(1, 3), "must");
          lang = "en";
        }
        else {
          const size = rnd.weighted([
            ["short", 0.1],
            ["medium", 0.6],
            ["long", 0.3],
          ] as const);
          text = this.text.ru(tone, size, "must", author.gender, 0.6);
        }
      }
      const who = community
        ? { externalId: String(ownerId), name: groups[groupIndex], url: `https://vk.com/club${-ownerId}` }
        : slot.tag === "scam"
          ? { externalId: String(ownerId), name: `${rnd.pick(["Бонус", "Выплаты", "Акция"])} ${rnd.pick(["Нортвинд", "Банк", "Клиентам"])}`, url: `https://vk.com/id${ownerId}` }
          : { externalId: String(author.vkId), name: `${author.first} ${author.last}`, url: `https://vk.com/id${author.vkId}` };
      const views = rnd.int(40, community ? 9000 : 1500);
      this.emit("vk_search", vkSearchPost(query, ownerId, postId, slot.at, who, text, { likes: rnd.int(0, 50), shares: rnd.int(0, 6), views, replies: rnd.int(0, 25) }), slot.at, undefined, lang);
    }
  }

  private telegram(): void {
    const { profile, plan, rnd } = this;
    let id = 12_000 + rnd.int(0, 3000);
    for (const slot of this.slots(plan.telegram, "news", (b) => b.telegram)) {
      id += rnd.int(3, 40);
      const tone = this.tone(slot.burst ? slot.burst.mix : plan.mixes.telegram);
      let text: string;
      if (slot.burst && slot.burst.phrases.channelPosts.length) {
        text = this.text.fill(rnd.pick(slot.burst.phrases.channelPosts), "m");
      } else if (rnd.chance(0.3)) {
        const reader = this.person();
        text = `${rnd.pick(["Подписчик пишет:", "Из предложки:", "Читатель делится:"])} «${this.text.ru(tone, "medium", "must", reader.gender, 0.8)}»`;
      } else {
        const sentences = this.text.news(tone, rnd.int(1, 3));
        text = `${sentences.join(" ")}${rnd.chance(0.3) ? `\n\n${rnd.pick(["Подробнее — по ссылке в комментариях.", "Что думаете?", "#банки #новости", "Следим за развитием."])}` : ""}`;
      }
      const edit = rnd.chance(0.03) ? (item: TConnectorItem) => ({ text: `${item.text}\n\nОбновлено: ${this.text.fill(rnd.pick(profile.ru.news.neu), "m")}` }) : undefined;
      this.emit("telegram", telegramPost(profile, id, slot.at, text, rnd.int(900, 28_000)), slot.at, edit);
    }
  }

  private rss(): void {
    const { profile, plan, rnd } = this;
    const slots = this.slots(plan.rss, "news", (b) => b.rss);
    const taken = new Set<string>();
    const urlOf = (site: string, at: Date) => {
      const d = at.toISOString().slice(0, 10).split("-");
      let url: string;
      do {
        const n = rnd.int(100_000, 999_999);
        url = site.charCodeAt(0) % 2 ? `https://${site}/news/${d[0]}/${d[1]}/${d[2]}/${n}.html` : `https://www.${site}/articles/${n}/`;
      } while (taken.has(url));
      taken.add(url);
      return url;
    };
    for (const slot of slots) {
      const tone = this.tone(slot.burst ? slot.burst.mix : plan.mixes.rss);
      const site = rnd.pick(profile.newsSites);
      const phrases = slot.burst?.phrases;
      const title = this.text.fill(phrases?.headlines.length ? rnd.pick(phrases.headlines) : rnd.pick(profile.ru.headlines[tone]), "m");
      const sentences = phrases?.news.length ? phrases.news.map((s) => this.text.fill(s, "m")).filter(() => rnd.chance(0.7)) : [];
      sentences.push(...this.text.news(tone, rnd.int(2, 5)));
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(" "));
      this.emit("rss", rssArticle(urlOf(site, slot.at), site, slot.at, title, paragraphs), slot.at, undefined);
    }
    if (plan.press) {
      // One release, reprinted by every outlet within a day and a half: one copy cluster.
      const { release, copies } = plan.press;
      const first = this.start + (DEMO_DAYS - plan.press.daysAgo) * DAY + 10 * HOUR;
      for (let i = 0; i < copies; i++) {
        const at = new Date(first + (i === 0 ? 5 * 60_000 : rnd.int(10, 36 * 60) * 60_000));
        const site = profile.newsSites[i % profile.newsSites.length] ?? "news.example";
        const title = rnd.chance(0.25) ? rnd.pick(release.altTitles) : release.title;
        const trailer = rnd.pick(release.trailers);
        this.emit("rss", rssArticle(urlOf(site, at), site, at, title, trailer ? [...release.paragraphs, trailer] : release.paragraphs), at, undefined);
      }
    }
  }

  private bankiRu(): void {
    const { profile, plan, rnd } = this;
    const source = profile.sources.find((s) => s.key === "banki_ru");
    const code = String(source?.config.bank ?? "bank");
    let id = 12_240_000 + rnd.int(0, 20_000);
    for (const slot of this.slots(plan.reviews, plan.rhythm.reviews, (b) => b.reviews)) {
      id += rnd.int(40, 2200);
      const author = this.person();
      const grade = slot.burst ? rnd.weighted([[1, 0.85], [2, 0.15]] as const) : rating(plan.ratings, rnd);
      const tone = toneOfRating(grade);
      let title: string;
      let text: string;
      if (slot.burst) {
        title = rnd.pick(slot.burst.phrases.reviewTitles);
        text = `${this.burstText(slot.burst, "neg", author.gender, "maybe")} ${this.text.ru("neg", "medium", "maybe", author.gender, 0.75)}`;
      } else {
        title = this.text.fill(rnd.pick(profile.ru.titles[tone]), author.gender);
        text = this.text.ru(tone, rnd.chance(0.7) ? "long" : "medium", "maybe", author.gender, 0.75);
      }
      const reply = rnd.chance(tone === "neg" ? 0.75 : 0.45) ? this.text.fill(rnd.pick(profile.ru.ownerReplies[tone]), author.gender) : undefined;
      const edit = rnd.chance(0.04)
        ? (item: TConnectorItem): Partial<TConnectorItem> => {
            const better = tone !== "pos" && rnd.chance(0.5);
            const update = this.text.fill(rnd.pick(RU_UPDATES[better ? "pos" : tone]), author.gender);
            return { text: `${item.text}\n\n${update}`, rating: better ? { value: Math.min(5, grade + 1), scale: 5 } : item.rating };
          }
        : undefined;
      this.emit("banki_ru", bankiRuReview(code, profile.brand, id, slot.at, title, text, grade, reply, rnd.int(0, 12)), slot.at, edit);
    }
  }

  private webPage(): void {
    const { profile, plan, rnd } = this;
    const source = profile.sources.find((s) => s.key === "web_page");
    const pageUrl = String(source?.config.url ?? "https://example.com/");
    let id = 1800 + rnd.int(0, 200);
    for (const slot of this.slots(plan.reviews, plan.rhythm.reviews, (b) => b.reviews)) {
      id += 1;
      const author = this.person();
      const stars = slot.burst ? (slot.burst.mix[2] > 0.5 ? rnd.weighted([[5, 0.8], [4, 0.2]] as const) : rnd.weighted([[1, 0.7], [2, 0.3]] as const)) : rating(plan.ratings, rnd);
      const tone = toneOfRating(stars);
      const text = slot.burst ? this.burstText(slot.burst, tone, author.gender, "maybe") : this.text.ru(tone, rnd.chance(0.55) ? "medium" : "long", "maybe", author.gender, 0.7);
      const withProsCons = !slot.burst && rnd.chance(0.25);
      const topics = profile.ru.topics;
      const pros = withProsCons ? this.text.fill(rnd.pick(rnd.pick(Object.values(topics)).pos), author.gender) : undefined;
      const cons = withProsCons && stars < 5 ? this.text.fill(rnd.pick(rnd.pick(Object.values(topics)).neg), author.gender) : undefined;
      const review = {
        title: rnd.chance(0.4) ? (slot.burst?.phrases.reviewTitles.length ? rnd.pick(slot.burst.phrases.reviewTitles) : rnd.pick(profile.ru.titles[tone])) : undefined,
        text,
        pros,
        cons,
        rating: stars,
      };
      const name = rnd.chance(0.6) ? author.first : `${author.first} ${author.last.charAt(0)}.`;
      const edit = rnd.chance(0.02) ? this.ruEdit(tone, author.gender) : undefined;
      this.emit("web_page", webPageReview(pageUrl, `Отзывы гостей — ${profile.brand}`, id, slot.at, name, review), slot.at, edit);
    }
  }

  private reddit(): void {
    const { profile, plan, rnd } = this;
    const source = profile.sources.find((s) => s.key === "reddit");
    const query = String(source?.config.query ?? profile.brand);
    const fixedSub = typeof source?.config.subreddit === "string" ? source.config.subreddit : undefined;
    let postNumber = Number.parseInt("1gk0000", 36) + rnd.int(0, 50_000);
    let commentNumber = Number.parseInt("lt00000", 36) + rnd.int(0, 500_000);
    const slots = this.slots(plan.redditPosts, "evening", (b) => b.redditPosts);
    for (const slot of slots) {
      postNumber += rnd.int(20_000, 160_000);
      const author = this.person();
      const tone = this.tone(slot.burst ? slot.burst.mix : plan.mixes.reddit);
      const burstTitles = slot.burst?.phrases.en.titles ?? [];
      const title = this.text.fillEn(burstTitles.length ? rnd.pick(burstTitles) : rnd.pick(profile.en.titles[tone]));
      const body = this.text.en(tone, rnd.int(1, 3), "maybe");
      const burstComments = slot.burst ? slot.burst.redditComments : 0;
      const commentCount = burstComments ? Math.ceil(burstComments / Math.max(1, slot.burst?.redditPosts ?? 1)) : rnd.int(0, 3);
      const sub = fixedSub ?? rnd.pick(profile.reddit.subreddits);
      const post = redditPost(query, sub, postNumber.toString(36), slot.at, author, title, body, rnd.int(1, 240), commentCount);
      const edit = rnd.chance(0.06) ? (item: TConnectorItem) => ({ text: `${item.text}\n\n${rnd.pick(EN_UPDATES[tone])}` }) : undefined;
      this.emit("reddit", post, slot.at, edit);
      let at = slot.at.getTime();
      for (let c = 0; c < commentCount; c++) {
        at += rnd.int(3, 240) * 60_000;
        if (at >= this.end) break;
        commentNumber += rnd.int(500, 90_000);
        const commenter = this.person();
        const ctone = this.tone(plan.mixes.reddit);
        const burstLines = slot.burst?.phrases.en.comments ?? [];
        // Most comments do not repeat the name: the keyword source drops those.
        const text = burstLines.length
          ? rnd.pick(burstLines)
          : rnd.chance(0.45)
            ? this.text.en(ctone, 1, "must")
            : rnd.pick(profile.en.comments[ctone]);
        this.emit("reddit", redditComment(query, post, commentNumber.toString(36), new Date(at), commenter, text, rnd.int(-3, 60)), new Date(at), undefined);
      }
    }
  }
}

type TDemoEditOf = (item: TConnectorItem) => Partial<TConnectorItem>;

function rating(shares: readonly number[], rnd: TRng): number {
  return rnd.weighted(shares.map((w, i) => [i + 1, w] as const));
}

/** Knuth's method for small means, a rounded normal beyond. */
function poisson(lambda: number, rnd: TRng): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(rnd)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rnd.next();
  while (p > limit) {
    k++;
    p *= rnd.next();
  }
  return k;
}

function gaussian(rnd: TRng): number {
  return Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());
}

// ---------------------------------------------------------------------------------------------
// Storing through the pipeline
// ---------------------------------------------------------------------------------------------

/**
 * Creates each demo brand's semantic core and (paused) sources when missing, then feeds its
 * generated mentions through the ingest pipeline in transactions of up to 500, and finally sets
 * the sources' health as a few weeks of collection would have left it. Idempotent.
 */
export async function seedDemoMentions(app: TAppContext, brandIds: ReadonlyMap<string, string>, options: { classifier?: TIngestClassifier } = {}): Promise<TDemoMentionsResult> {
  const classifier = options.classifier ?? (await defaultIngestClassifier());
  const result: TDemoMentionsResult = { added: 0, total: 0, brands: [] };
  for (const profile of DEMO_PROFILES) {
    const brandId = brandIds.get(profile.brand);
    if (!brandId) continue;
    const sources = await app.db.transaction(async (tx) => {
      await ensureDemoRules(tx, brandId, profile);
      return ensureDemoSources(tx, brandId, profile);
    });
    const anchor = await demoAnchor(app.db, [...sources.values()]);
    const stream = generateDemoMentions(profile, anchor);
    let added = 0;
    for (const spec of profile.sources) {
      const source = sources.get(spec.key);
      const events = stream.get(spec.key);
      if (!source || !events) continue;
      added += await ingestDemoEvents(app, brandId, source, spec, events, classifier);
    }
    await setDemoHealth(app.db, brandId, profile, sources, anchor);
    const total = await countMentions(app.db, brandId);
    result.added += added;
    result.total += total;
    result.brands.push({ brand: profile.brand, added, total, sources: sources.size });
  }
  return result;
}

/**
 * The end of the demo window. New demo sources are dated SOURCE_AGE_DAYS back from the current
 * hour, so their creation time keeps the anchor for every later run.
 */
async function demoAnchor(db: TExecutor, sources: readonly TSourceRow[]): Promise<Date> {
  const fresh = sources.filter((s) => s.createdAt.getTime() > Date.now() - (SOURCE_AGE_DAYS - 1) * DAY);
  if (fresh.length > 0) {
    const existing = sources.filter((s) => !fresh.includes(s)).map((s) => s.createdAt.getTime());
    const created = existing.length ? Math.min(...existing) : Math.floor(Date.now() / HOUR) * HOUR - SOURCE_AGE_DAYS * DAY;
    for (const source of fresh) {
      await updateSource(db, source.id, { createdAt: new Date(created), updatedAt: new Date(created) });
      source.createdAt = new Date(created);
    }
  }
  return new Date(Math.min(...sources.map((s) => s.createdAt.getTime())) + SOURCE_AGE_DAYS * DAY);
}

async function ingestDemoEvents(
  app: TAppContext,
  brandId: string,
  source: TSourceRow,
  spec: TDemoSource,
  events: readonly TDemoEvent[],
  classifier: TIngestClassifier,
): Promise<number> {
  // An edited item stored already holds its second version: feeding the first again would be an edit back.
  const editedIds = events.filter((e) => e.edit).map((e) => e.item.externalId);
  const stored = new Set<string>();
  for (let i = 0; i < editedIds.length; i += 500) {
    for (const row of await existingByIdentity(app.db, brandId, spec.sourceKind, editedIds.slice(i, i + 500))) stored.add(row.externalId);
  }
  const edited = new Set(editedIds);
  const target: TIngestTarget = { brandId, sourceId: source.id, origin: "connector", keepUnmatched: source.ownPlace, connectorVersion: `${spec.connector}@demo` };
  let inserted = 0;
  let batch: TDemoEvent[] = [];
  let inBatch = new Set<string>();
  const flush = async () => {
    if (batch.length === 0) return;
    const last = batch[batch.length - 1] as TDemoEvent;
    const now = new Date(last.at.getTime() + 7 * 60_000);
    const items = batch.map((e) => normalizeItem(spec.sourceKind, e.item, now));
    const { stats } = await app.db.transaction(async (tx) => ingestBatch(tx, target, items, { matcher: await brandMatcher(tx, brandId), classifier, now }));
    inserted += stats.inserted;
    batch = [];
    inBatch = new Set();
  };
  for (const event of events) {
    if (!event.edit && edited.has(event.item.externalId) && stored.has(event.item.externalId)) continue;
    // The pipeline keeps only the last version of an item within a page: an edit waits for the next one.
    if (batch.length >= BATCH || (event.edit && inBatch.has(event.item.externalId))) await flush();
    batch.push(event);
    inBatch.add(event.item.externalId);
  }
  await flush();
  return inserted;
}

/** What weeks of collection would have left: counts, freshness, and one source failing. */
async function setDemoHealth(db: TExecutor, brandId: string, profile: TDemoProfile, sources: ReadonlyMap<TDemoSource["key"], TSourceRow>, anchor: Date): Promise<void> {
  const ids = [...sources.values()].map((s) => s.id);
  const rows = await db
    .select({ sourceId: mentions.sourceId, n: sql<number>`count(*)::int`, newest: sql<string | null>`max(${mentions.publishedAt})::text` })
    .from(mentions)
    .where(and(eq(mentions.brandId, brandId), inArray(mentions.sourceId, ids)))
    .groupBy(mentions.sourceId);
  const stats = new Map(rows.map((r) => [r.sourceId, r]));
  for (const spec of profile.sources) {
    const source = sources.get(spec.key);
    if (!source) continue;
    const rnd = createRng(`${profile.seed}:health:${spec.key}`);
    const row = stats.get(source.id);
    const lastItemAt = row?.newest ? new Date(row.newest) : null;
    const lastRunAt = new Date(anchor.getTime() - rnd.int(1, LAST_RUN_MINUTES - 1) * 60_000 - rnd.int(0, 59) * 1000);
    const common = { itemsCollected: row?.n ?? 0, lastItemAt, cursor: null, updatedAt: lastRunAt };
    if (spec.failing) {
      const retryAt = new Date(lastRunAt.getTime() + spec.intervalMinutes * 60_000);
      await updateSource(db, source.id, {
        ...common,
        lastRunAt,
        lastSuccessAt: new Date(anchor.getTime() - spec.failing.hoursSinceSuccess * HOUR + 40_000),
        consecutiveFailures: spec.failing.failures,
        lastError: spec.failing.error,
        lastErrorKind: spec.failing.kind,
        retryAfter: retryAt,
        nextRunAt: retryAt,
      });
    } else {
      await updateSource(db, source.id, {
        ...common,
        lastRunAt,
        lastSuccessAt: new Date(lastRunAt.getTime() + rnd.int(2, 40) * 1000),
        consecutiveFailures: 0,
        lastError: null,
        lastErrorKind: null,
        retryAfter: null,
        nextRunAt: new Date(lastRunAt.getTime() + spec.intervalMinutes * 60_000),
      });
    }
  }
}

async function countMentions(db: TExecutor, brandId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mentions).where(eq(mentions.brandId, brandId));
  return row?.n ?? 0;
}
