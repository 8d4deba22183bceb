import { describe, expect, it } from "vitest";
import { parsePageDate } from "./page-dates.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const at = (text: string, offset?: number) => {
  const parsed = parsePageDate(text, NOW, offset === undefined ? {} : { defaultOffsetMinutes: offset });
  return parsed && [parsed.date.toISOString(), parsed.relative];
};

describe("parsePageDate", () => {
  it.each([
    ["2026-03-12", "2026-03-12T00:00:00.000Z", false],
    ["2026-03-12T14:30:00+03:00", "2026-03-12T11:30:00.000Z", false],
    ["12.03.2026", "2026-03-12T00:00:00.000Z", false],
    ["12.03.2026 14:30", "2026-03-12T14:30:00.000Z", false],
    ["12.03.2026, 14:30", "2026-03-12T14:30:00.000Z", false],
    ["12 марта 2026", "2026-03-12T00:00:00.000Z", false],
    ["12 марта 2026 г. в 14:30", "2026-03-12T14:30:00.000Z", false],
    ["1 мая 2025", "2025-05-01T00:00:00.000Z", false],
    ["March 12, 2026", "2026-03-12T00:00:00.000Z", false],
    ["12 March 2026", "2026-03-12T00:00:00.000Z", false],
    ["Опубликовано: 12.03.2026 14:30", "2026-03-12T14:30:00.000Z", false],
    ["Отзыв от 12 марта 2026, Москва", "2026-03-12T00:00:00.000Z", false],
    ["Posted on March 12, 2026 by Anna", "2026-03-12T00:00:00.000Z", false],
    // relative to the run's clock
    ["вчера", "2026-11-19T12:00:00.000Z", true],
    ["Вчера в 14:30", "2026-11-19T14:30:00.000Z", true],
    ["yesterday at 9:05", "2026-11-19T09:05:00.000Z", true],
    ["сегодня, 08:15", "2026-11-20T08:15:00.000Z", true],
    ["позавчера", "2026-11-18T12:00:00.000Z", true],
    ["2 часа назад", "2026-11-20T10:00:00.000Z", true],
    ["час назад", "2026-11-20T11:00:00.000Z", true],
    ["5 минут назад", "2026-11-20T11:55:00.000Z", true],
    ["3 дня назад", "2026-11-17T12:00:00.000Z", true],
    ["2 недели назад", "2026-11-06T12:00:00.000Z", true],
    ["an hour ago", "2026-11-20T11:00:00.000Z", true],
    ["3 days ago", "2026-11-17T12:00:00.000Z", true],
    ["только что", "2026-11-20T12:00:00.000Z", true],
    ["Добавлен: 2 часа назад", "2026-11-20T10:00:00.000Z", true],
    // no year: this year, or last year when that is still ahead
    ["12 марта", "2026-03-12T00:00:00.000Z", true],
    ["25 декабря в 10:00", "2025-12-25T10:00:00.000Z", true],
  ])("%s → %s", (text, iso, relative) => {
    expect(at(text)).toEqual([iso, relative]);
  });

  it("reads wall-clock times in the site's offset", () => {
    expect(at("12.03.2026 14:30", 180)).toEqual(["2026-03-12T11:30:00.000Z", false]);
    // 12:00Z is 15:00 in Moscow; "вчера в 01:00" there is 2026-11-18T22:00Z.
    expect(at("вчера в 01:00", 180)).toEqual(["2026-11-18T22:00:00.000Z", true]);
  });

  it.each([[""], ["недавно"], ["31.02.2026"], ["скоро"], ["вчера в 25:00"], [undefined]])("%j → undefined", (text) => {
    expect(parsePageDate(text, NOW)).toBeUndefined();
  });
});
