/**
 * A synthetic correction log for tests of the per-brand adaptation: an imaginary coffee chain
 * (Зёрнышко / Grainly) whose specialists label three kinds of mention their own way, where a
 * general model reads them otherwise — slang praise ("бомба", "огонь", "slaps", "is fire") is
 * positive, running out of stock ("разобрали", "нет в наличии", "sold out") is negative, and
 * the chain's own promotions are neutral — plus ordinary mentions on which everyone agrees.
 * Deterministic (a fixed generator), about eight weeks of corrections in time order.
 */
import type { TSentimentLabel } from "./sentiment-model.ts";

export type TCorrection = { at: string; text: string; label: TSentimentLabel; kind: "slang" | "stock" | "promo" | "plain" };

const RU_PRODUCTS = ["раф", "латте", "капучино", "круассан", "чизкейк", "флэт уайт", "какао", "маффин", "сэндвич", "эспрессо-тоник", "бамбл", "пирог"];
const EN_PRODUCTS = ["oat latte", "cold brew", "croissant", "cheesecake", "flat white", "cocoa", "muffin", "bagel", "matcha", "chai", "cinnamon roll", "mocha"];

const FRAMES: Record<TCorrection["kind"], { ru: string[]; en: string[]; label: TSentimentLabel | null }> = {
  slang: {
    label: "positive",
    ru: [
      "{p} в Зёрнышке — просто бомба",
      "Новый {p} в Зёрнышке огонь",
      "{p} из Зёрнышка это пушка",
      "Взяла {p} в Зёрнышке, ну это бомба",
      "Зёрнышко, ваш {p} — огонь 🔥",
      "{p} в Зёрнышке разрывной, просто пушка",
    ],
    en: ["Grainly {p} slaps", "the {p} at Grainly is fire", "Grainly's new {p} is sick", "{p} from Grainly goes hard", "Grainly {p} lowkey slaps", "ok the Grainly {p} is straight fire"],
  },
  stock: {
    label: "negative",
    ru: [
      "В Зёрнышке опять разобрали весь {p}",
      "{p} в Зёрнышке снова нет в наличии",
      "Зашла в Зёрнышко, а {p} уже разобрали",
      "В Зёрнышке к обеду разобрали {p}",
      "Зёрнышко, {p} опять нет в наличии",
      "Третий день в Зёрнышке нет в наличии {p}",
    ],
    en: ["Grainly sold out of {p} again", "{p} sold out at Grainly", "Grainly {p} out of stock again", "went to Grainly and the {p} was sold out", "Grainly is out of stock on {p}", "{p} sold out at Grainly by 9am"],
  },
  promo: {
    label: "neutral",
    ru: [
      "Зёрнышко: второй {p} в подарок до воскресенья",
      "Акция в Зёрнышке — {p} со скидкой 30%",
      "Зёрнышко дарит {p} каждому десятому гостю",
      "Только в эти выходные в Зёрнышке {p} за полцены",
      "Зёрнышко запускает акцию: {p} в подарок к завтраку",
    ],
    en: ["Grainly: buy one {p}, get one free this weekend", "Grainly offers 30% off every {p} until Sunday", "free {p} with any order at Grainly today", "Grainly deal: {p} half price all week", "Grainly gives away a free {p} to every tenth guest"],
  },
  plain: {
    label: null,
    ru: [
      "positive|Спасибо Зёрнышку, бариста очень вежливые и {p} вкусный",
      "negative|В Зёрнышке грязные столы, а {p} холодный",
      "neutral|Зёрнышко открыло кофейню на Тверской, в меню {p}",
      "positive|Люблю Зёрнышко, {p} всегда отличный",
      "negative|Ужасное обслуживание в Зёрнышке, {p} ждала сорок минут",
      "neutral|В Зёрнышке теперь можно оплатить {p} картой",
    ],
    en: [
      "positive|Lovely service at Grainly, the {p} was great",
      "negative|Grainly staff were rude and my {p} was cold",
      "neutral|Grainly opens a store on Main Street, {p} on the menu",
      "positive|love Grainly, their {p} is always excellent",
      "negative|terrible experience at Grainly, waited 40 minutes for a {p}",
      "neutral|Grainly now accepts cards for {p} orders",
    ],
  },
};

const KINDS: [TCorrection["kind"], number][] = [
  ["slang", 0.3],
  ["stock", 0.3],
  ["promo", 0.15],
  ["plain", 0.25],
];

/** `count` corrections (distinct texts) from `start` onwards, a few hours apart, in time order. */
export function syntheticCorrections(count = 200, seed = 7, start = "2026-09-07T09:00:00Z"): TCorrection[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const seen = new Set<string>();
  const out: TCorrection[] = [];
  let at = Date.parse(start);
  while (out.length < count) {
    let r = next();
    let kind: TCorrection["kind"] = "plain";
    for (const [k, p] of KINDS) {
      if (r < p) {
        kind = k;
        break;
      }
      r -= p;
    }
    const russian = next() < 0.5;
    const frames = FRAMES[kind];
    let frame = pick(russian ? frames.ru : frames.en);
    let label = frames.label;
    if (label === null) {
      const [l, rest] = frame.split("|") as [TSentimentLabel, string];
      label = l;
      frame = rest;
    }
    const text = frame.replace("{p}", pick(russian ? RU_PRODUCTS : EN_PRODUCTS));
    if (seen.has(text)) continue;
    seen.add(text);
    at += Math.round((4 + 6 * next()) * 3_600_000); // every 4–10 hours: ~8 weeks for 200
    out.push({ at: new Date(at).toISOString(), text, label, kind });
  }
  return out;
}
