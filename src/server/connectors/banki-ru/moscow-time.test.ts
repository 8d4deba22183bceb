import { describe, expect, it } from "vitest";
import { moscowToUtc } from "./moscow-time.ts";

describe("moscowToUtc", () => {
  it.each([
    ["2026-11-20 14:05:12", "2026-11-20T11:05:12.000Z"],
    // Past midnight in Moscow is still the day before in UTC.
    ["2026-11-20 02:30:00", "2026-11-19T23:30:00.000Z"],
    ["2023-01-11 21:00:32", "2023-01-11T18:00:32.000Z"],
    ["2026-03-01 00:00", "2026-02-28T21:00:00.000Z"],
    // UTC+4 all year from March 2011 to October 2014.
    ["2012-06-01 12:00:00", "2012-06-01T08:00:00.000Z"],
    ["2013-01-15 12:00:00", "2013-01-15T08:00:00.000Z"],
    // Before that: UTC+3 in winter, UTC+4 in summer.
    ["2010-01-15 12:00:00", "2010-01-15T09:00:00.000Z"],
    ["2010-07-01 12:00:00", "2010-07-01T08:00:00.000Z"],
    // The night Moscow went back to UTC+3 for good.
    ["2014-10-26 03:00:00", "2014-10-26T00:00:00.000Z"],
  ])("reads %s as %s", (local, utc) => {
    expect(moscowToUtc(local)).toBe(utc);
  });

  it.each(["", "2023-02-30 10:00:00", "2023-01-11 24:00:00", "11.01.2023 21:00", "2023-01-11T21:00:32+03:00", "вчера"])(
    "refuses %j",
    (local) => {
      expect(moscowToUtc(local)).toBeUndefined();
    },
  );
});
