import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isDay, isTimeZone, localDayAndHour } from "./local-day.ts";

describe("local days", () => {
  it("gives the day and hour in the brand's zone", () => {
    const at = new Date("2026-03-01T22:30:00Z");
    expect(localDayAndHour(at, "Europe/Moscow")).toEqual({ day: "2026-03-02", hour: 1 });
    expect(localDayAndHour(at, "America/New_York")).toEqual({ day: "2026-03-01", hour: 17 });
    expect(localDayAndHour(new Date("2026-03-01T00:00:00Z"), "UTC")).toEqual({ day: "2026-03-01", hour: 0 });
  });

  it("validates zones and days, and counts days", () => {
    expect(isTimeZone("Europe/Moscow")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2028-02-29")).toBe(true);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(daysBetween("2026-03-02", "2026-03-01")).toEqual([]);
  });
});
