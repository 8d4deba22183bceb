import { describe, expect, it } from "vitest";
import { parseViewCount } from "./view-count.ts";

describe("parseViewCount", () => {
  it.each([
    ["987", 987],
    ["0", 0],
    ["1.2K", 1200],
    ["1,2K", 1200],
    ["12.3k", 12_300],
    ["3.4M", 3_400_000],
    ["1.05M", 1_050_000],
    ["2B", 2_000_000_000],
    ["1 234", 1234],
    ["1,234", 1234],
    [" 15 ", 15],
  ])("reads %j as %d", (shown, views) => {
    expect(parseViewCount(shown)).toBe(views);
  });

  it.each(["", "K", "1.2.3K", "много", "1.5", "-3", "1.2KK"])("does not guess at %j", (shown) => {
    expect(parseViewCount(shown)).toBeUndefined();
  });
});
