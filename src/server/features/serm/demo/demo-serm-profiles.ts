/**
 * What the demo's reputation environment is made of, per demo brand: its queries, its own sites,
 * and the pages that compete for its results — all invented (the sites on `.example` domains and
 * every title and snippet), except that review pages sit on the real review aggregators' domains
 * so the built-in site table (SERM.md §1.1) shows what it does.
 */
export type TDemoPageKind = "own" | "review" | "complaint" | "forum" | "negative-media" | "positive-media" | "neutral-media";
export type TDemoQueryKind = "brand" | "reviews" | "scam" | "employer";

export type TDemoPage = {
  key: string;
  kind: TDemoPageKind;
  url: string;
  title: string;
  snippet: string;
  /** Query kinds the page is found for, with how strongly it ranks there (0–100) before the work. */
  ranks: Partial<Record<TDemoQueryKind, number>>;
  /** Review pages: the rating before and at the end of the period (of 5), and the reviews count. */
  rating?: { from: number; to: number; count: number };
};

export type TDemoSermProfile = {
  brand: string;
  seed: string;
  /** Own sites and official profiles: the brand's entries of the site table. */
  own: readonly string[];
  /** Invented complaint sites: entries of class complaint. */
  complaintSites: readonly string[];
  queries: readonly { text: string; kind: TDemoQueryKind; frequency: number; depth: 10 | 20 }[];
  pages: readonly TDemoPage[];
};

type TNames = { name: string; gen: string; slug: string; site: string; field: string };

function pagesFor(n: TNames): TDemoPage[] {
  const page = (key: string, kind: TDemoPageKind, url: string, title: string, snippet: string, ranks: TDemoPage["ranks"], rating?: TDemoPage["rating"]): TDemoPage => ({
    key,
    kind,
    url,
    title,
    snippet,
    ranks,
    ...(rating ? { rating } : {}),
  });
  return [
    page("site", "own", `https://${n.site}/`, `${n.name} — официальный сайт`, `${n.name}: ${n.field}. Офисы, тарифы, поддержка 24/7.`, { brand: 95, reviews: 55, scam: 35, employer: 40 }),
    page("site-reviews", "own", `https://${n.site}/otzyvy/`, `Отзывы клиентов — ${n.name}`, `Мы публикуем все отзывы клиентов и отвечаем на каждый в течение суток.`, { reviews: 40, scam: 30 }),
    page("site-safety", "own", `https://${n.site}/bezopasnost/`, `Как ${n.name} защищает клиентов от мошенников`, `Памятка ${n.gen}: как распознать звонок мошенника и что делать, если деньги списаны.`, { scam: 30 }),
    page("site-career", "own", `https://${n.site}/career/`, `Карьера в ${n.gen}`, `Вакансии, стажировки и отзывы сотрудников ${n.gen}.`, { employer: 70 }),
    page("vk", "own", `https://vk.com/${n.slug}`, `${n.name} | ВКонтакте`, `Официальное сообщество ${n.gen}. Новости, акции, ответы на вопросы.`, { brand: 70, reviews: 30 }),
    page("tg", "own", `https://t.me/${n.slug}`, `${n.name} — Telegram`, `Официальный канал ${n.gen}.`, { brand: 55 }),
    page("otzovik", "review", `https://otzovik.com/reviews/${n.slug}/`, `Отзывы о ${n.name} — Отзовик`, `Отзывы покупателей о ${n.name}: достоинства и недостатки.`, { brand: 60, reviews: 90, scam: 60 }, { from: 2.2, to: 4.1, count: 214 }),
    page("irecommend", "review", `https://irecommend.ru/content/${n.slug}`, `${n.name} — отзывы — Irecommend.ru`, `Честные отзывы о ${n.name}.`, { reviews: 80, scam: 45 }, { from: 2.0, to: 3.9, count: 96 }),
    page("2gis", "review", `https://2gis.ru/moscow/firm/${n.slug}`, `${n.name}, Москва — 2ГИС`, `Адреса, телефоны и отзывы о ${n.name}.`, { brand: 50, reviews: 65 }, { from: 3.1, to: 4.5, count: 412 }),
    page("zoon", "review", `https://zoon.ru/msk/${n.slug}/`, `${n.name} — отзывы на Zoon`, `Рейтинг ${n.gen} по отзывам посетителей.`, { reviews: 55 }, { from: 2.6, to: 4.2, count: 58 }),
    page("pravda", "review", `https://pravda-sotrudnikov.ru/company/${n.slug}`, `Отзывы сотрудников о ${n.name}`, `Что говорят сотрудники о работе в ${n.gen}: зарплата, график, руководство.`, { employer: 85 }, { from: 2.4, to: 3.8, count: 37 }),
    page("dreamjob", "review", `https://dreamjob.ru/employers/${n.slug}`, `${n.name} — отзывы сотрудников — Dreamjob`, `Рейтинг работодателя ${n.gen}.`, { employer: 75 }, { from: 2.9, to: 4.0, count: 61 }),
    page("complaint", "complaint", `https://zhalobnaya-kniga.example/${n.slug}`, `${n.name}: жалобы клиентов — Жалобная книга`, `${n.name} — обман клиентов? 58 жалоб: навязывают услуги, не возвращают деньги.`, { brand: 55, reviews: 70, scam: 95 }),
    page("complaint2", "complaint", `https://obman-net.example/company/${n.slug}`, `${n.name} — развод или нет? Разоблачение`, `Проверка ${n.gen}: жалобы, суды, претензии. Мошенники или честная компания?`, { scam: 90, reviews: 50 }),
    page("forum", "forum", `https://forum-potrebitel.example/threads/${n.slug}.4412/`, `${n.name} — не рекомендую! | Форум потребителей`, `Тема о ${n.name}: «не рекомендую, полгода не могу вернуть деньги», «та же история».`, { brand: 45, reviews: 75, scam: 80 }),
    page("forum-job", "forum", `https://forum-rabota.example/t/${n.slug}-zaderzhki-zarplaty`, `${n.name}: задержки зарплаты? — Форум о работе`, `Бывшие сотрудники ${n.gen} жалуются на переработки и задержки выплат.`, { employer: 80 }),
    page("news-bad", "negative-media", `https://vechernie-novosti.example/2026/${n.slug}-sud`, `Суд обязал ${n.name} вернуть клиентам деньги`, `Клиенты ${n.gen} выиграли иск: суд признал навязывание услуг незаконным.`, { brand: 60, scam: 70 }),
    page("news-good", "positive-media", `https://delovoy-vestnik.example/${n.slug}-premiya`, `${n.name} получил премию «Клиентский сервис года»`, `${n.name} признан лучшим по качеству обслуживания по итогам года.`, { brand: 30, reviews: 25, scam: 20 }),
    page("interview", "positive-media", `https://biznes-portal.example/interview/${n.slug}`, `Глава ${n.gen}: «Мы отвечаем на каждый отзыв»`, `Интервью о том, как ${n.name} изменил работу с обращениями клиентов.`, { brand: 25, reviews: 20, scam: 20, employer: 30 }),
    page("wiki", "neutral-media", `https://wiki-spravka.example/wiki/${n.slug}`, `${n.name} — Справочник компаний`, `${n.name} — российская компания. Основана в 2009 году. ${n.field}.`, { brand: 65, employer: 35 }),
    page("registry", "neutral-media", `https://reestr-kompaniy.example/org/${n.slug}`, `${n.name}: реквизиты, выручка, учредители`, `Карточка организации ${n.gen}: ИНН, ОГРН, финансовая отчётность.`, { brand: 45, scam: 40, employer: 30 }),
    page("hh", "own", `https://hh.ru/employer/${n.slug}`, `Работа в ${n.gen} — вакансии на hh.ru`, `Вакансии компании ${n.name}. Отзывы сотрудников о работодателе.`, { employer: 65 }),
    page("blog", "positive-media", `https://lichnye-finansy.example/${n.slug}-obzor`, `Обзор ${n.gen}: плюсы и минусы`, `Подробный обзор: что изменилось у ${n.name} за последний год.`, { reviews: 35, brand: 20, scam: 25 }),
  ];
}

function profile(brand: string, n: TNames, seed: string, queryTexts: readonly [string, TDemoQueryKind, number, 10 | 20][]): TDemoSermProfile {
  return {
    brand,
    seed,
    own: [n.site, `vk.com/${n.slug}`, `t.me/${n.slug}`, `hh.ru/employer/${n.slug}`],
    complaintSites: ["zhalobnaya-kniga.example", "obman-net.example"],
    queries: queryTexts.map(([text, kind, frequency, depth]) => ({ text, kind, frequency, depth })),
    pages: pagesFor(n),
  };
}

export const DEMO_SERM_PROFILES: readonly TDemoSermProfile[] = [
  profile("Northwind Bank", { name: "Нортвинд Банк", gen: "Нортвинд Банка", slug: "nortvind-bank", site: "nortvind-bank.example", field: "вклады, кредиты, карты" }, "serm:northwind-bank:v1", [
    ["Нортвинд Банк", "brand", 22_000, 20],
    ["Нортвинд Банк отзывы", "reviews", 5_400, 10],
    ["Нортвинд Банк обман", "scam", 700, 10],
    ["Нортвинд Банк работодатель", "employer", 900, 10],
  ]),
  profile("Northwind Insurance", { name: "Нортвинд Страхование", gen: "Нортвинд Страхования", slug: "nortvind-strakhovanie", site: "nortvind-strakh.example", field: "ОСАГО, КАСКО, страхование жизни" }, "serm:northwind-insurance:v1", [
    ["Нортвинд Страхование", "brand", 9_000, 10],
    ["Нортвинд Страхование отзывы", "reviews", 3_100, 10],
    ["Нортвинд Страхование обман", "scam", 400, 10],
  ]),
  profile("Пельменная №1", { name: "Пельменная №1", gen: "Пельменной №1", slug: "pelmennaya-1", site: "pelmennaya-1.example", field: "пельмени ручной лепки, доставка" }, "serm:pelmennaya-1:v1", [
    ["Пельменная №1", "brand", 6_500, 10],
    ["Пельменная №1 отзывы", "reviews", 1_800, 10],
    ["Пельменная №1 работодатель", "employer", 250, 10],
  ]),
];
