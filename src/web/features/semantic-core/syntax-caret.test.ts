import { describe, expect, it } from "vitest";
import { caretLine } from "./syntax-caret.ts";

describe("caret under a syntax error", () => {
  it("points at the position on a one-line query", () => {
    expect(caretLine("сбер NEAR банк", 5)).toEqual({ line: "сбер NEAR банк", caret: "     ^" });
  });

  it("points past the end for an unexpected end of query", () => {
    expect(caretLine("сбер AND", 8)).toEqual({ line: "сбер AND", caret: "        ^" });
  });

  it("shows only the line of the error in a multi-line query", () => {
    const query = "сбер OR\nбанк AND (\nвклад";
    expect(caretLine(query, query.indexOf("("))).toEqual({ line: "банк AND (", caret: "         ^" });
  });

  it("counts characters, not UTF-16 units", () => {
    const query = "😀 сбер NEAR x";
    expect(caretLine(query, query.indexOf("NEAR")).caret).toBe("       ^");
  });

  it("cuts long lines to a window around the error", () => {
    const query = `${"a ".repeat(100)}NEAR x`;
    const { line, caret } = caretLine(query, query.indexOf("NEAR"), 40);
    expect(line.startsWith("…")).toBe(true);
    expect(line.slice(caret.length - 1, caret.length + 3)).toBe("NEAR");
  });
});
