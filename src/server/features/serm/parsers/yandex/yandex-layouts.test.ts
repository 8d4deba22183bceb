import { describe, expect, it } from "vitest";
import { parseSerp } from "../parse-serp.ts";
import { fixture, readFixture } from "../serp-fixtures.test-support.ts";

describe("Yandex desktop 2016", () => {
  const page = readFixture("yandex", "yandex-desktop-2016.html");

  it("reads the rc-counted results and leaves out the ad and the images block", () => {
    expect(page.layout).toBe("yandex-desktop-2016");
    expect(page.results.map((r) => [r.position, r.url])).toEqual([
      [1, "https://www.northwind.example/"],
      [2, "http://otzovik.example/reviews/northwind_bank/"],
      [3, "http://nortwind-lk.example/login"],
    ]);
    expect(page.results[0]).toMatchObject({ title: "Нортвинд Банк — частным клиентам", snippet: "Вклады, карты и кредиты Нортвинд Банка. Откройте счёт онлайн." });
  });

  it("reads '2,4/5' as a rating", () => {
    expect(page.results[1]?.rating).toEqual({ value: 2.4, scale: 5 });
  });

  it("takes the address behind a safety warning, not the saved copy", () => {
    expect(page.results[2]).toMatchObject({ url: "http://nortwind-lk.example/login", title: "Нортвинд Банк вход в личный кабинет" });
  });
});

describe("Yandex desktop 2017", () => {
  const page = readFixture("yandex", "yandex-desktop-2017.html");

  it("skips the ad, the news block, the Maps card, the Instagram gallery and the right column", () => {
    expect(page.layout).toBe("yandex-desktop-2017");
    expect(page.results.map((r) => r.url)).toEqual([
      "https://www.northwind.example/",
      "https://forum.example.net/t/nortvind-komissii/4411",
      "https://zoon.example/msk/banks/nortvind_bank/",
      "http://nortwind-lk.example/login",
    ]);
  });

  it("unwraps Turbo and safety links", () => {
    expect(page.results[1]?.title).toBe("Нортвинд Банк скрытые комиссии — форум");
    expect(page.results[3]?.title).toBe("Нортвинд Банк — вход в личный кабинет");
  });

  it("reads '2,4 из 5 · 312 отзывов' as a rating", () => {
    expect(page.results[2]?.rating).toEqual({ value: 2.4, scale: 5, count: 312 });
  });

  it("ranks Yandex's own object cards when asked to keep them", () => {
    const kept = readFixture("yandex", "yandex-desktop-2017.html", { yandexServiceCards: "keep" });
    expect(kept.results.map((r) => r.url)).toEqual([
      "https://www.northwind.example/",
      "https://yandex.ru/maps/org/nortvind_bank/1151616644/",
      "https://forum.example.net/t/nortvind-komissii/4411",
      "https://zoon.example/msk/banks/nortvind_bank/",
      "http://nortwind-lk.example/login",
    ]);
    expect(kept.results[1]).toMatchObject({ position: 2, title: "Нортвинд Банк, отделение на Тверской", rating: { value: 3.2, scale: 5, count: 87 } });
  });
});

describe("Yandex touch 2017", () => {
  const page = readFixture("yandex", "yandex-touch-2017.html");

  it("reads results counted as -source=web and skips the Market block (kept or not)", () => {
    expect(page.layout).toBe("yandex-touch-2017");
    expect(page.results).toEqual([
      {
        position: 1,
        url: "https://m.northwind.example/",
        title: "Нортвинд Банк — частным клиентам",
        snippet: "Вклады, карты и кредиты Нортвинд Банка. Откройте счёт онлайн.",
      },
      {
        position: 2,
        url: "https://www.banki.example/services/responses/bank/nortvind/",
        title: "Отзывы о Нортвинд Банке — Banki",
        snippet: "Народный рейтинг банка по отзывам клиентов.",
        rating: { value: 2, scale: 5, count: 1204 },
      },
    ]);
    expect(readFixture("yandex", "yandex-touch-2017.html", { yandexServiceCards: "keep" }).results).toHaveLength(2);
  });
});

describe("Yandex pages without results", () => {
  it("'По вашему запросу ничего не нашлось' is an empty page", () => {
    expect(parseSerp("yandex", fixture("yandex-no-results.html"))).toMatchObject({ ok: true, layout: "yandex-desktop-2017", empty: true, results: [] });
  });

  it("the robot check is a captcha and the ads-only search is not a results page", () => {
    expect(parseSerp("yandex", fixture("yandex-captcha.html"))).toMatchObject({ ok: false, error: "captcha" });
    expect(parseSerp("yandex", fixture("yandex-ads-search.html"))).toMatchObject({ ok: false, error: "not_a_results_page" });
  });
});
