import type { TSourceKind } from "../../connectors/connector.ts";
import type { TExecutor } from "../../context.ts";
import type { TKeptVariant, TRuleGroup } from "../../db/schema/monitoring.ts";
import { insertRule, listBrandRules } from "../semantic-core/queries.ts";
import { type TSourceRow, insertSource, listBrandSources } from "../sources/queries.ts";
import {
  BANK_EN,
  BANK_RU,
  INSURANCE_EN,
  INSURANCE_RU,
  RESTAURANT_EN,
  RESTAURANT_RU,
  type TDomainPhrases,
  type TEnglishPhrases,
} from "./demo-mention-templates.ts";

/**
 * What the demo knows about each of its brands: how people name it, its semantic core, the
 * sources that watch it, and the words its mentions are made of. All invented; the sources
 * point at the real platforms but are paused, so the demo never calls the network.
 */

export type TDemoConnector = "vk" | "telegram" | "rss" | "banki_ru" | "web_page" | "reddit";

export type TDemoSource = {
  /** Stable within the brand: the generator's plan refers to sources by key. */
  key: "vk_community" | "vk_search" | "telegram" | "rss" | "banki_ru" | "web_page" | "reddit";
  connector: TDemoConnector;
  sourceKind: TSourceKind;
  name: string;
  /** Valid for the connector's config schema (tokens are placeholders). */
  config: Record<string, unknown>;
  ownPlace: boolean;
  intervalMinutes: number;
  /** Shown as broken in the health view: the last runs failed with this error. */
  failing?: { error: string; kind: string; failures: number; hoursSinceSuccess: number };
};

export type TDemoRule = { group: TRuleGroup; name: string; query: string; variants?: TKeptVariant[] };

export type TBrandForms = { nom: readonly string[]; gen: readonly string[]; prep: readonly string[]; dat: readonly string[]; acc: readonly string[]; en: readonly string[] };

export type TDemoProfile = {
  brand: string;
  domain: "bank" | "insurance" | "restaurant";
  /** Seeds the brand's generator: the same seed gives the same mentions. */
  seed: string;
  forms: TBrandForms;
  /** Competitors: nominative, genitive, prepositional. */
  competitors: readonly { nom: string; gen: string; prep: string }[];
  products: readonly string[];
  /** Sums of money that fit the brand (a lunch is not a mortgage). */
  sums: readonly string[];
  persons: readonly string[];
  addresses: readonly string[];
  staff: readonly string[];
  dishes: readonly string[];
  /** The city in the prepositional case ("в Москве"). */
  city: string;
  vk: { groupId: number; screenName: string; title: string };
  telegram: { channel: string; title: string };
  reddit: { subreddits: readonly string[] };
  newsSites: readonly string[];
  rules: readonly TDemoRule[];
  sources: readonly TDemoSource[];
  ru: TDomainPhrases;
  en: TEnglishPhrases;
};

const VK_TOKEN_EXPIRED = "VK: User authorization failed: access_token has expired (code 5)";
const googleNews = (query: string) => `https://news.google.com/rss/search?q=${encodeURIComponent(query)}&hl=ru&gl=RU&ceid=RU:ru`;

const NORTHWIND_EXCLUSIONS = '"Northwind Traders" OR (Northwind NEAR/6 (SQL OR Access OR баз* OR JOIN OR таблиц* OR запрос* OR альбом* OR трек*))';

export const DEMO_PROFILES: readonly TDemoProfile[] = [
  {
    brand: "Northwind Bank",
    domain: "bank",
    seed: "demo:northwind-bank:v1",
    forms: {
      nom: ["Нортвинд", "Нортвинд Банк", "Нортвинд", "банк Нортвинд", "Northwind Bank", "Нортвинд Банк", "нортвинд"],
      gen: ["Нортвинда", "Нортвинд Банка", "Нортвинда", "банка Нортвинд", "Northwind Bank"],
      prep: ["Нортвинде", "Нортвинд Банке", "Нортвинде", "банке Нортвинд", "Northwind Bank"],
      dat: ["Нортвинду", "Нортвинд Банку", "банку Нортвинд"],
      acc: ["Нортвинд", "Нортвинд Банк", "банк Нортвинд", "Нортвинд Банк"],
      en: ["Northwind Bank", "Northwind Bank", "Northwind"],
    },
    competitors: [
      { nom: "Восход Банк", gen: "Восход Банка", prep: "Восход Банке" },
      { nom: "банк «Меридиан»", gen: "банка «Меридиан»", prep: "банке «Меридиан»" },
      { nom: "Прибой Банк", gen: "Прибой Банка", prep: "Прибой Банке" },
    ],
    products: ["Нортвинд Онлайн", "приложение Нортвинд Онлайн", "Нортвинд Онлайн"],
    sums: ["500", "990", "1 500", "2 000", "3 000", "4 700", "5 000", "7 800", "10 000", "12 000", "15 000", "23 500", "27 000", "40 000", "65 000", "100 000", "150 000"],
    persons: ["Игорь Северцев"],
    addresses: ["Тверской", "Профсоюзной", "Маросейке", "проспекте Мира", "Ленинском проспекте", "Садовой-Кудринской", "Ярцевской", "Люблинской"],
    staff: ["Оксана", "Ирина", "Светлана", "Екатерина", "Алина", "Виктория"],
    dishes: [],
    city: "Москве",
    vk: { groupId: 218_734_561, screenName: "northwind_bank", title: "Нортвинд Банк" },
    telegram: { channel: "bankovsky_dozor", title: "Банковский дозор" },
    reddit: { subreddits: ["moscow", "russia", "expats", "AskARussian"] },
    newsSites: [
      "finvestnik.ru",
      "bankoboz.ru",
      "delovaya-gazeta.ru",
      "vkladoteka.ru",
      "money-press.ru",
      "fin-lenta.ru",
      "bankdaily.ru",
      "ekonomika-segodnya.ru",
      "investkurier.ru",
      "sberegi.info",
      "rubl-news.ru",
      "finobozrevatel.ru",
      "biznes-pulse.ru",
      "novosti-finansov.ru",
      "kapital-news.ru",
    ],
    rules: [
      {
        group: "brand",
        name: "Нортвинд Банк",
        query: '"Нортвинд Банк" OR Нортвинд OR Northwind OR "Нортвинд-Банк"',
        variants: [
          { variant: "Nortvind", kind: "translit", from: "Нортвинд" },
          { variant: "Yjhndbyl", kind: "layout", from: "Нортвинд" },
          { variant: "Норвинд", kind: "typo", from: "Нортвинд" },
        ],
      },
      { group: "products", name: "Продукты", query: '"Нортвинд Онлайн" OR "Northwind Online" OR ("Попутный ветер" NEAR/3 вклад) OR ("Северное сияние" NEAR/3 карт*)' },
      { group: "persons", name: "Игорь Северцев (председатель правления)", query: 'Северцев OR "Igor Severtsev"' },
      { group: "competitors", name: "Конкуренты", query: "(Восход NEAR/2 банк*) OR (Меридиан NEAR/2 банк*) OR (Прибой NEAR/2 банк*)" },
      {
        group: "employer",
        name: "Работодатель",
        query: '(Нортвинд OR Northwind) NEAR/6 (ваканси* OR собеседовани* OR работодател* OR стажировк* OR HR OR "работаю в" OR "работал в" OR "работала в")',
      },
      { group: "exclusions", name: "Учебная база Northwind, ЖК, группа", query: `${NORTHWIND_EXCLUSIONS} OR (ЖК NEAR/2 Нортвинд)` },
    ],
    sources: [
      {
        key: "vk_community",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: сообщество «Нортвинд Банк»",
        config: { mode: "community", accessToken: "demo-community-token", groupId: 218_734_561 },
        ownPlace: true,
        intervalMinutes: 15,
      },
      {
        key: "vk_search",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: поиск «Нортвинд»",
        config: { mode: "search", accessToken: "demo-user-token", query: "Нортвинд OR Northwind" },
        ownPlace: false,
        intervalMinutes: 15,
        failing: { error: VK_TOKEN_EXPIRED, kind: "auth", failures: 3, hoursSinceSuccess: 52 },
      },
      {
        key: "telegram",
        connector: "telegram",
        sourceKind: "telegram",
        name: "Telegram: «Банковский дозор»",
        config: { channel: "bankovsky_dozor", query: "Нортвинд", ownPlace: false },
        ownPlace: false,
        intervalMinutes: 30,
      },
      {
        key: "rss",
        connector: "rss",
        sourceKind: "rss",
        name: "Новости: Google News «Нортвинд Банк»",
        config: { url: googleNews('"Нортвинд Банк"'), ownPlace: false },
        ownPlace: false,
        intervalMinutes: 30,
      },
      {
        key: "banki_ru",
        connector: "banki_ru",
        sourceKind: "banki_ru",
        name: "Банки.ру: отзывы о банке",
        config: { bank: "northwind-bank", maxPagesFirstRun: 5 },
        ownPlace: true,
        intervalMinutes: 60,
      },
      {
        key: "reddit",
        connector: "reddit",
        sourceKind: "reddit",
        name: "Reddit: “Northwind Bank”",
        config: { query: '"Northwind Bank"' },
        ownPlace: false,
        intervalMinutes: 60,
      },
    ],
    ru: BANK_RU,
    en: BANK_EN,
  },
  {
    brand: "Northwind Insurance",
    domain: "insurance",
    seed: "demo:northwind-insurance:v1",
    forms: {
      nom: ["Нортвинд Страхование", "страховая Нортвинд", "Нортвинд Страхование", "СК «Нортвинд»"],
      gen: ["Нортвинд Страхования", "страховой Нортвинд", "СК «Нортвинд»", "Нортвинд Страхования"],
      prep: ["Нортвинд Страховании", "страховой Нортвинд", "СК «Нортвинд»"],
      dat: ["Нортвинд Страхованию", "страховой Нортвинд"],
      acc: ["Нортвинд Страхование", "страховую Нортвинд", "СК «Нортвинд»"],
      en: ["Northwind Insurance"],
    },
    competitors: [
      { nom: "Оберег Страхование", gen: "Оберег Страхования", prep: "Оберег Страховании" },
      { nom: "СК «Гарант-Полис»", gen: "СК «Гарант-Полис»", prep: "СК «Гарант-Полис»" },
    ],
    products: ["«Нортвинд Авто»", "«Нортвинд Дом»"],
    sums: ["3 500", "5 900", "7 800", "12 000", "15 000", "18 500", "27 000", "45 000", "64 000", "120 000", "230 000"],
    persons: ["Ольга Ветрова"],
    addresses: ["Новослободской", "Бауманской", "Варшавском шоссе", "Шаболовке"],
    staff: ["Ирина", "Наталья", "Алёна", "Дарья"],
    dishes: [],
    city: "Москве",
    vk: { groupId: 219_004_117, screenName: "northwind_insurance", title: "Нортвинд Страхование" },
    telegram: { channel: "strakhovoy_sluchai", title: "Страховой случай" },
    reddit: { subreddits: ["russia", "moscow", "expats"] },
    newsSites: ["strahovoy-vestnik.ru", "avtonovosti-dnya.ru", "polis-news.ru", "finvestnik.ru", "delovaya-gazeta.ru", "avto-pulse.ru", "strahdaily.ru", "kapital-news.ru"],
    rules: [
      {
        group: "brand",
        name: "Нортвинд Страхование",
        query: '(Нортвинд NEAR/2 страхов*) OR "Northwind Insurance" OR (СК NEAR/1 Нортвинд)',
        variants: [{ variant: "Nortvind Strakhovanie", kind: "translit", from: "Нортвинд Страхование" }],
      },
      { group: "products", name: "Продукты", query: '"Нортвинд Авто" OR "Нортвинд Дом" OR (Нортвинд NEAR/3 (ОСАГО OR КАСКО))' },
      { group: "persons", name: "Ольга Ветрова (генеральный директор)", query: "Ветрова" },
      { group: "competitors", name: "Конкуренты", query: '(Оберег NEAR/2 страхов*) OR "Гарант-Полис"' },
      {
        group: "employer",
        name: "Работодатель",
        query: 'Нортвинд NEAR/6 (ваканси* OR собеседовани* OR работодател* OR уволил* OR стажировк* OR "работал агентом" OR "работала агентом" OR "работаю в")',
      },
      { group: "exclusions", name: "Учебная база Northwind", query: NORTHWIND_EXCLUSIONS },
    ],
    sources: [
      {
        key: "vk_community",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: сообщество «Нортвинд Страхование»",
        config: { mode: "community", accessToken: "demo-community-token", groupId: 219_004_117 },
        ownPlace: true,
        intervalMinutes: 15,
      },
      {
        key: "vk_search",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: поиск «Нортвинд Страхование»",
        config: { mode: "search", accessToken: "demo-user-token", query: "Нортвинд страхование OR Нортвинд ОСАГО OR Нортвинд КАСКО" },
        ownPlace: false,
        intervalMinutes: 15,
      },
      {
        key: "telegram",
        connector: "telegram",
        sourceKind: "telegram",
        name: "Telegram: «Страховой случай»",
        config: { channel: "strakhovoy_sluchai", query: "Нортвинд", ownPlace: false },
        ownPlace: false,
        intervalMinutes: 30,
      },
      {
        key: "rss",
        connector: "rss",
        sourceKind: "rss",
        name: "Новости: Google News «Нортвинд Страхование»",
        config: { url: googleNews('"Нортвинд Страхование"'), ownPlace: false },
        ownPlace: false,
        intervalMinutes: 30,
      },
      {
        key: "reddit",
        connector: "reddit",
        sourceKind: "reddit",
        name: "Reddit: “Northwind Insurance”",
        config: { query: '"Northwind Insurance"' },
        ownPlace: false,
        intervalMinutes: 60,
      },
    ],
    ru: INSURANCE_RU,
    en: INSURANCE_EN,
  },
  {
    brand: "Пельменная №1",
    domain: "restaurant",
    seed: "demo:pelmennaya-1:v1",
    forms: {
      nom: ["Пельменная №1", "«Пельменная №1»", "Пельменная №1", "пельменная номер один", "Пельменная N1"],
      gen: ["Пельменной №1", "«Пельменной №1»", "пельменной номер один"],
      prep: ["Пельменной №1", "«Пельменной №1»", "пельменной №1", "Пельменной № 1"],
      dat: ["Пельменной №1", "пельменной номер один"],
      acc: ["Пельменную №1", "«Пельменную №1»", "пельменную №1"],
      en: ["Pelmennaya No. 1", "Pelmennaya #1", "Pelmennaya N1"],
    },
    competitors: [
      { nom: "Вареничная «Хуторок»", gen: "Вареничной «Хуторок»", prep: "Вареничной «Хуторок»" },
      { nom: "«Пельмень Хаус»", gen: "«Пельмень Хаус»", prep: "«Пельмень Хаус»" },
    ],
    products: ["пельмени с уткой", "вареники с вишней"],
    sums: ["390", "450", "520", "590", "690", "750", "890", "1 200", "1 450", "1 900", "2 300"],
    persons: ["Марина Лаптева"],
    addresses: ["Покровке", "Соколе", "Белорусской", "Таганской"],
    staff: ["Настя", "Лена", "Катя", "Маша"],
    dishes: [
      "пельмени «Сибирские по-домашнему»",
      "пельмени с уткой",
      "вареники с вишней",
      "манты с тыквой",
      "суп с фрикадельками",
      "пельмени в горшочке",
      "жареные пельмени",
      "вареники с картошкой и грибами",
      "хинкали",
      "пельмени с олениной",
    ],
    city: "Москве",
    vk: { groupId: 220_318_845, screenName: "pelmennaya_n1", title: "Пельменная №1" },
    telegram: { channel: "moskva_vkusno", title: "Москва вкусно" },
    reddit: { subreddits: ["moscow", "travel", "AskARussian"] },
    newsSites: ["gorod-afisha.ru", "moskva-eda.ru", "vkusnye-novosti.ru", "restorannyi-kurier.ru", "mos-gid.ru", "gastro-lenta.ru"],
    rules: [
      {
        group: "brand",
        name: "Пельменная №1",
        query: '(пельменная NEAR/2 ("№1" OR "№ 1" OR N1 OR "номер один")) OR (пельменная NEAR/1 1) OR Pelmennaya',
        variants: [{ variant: "Pelmennaia", kind: "translit", from: "Пельменная" }],
      },
      { group: "products", name: "Фирменные блюда", query: '"пельмени с уткой" OR "пельмени с олениной" OR "вареники с вишней" OR "Сибирские по-домашнему"' },
      { group: "persons", name: "Марина Лаптева (шеф)", query: "Лаптева" },
      { group: "competitors", name: "Конкуренты", query: '(Вареничная NEAR/1 Хуторок) OR "Пельмень Хаус"' },
      { group: "employer", name: "Работодатель", query: 'пельменная NEAR/8 (ваканси* OR поваром OR поваров OR "работал в" OR "работала в" OR "работаю в")' },
      { group: "exclusions", name: "Тёзки в других городах", query: "пельменная NEAR/8 (Екатеринбург OR Новосибирск OR Казань OR Тюмень)" },
    ],
    sources: [
      {
        key: "vk_community",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: сообщество «Пельменная №1»",
        config: { mode: "community", accessToken: "demo-community-token", groupId: 220_318_845 },
        ownPlace: true,
        intervalMinutes: 15,
      },
      {
        key: "vk_search",
        connector: "vk",
        sourceKind: "vk",
        name: "ВКонтакте: поиск «Пельменная №1»",
        config: { mode: "search", accessToken: "demo-user-token", query: "Пельменная №1" },
        ownPlace: false,
        intervalMinutes: 15,
      },
      {
        key: "telegram",
        connector: "telegram",
        sourceKind: "telegram",
        name: "Telegram: «Москва вкусно»",
        config: { channel: "moskva_vkusno", query: "пельменная", ownPlace: false },
        ownPlace: false,
        intervalMinutes: 30,
      },
      {
        key: "rss",
        connector: "rss",
        sourceKind: "rss",
        name: "Новости: Google News «Пельменная №1»",
        config: { url: googleNews('"Пельменная №1"'), ownPlace: false },
        ownPlace: false,
        intervalMinutes: 60,
      },
      {
        key: "web_page",
        connector: "web_page",
        sourceKind: "web_page",
        name: "Сайт: отзывы гостей",
        config: { url: "https://pelmennaya-n1.ru/otzyvy/", mode: "auto", ownPlace: true },
        ownPlace: true,
        intervalMinutes: 120,
      },
      {
        key: "reddit",
        connector: "reddit",
        sourceKind: "reddit",
        name: "Reddit: r/moscow “pelmennaya”",
        config: { query: "pelmennaya", subreddit: "moscow" },
        ownPlace: false,
        intervalMinutes: 120,
      },
    ],
    ru: RESTAURANT_RU,
    en: RESTAURANT_EN,
  },
];

export function demoProfile(brand: string): TDemoProfile {
  const profile = DEMO_PROFILES.find((p) => p.brand === brand);
  if (!profile) throw new Error(`no demo profile for brand "${brand}"`);
  return profile;
}

/** Adds the rules the brand does not have yet (by name); the specialist's own rules stay. */
export async function ensureDemoRules(db: TExecutor, brandId: string, profile: TDemoProfile): Promise<number> {
  const existing = new Set((await listBrandRules(db, brandId)).map((r) => r.name));
  let added = 0;
  for (const rule of profile.rules) {
    if (existing.has(rule.name)) continue;
    await insertRule(db, { brandId, group: rule.group, name: rule.name, query: rule.query, variants: rule.variants ?? [] });
    added++;
  }
  return added;
}

/** The brand's demo sources by key, created (paused) when missing. */
export async function ensureDemoSources(db: TExecutor, brandId: string, profile: TDemoProfile): Promise<Map<TDemoSource["key"], TSourceRow>> {
  const byName = new Map((await listBrandSources(db, brandId)).map((s) => [s.name, s]));
  const out = new Map<TDemoSource["key"], TSourceRow>();
  for (const spec of profile.sources) {
    const row =
      byName.get(spec.name) ??
      (await insertSource(db, {
        brandId,
        connector: spec.connector,
        name: spec.name,
        config: spec.config,
        ownPlace: spec.ownPlace,
        intervalMinutes: spec.intervalMinutes,
        status: "paused",
      }));
    out.set(spec.key, row);
  }
  return out;
}
