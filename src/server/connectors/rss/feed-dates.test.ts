import { describe, expect, it } from "vitest";
import { monthNumber, parseFeedDate } from "./feed-dates.ts";

const iso = (value: string, offset?: number) => parseFeedDate(value, offset === undefined ? {} : { defaultOffsetMinutes: offset })?.toISOString();

describe("parseFeedDate", () => {
  it.each([
    // RFC 822 / 2822 as feeds write it
    ["Thu, 19 Nov 2026 18:30:00 +0300", "2026-11-19T15:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 GMT", "2026-11-19T18:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 UT", "2026-11-19T18:30:00.000Z"],
    ["Wed, 18 Nov 2026 09:05 GMT", "2026-11-18T09:05:00.000Z"], // no seconds
    ["Tue, 17 Nov 26 14:00:00 EST", "2026-11-17T19:00:00.000Z"], // two-digit year, named zone
    ["Sat, 01 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00.000Z"],
    ["Mon, 6 Jul 2026 07:00:00 PDT", "2026-07-06T14:00:00.000Z"],
    ["19 Nov 2026 18:30:00 -0130", "2026-11-19T20:00:00.000Z"], // no weekday
    ["Thu, 19 Nov 2026 18:30:00 +03:00", "2026-11-19T15:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 GMT+3", "2026-11-19T15:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 MSK", "2026-11-19T15:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 +0300 (MSK)", "2026-11-19T15:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 Z", "2026-11-19T18:30:00.000Z"],
    ["Thu,  19   Nov 2026 18:30:00   +0000", "2026-11-19T18:30:00.000Z"], // stray spaces
    ["Thursday, 19 November 2026 18:30:00 +0000", "2026-11-19T18:30:00.000Z"],
    ["Thu, 19 Nov 2026 18:30:00 XYZ", "2026-11-19T18:30:00.000Z"], // unknown zone read as UTC
    // Russian feeds
    ["Пн, 16 ноя 2026 10:00:00 +0300", "2026-11-16T07:00:00.000Z"],
    ["16 ноября 2026 10:00", "2026-11-16T10:00:00.000Z"],
    ["16 мая 2026 г. в 10:00 +0300", "2026-05-16T07:00:00.000Z"],
    ["1 марта 2026", "2026-03-01T00:00:00.000Z"],
    ["16.11.2026 10:15", "2026-11-16T10:15:00.000Z"],
    ["16.11.26", "2026-11-16T00:00:00.000Z"],
    // RFC 3339 and ISO variants
    ["2026-11-19T15:00:00+03:00", "2026-11-19T12:00:00.000Z"],
    ["2026-11-10T08:00:00.250-05:00", "2026-11-10T13:00:00.000Z"],
    ["2026-11-12T09:30:00Z", "2026-11-12T09:30:00.000Z"],
    ["2026-11-12 09:30:00", "2026-11-12T09:30:00.000Z"],
    ["2026-11-12T09:30+0300", "2026-11-12T06:30:00.000Z"],
    ["2026-11-12", "2026-11-12T00:00:00.000Z"],
    // English long forms and asctime
    ["November 19, 2026", "2026-11-19T00:00:00.000Z"],
    ["Thursday, November 19, 2026 6:30 PM", "2026-11-19T18:30:00.000Z"],
    ["Nov 19th, 2026 12:05 am", "2026-11-19T00:05:00.000Z"],
    ["Thu Nov 19 18:30:00 2026", "2026-11-19T18:30:00.000Z"],
  ])("%s → %s", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    [""],
    ["   "],
    ["когда-нибудь скоро"],
    ["Thu, 31 Feb 2026 10:00:00 GMT"], // no rolling over into March
    ["Thu, 19 Foo 2026 10:00:00 GMT"],
    ["2026-13-01"],
    ["2026-11-19T25:00:00Z"],
    ["0001-01-01T00:00:00Z"], // "no date" placeholder of some CMSs
    ["Thu, 19 Nov 2026 18:30:00 +9900"],
    ["1700000000"],
  ])("%j → undefined", (value) => {
    expect(parseFeedDate(value)).toBeUndefined();
  });

  it("reads a zone-less time in the caller's default offset", () => {
    expect(iso("16.11.2026 10:15", 180)).toBe("2026-11-16T07:15:00.000Z");
    expect(iso("2026-11-16T10:15:00Z", 180)).toBe("2026-11-16T10:15:00.000Z"); // an explicit zone wins
  });

  it("accepts undefined and null", () => {
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate(null)).toBeUndefined();
  });
});

describe("monthNumber", () => {
  it.each([
    ["Jan", "1"], ["september", "9"], ["Sept", "9"], ["января", "1"], ["мая", "5"], ["май", "5"], ["мар", "3"], ["марта", "3"],
    ["июня", "6"], ["июля", "7"], ["дек.", "12"], ["Ноя", "11"],
  ])("%s → %s", (name, expected) => {
    expect(monthNumber(name)).toBe(expected);
  });
  it("rejects non-months", () => {
    expect(monthNumber("Thu")).toBeUndefined();
    expect(monthNumber("ма")).toBeUndefined();
  });
});
