import { describe, expect, it } from "vitest";
import { SerpProviderError } from "./provider.ts";
import { readYandexXml } from "./yandex-xml.ts";

const options = { providerName: "Test", groupsOnPage: 10 };
const wrap = (response: string) => `<?xml version="1.0" encoding="utf-8"?><yandexsearch version="1.0"><response date="20261120T120000">${response}</response></yandexsearch>`;
const group = (doc: string) => `<group><doccount>1</doccount><doc>${doc}</doc></group>`;
const results = (...groups: string[]) => `<results><grouping attr="d" mode="deep" groups-on-page="10" docs-in-group="1">${groups.join("")}</grouping></results>`;

describe("readYandexXml", () => {
  it("reads text around <hlword>, entities, and passages before the headline", () => {
    const page = readYandexXml(
      wrap(
        results(
          group(
            "<url>https://example.ru/?a=1&amp;b=2</url><title><hlword>Нортвинд</hlword> <hlword>Банк</hlword>: отзывы &amp; рейтинг 2024</title><headline>Описание</headline><passages><passage>Первый <hlword>отзыв</hlword></passage><passage>второй</passage></passages>",
          ),
          group("<url>https://example.ru/2</url><title>Без пассажей</title><headline>Только  описание</headline>"),
          group("<url>https://example.ru/3</url><title>Пусто</title>"),
        ),
      ),
      options,
    );
    expect(page.items).toEqual([
      { url: "https://example.ru/?a=1&b=2", title: "Нортвинд Банк: отзывы & рейтинг 2024", snippet: "Первый отзыв второй" },
      { url: "https://example.ru/2", title: "Без пассажей", snippet: "Только описание" },
      { url: "https://example.ru/3", title: "Пусто", snippet: "" },
    ]);
    expect(page.isLast).toBe(true);
  });

  it("skips groups marked as non-organic content and counts them toward the page", () => {
    const organic = (n: number) => group(`<url>https://example.ru/${n}</url><title>${n}</title><contenttype>organic</contenttype>`);
    const video = group("<url>https://video.example/1</url><title>Видео</title><contenttype>video</contenttype>");
    const page = readYandexXml(wrap(results(...[1, 2, 3].map(organic), video, ...[4, 5, 6, 7, 8, 9].map(organic))), options);
    expect(page.items.map((i) => i.url)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `https://example.ru/${n}`));
    expect(page.isLast).toBe(false);
  });

  it("takes <found priority=all> and <reqid>", () => {
    const page = readYandexXml(wrap(`<reqid>42-abc</reqid><found priority="phrase">7</found><found priority="all">1200</found>${results()}`), options);
    expect(page).toEqual({ items: [], isLast: true, requestId: "42-abc", totalFound: 1200 });
  });

  it("a response with neither results nor an error is an empty page", () => {
    expect(readYandexXml(wrap(""), options)).toEqual({ items: [], isLast: true });
  });

  it("an unknown code falls to the caller's classifier, then to upstream", () => {
    const error = (code: string) => wrap(`<error code="${code}">Недостаточно средств</error>`);
    const withClassifier = () => readYandexXml(error("777"), { ...options, classifyError: () => "quota" });
    expect(withClassifier).toThrow(SerpProviderError);
    try {
      withClassifier();
    } catch (e) {
      expect(e).toMatchObject({ kind: "quota", providerCode: "777", message: "Test: error 777 (Недостаточно средств)" });
    }
    expect(() => readYandexXml(error("777"), options)).toThrow(expect.objectContaining({ kind: "upstream" }));
  });

  it("a group without a doc, or a document that is not Yandex XML, is markup_changed", () => {
    expect(() => readYandexXml(wrap(results("<group><doccount>1</doccount></group>")), options)).toThrow(expect.objectContaining({ kind: "markup_changed" }));
    expect(() => readYandexXml("", options)).toThrow(expect.objectContaining({ kind: "markup_changed" }));
    expect(() => readYandexXml('<?xml version="1.0"?><yandexsearch version="1.0"/>', options)).toThrow(expect.objectContaining({ kind: "markup_changed" }));
  });
});
