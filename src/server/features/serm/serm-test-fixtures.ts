import { parseTonalityCell } from "./tonality.ts";
import type { TQuerySerp } from "./ex-index.ts";

/**
 * The worked example of docs SERM.md §2.1 as an audit table. q1 on Yandex is the page given
 * there; SERM.md gives only the Ex of the other three pairs (+73.15, +31.60, +77.63), so their
 * results are ours, chosen to give exactly those (and q2 on Yandex the §2.2 figures: NegVisibility
 * 6.3 %, GFD +61). A URL has one label on every engine, as labels live on URLs.
 */
const Q1 = "бренд отзывы";
const Q2 = "бренд";

const PAGES = {
  site: ["https://brand.example/", "own"],
  vk: ["https://vk.com/brand", "own"],
  telegram: ["https://t.me/brand", "own"],
  hh: ["https://hh.ru/employer/100500", "own"],
  otzovik: ["https://otzovik.com/reviews/brand/", "12/30/50"],
  irecommend: ["https://irecommend.ru/content/brand", "5/15/20"],
  maps: ["https://yandex.ru/maps/org/brand/1234567/", "160/20/220"],
  twogis: ["https://2gis.ru/moscow/firm/70000001", "60/40/110"],
  vc: ["https://vc.ru/u/777-critic/1-brand-ne-rekomenduyu", "negative"],
  pravda: ["https://pravda-sotrudnikov.ru/company/brand", "10/10/20"],
  forum: ["https://forum.example.ru/threads/brand.42/", "negative"],
  news: ["https://news.example.ru/2024/brand-opens-office", "neutral"],
  // Rated 4.5 of 5 → +75 (§1.1: T = (v − mid)/(max − mid)·100).
  flamp: ["https://moscow.flamp.ru/firm/brand", "+75"],
  zoon: ["https://zoon.ru/msk/shops/brand/", "3/4/10"],
  // Rated 2.1 of 5 → −45.
  banki: ["https://www.banki.ru/services/responses/bank/brand/", "-45"],
  wikipedia: ["https://ru.wikipedia.org/wiki/Бренд", "neutral"],
  // A text label of a news piece, weakly positive: stays neutral (< +20).
  rbc: ["https://www.rbc.ru/business/brand-interview", "10"],
  rusprofile: ["https://www.rusprofile.ru/id/1234567", "0"],
  sravni: ["https://www.sravni.ru/bank/brand/otzyvy/", "-45"],
  complaint: ["https://www.ripoffreport.com/reports/brand", "negative"],
} as const;
type TPage = keyof typeof PAGES;

const SERPS: [engine: "yandex" | "google", query: string, frequency: number, pages: TPage[]][] = [
  ["yandex", Q1, 4000, ["site", "otzovik", "irecommend", "maps", "twogis", "vc", "pravda", "vk", "forum", "news"]],
  ["yandex", Q2, 20000, ["site", "vk", "flamp", "zoon", "banki", "wikipedia", "maps", "rbc", "rusprofile", "sravni"]],
  ["google", Q1, 4000, ["site", "irecommend", "vc", "otzovik", "vk", "pravda", "maps", "twogis", "forum", "news"]],
  ["google", Q2, 20000, ["site", "vk", "telegram", "hh", "complaint", "otzovik", "wikipedia", "rusprofile", "zoon", "banki"]],
];

export const WORKED_EXAMPLE_ROWS: string[][] = SERPS.flatMap(([engine, query, frequency, pages]) =>
  pages.map((page, i) => [engine, query, String(frequency), String(i + 1), PAGES[page][0], PAGES[page][1]]),
);

const csvCell = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function auditCsv(rows: readonly (readonly string[])[], header = "engine,query,frequency,position,url,tonality"): string {
  return [header, ...rows.map((row) => row.map(csvCell).join(","))].join("\n") + "\n";
}

export const WORKED_EXAMPLE_CSV = auditCsv(WORKED_EXAMPLE_ROWS);

/** The same example as plain Ex inputs, without going through the CSV parser. */
export const WORKED_EXAMPLE_SERPS: TQuerySerp[] = SERPS.map(([engine, query, frequency, pages]) => ({
  engine,
  query,
  frequency,
  results: pages.map((page, i) => ({ position: i + 1, url: PAGES[page][0], ...parseTonalityCell(PAGES[page][1]) })),
}));

/** §3.2 RU profile, as the example uses it. */
export const WORKED_EXAMPLE_ENGINE_WEIGHTS = { yandex: 62.6, google: 37.4 };
