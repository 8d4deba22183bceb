import type { TAppContext } from "../../../context.ts";
import type { TSermEngine } from "../../../db/schema/serm.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { openScanBrowser } from "../scan/browser.ts";
import type { TDemoPageKind } from "./demo-serm-profiles.ts";

/**
 * The demo's screenshots: a handful of simple pages generated here — one per kind of result page
 * and one result page per engine — rendered once in Chromium with no network, then reused by
 * hash across the demo's results. Without Chromium the demo has no screenshots and says why.
 */
export type TImage = { image: Buffer; mime: string };
export type TDemoShots = { pages: Map<TDemoPageKind, TImage>; serps: Map<TSermEngine, TImage> } | { unavailable: string };

const KIND_LOOK: Readonly<Record<TDemoPageKind, { site: string; colour: string; heading: string; body: string }>> = {
  own: { site: "Официальный сайт", colour: "#2c7bb6", heading: "Добро пожаловать", body: "Продукты, тарифы, офисы и поддержка 24/7." },
  review: { site: "Сайт отзывов", colour: "#f39c12", heading: "Отзывы клиентов ★★★☆☆", body: "«Быстро открыли счёт» · «Долго ждал ответа поддержки» · «Удобное приложение»" },
  complaint: { site: "Жалобная книга", colour: "#d7191c", heading: "Жалобы: 58", body: "Навязывают услуги · не возвращают деньги · не отвечают на претензии" },
  forum: { site: "Форум потребителей", colour: "#7f8c8d", heading: "Тема: не рекомендую!", body: "— Полгода не могу вернуть деньги.<br>— Та же история.<br>— Пишите претензию." },
  "negative-media": { site: "Вечерние новости", colour: "#34495e", heading: "Суд обязал компанию вернуть клиентам деньги", body: "Клиенты выиграли иск о навязывании услуг." },
  "positive-media": { site: "Деловой вестник", colour: "#1a9641", heading: "Премия «Клиентский сервис года»", body: "Компания признана лучшей по качеству обслуживания." },
  "neutral-media": { site: "Справочник компаний", colour: "#95a5a6", heading: "Карточка организации", body: "Адрес, телефон, реквизиты, часы работы." },
};

function pageHtml(kind: TDemoPageKind): string {
  const look = KIND_LOOK[kind];
  return `<!doctype html><meta charset="utf-8"><style>body{margin:0;font:16px/1.5 sans-serif;color:#222}header{background:${look.colour};color:#fff;padding:18px 32px;font-size:22px}
main{padding:32px;max-width:900px}h1{font-size:30px;margin:0 0 16px}p{font-size:18px}.card{border:1px solid #ddd;border-radius:8px;padding:16px;margin:12px 0;background:#fafafa}</style>
<header>${look.site} · demo</header><main><h1>${look.heading}</h1><p>${look.body}</p>${Array.from({ length: 4 }, (_, i) => `<div class="card">Запись ${i + 1}: пример содержимого страницы, сгенерированный демо.</div>`).join("")}</main>`;
}

function serpHtml(engine: TSermEngine): string {
  const yandex = engine === "yandex";
  const results = Array.from({ length: 10 }, (_, i) => `<div class="r"><a>Результат ${i + 1} — заголовок страницы</a><div class="u">site-${i + 1}.example › page</div><p>Фрагмент текста страницы, найденный по запросу.</p></div>`).join("");
  return `<!doctype html><meta charset="utf-8"><style>body{margin:0;font:14px/1.4 arial,sans-serif}.top{padding:18px 24px;border-bottom:1px solid #e5e5e5;display:flex;gap:24px;align-items:center}
.logo{font-size:26px;font-weight:bold;color:${yandex ? "#f33" : "#4285f4"}}.box{border:1px solid #ccc;border-radius:${yandex ? "10px" : "24px"};padding:10px 16px;width:560px}
.res{padding:12px 24px 24px 170px;max-width:700px}.r{margin:18px 0}.r a{color:${yandex ? "#04b" : "#1a0dab"};font-size:19px}.u{color:#006621}</style>
<div class="top"><span class="logo">${yandex ? "Яндекс" : "Google"}</span><div class="box">запрос · demo</div></div><div class="res">${results}</div>`;
}

export async function renderDemoShots(app: TAppContext): Promise<TDemoShots> {
  const browser = await openScanBrowser(app, 2);
  if ("unavailable" in browser) return browser;
  try {
    const pages = new Map<TDemoPageKind, TImage>();
    const serps = new Map<TSermEngine, TImage>();
    const kinds = Object.keys(KIND_LOOK) as TDemoPageKind[];
    await Promise.all([
      ...kinds.map(async (kind) => pages.set(kind, await browser.pool.screenshotHtml(pageHtml(kind), { width: 1280, height: 1200, fullPage: false, format: "jpeg" }))),
      ...(["yandex", "google"] as const).map(async (engine) => serps.set(engine, await browser.pool.screenshotHtml(serpHtml(engine), { width: 1280, height: 900, fullPage: true, format: "jpeg" }))),
    ]);
    return { pages, serps };
  } catch (error) {
    return { unavailable: `the demo screenshots could not be rendered (${errorMessage(error).split("\n")[0]})` };
  } finally {
    await browser.close().catch(() => undefined);
  }
}
