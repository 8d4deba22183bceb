import { describe, expect, it } from "vitest";
import { collapsedWindows, safeHttpUrl, segments } from "./highlight.ts";

describe("highlight segments", () => {
  it("cuts the text at mark boundaries and keeps every character", () => {
    const text = "Нортвинд: доставка карты";
    const parts = segments(text, [
      { start: 0, end: 8, kind: "rule" },
      { start: 10, end: 18, kind: "search" },
    ]);
    expect(parts).toEqual([
      { text: "Нортвинд", marks: ["rule"] },
      { text: ": ", marks: [] },
      { text: "доставка", marks: ["search"] },
      { text: " карты", marks: [] },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(text);
  });

  it("applies both kinds where they overlap and ignores ranges outside the text", () => {
    expect(segments("abcdef", [
      { start: 0, end: 4, kind: "rule" },
      { start: 2, end: 6, kind: "search" },
      { start: 10, end: 20, kind: "rule" },
      { start: 3, end: 3, kind: "rule" },
    ])).toEqual([
      { text: "ab", marks: ["rule"] },
      { text: "cd", marks: ["rule", "search"] },
      { text: "ef", marks: ["search"] },
    ]);
    expect(segments("", [])).toEqual([]);
    expect(segments("<script>alert(1)</script>", [])).toEqual([{ text: "<script>alert(1)</script>", marks: [] }]);
  });
});

describe("collapsed text", () => {
  const long = Array.from({ length: 200 }, (_, i) => `слово${i}`).join(" ");
  it("shows short texts whole and cuts long ones at a word", () => {
    expect(collapsedWindows("short text", [], 100)).toEqual([{ start: 0, end: 10 }]);
    const [head] = collapsedWindows(long, [], 100);
    expect(head?.start).toBe(0);
    expect(long[head?.end ?? 0]).toBe(" ");
  });

  it("adds a passage around the first mark when the beginning has none", () => {
    const at = long.indexOf("слово150");
    const windows = collapsedWindows(long, [{ start: at, end: at + 8 }], 100);
    expect(windows).toHaveLength(2);
    const [, around] = windows;
    expect(around && around.start <= at && around.end >= at + 8).toBe(true);
  });
});

describe("links", () => {
  it("keeps http and https, refuses every other scheme", () => {
    expect(safeHttpUrl("https://vk.com/wall-1_2")).toBe("https://vk.com/wall-1_2");
    expect(safeHttpUrl("http://example.com")).toBe("http://example.com/");
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<b>", "vbscript:x", "//evil.example", "not a url", "", null])
      expect(safeHttpUrl(bad)).toBeNull();
  });
});
