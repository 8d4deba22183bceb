import { describe, expect, it } from "vitest";
import { diffStats, diffWords } from "./text-diff.ts";

const side = (ops: ReturnType<typeof diffWords>, keep: "delete" | "insert") =>
  ops.filter((o) => o.op === "equal" || o.op === keep).map((o) => o.text).join("");

describe("word diff between response versions", () => {
  const cases: [string, string][] = [
    ["Здравствуйте, Анна! Приносим извинения.", "Здравствуйте, Анна! Приносим искренние извинения и вернём деньги."],
    ["We are sorry.", "We are very sorry, John."],
    ["", "New text"],
    ["Old text", ""],
    ["same", "same"],
    ["a b c d e", "e d c b a"],
    ["Line one\nLine two", "Line one\n\nLine 2"],
  ];

  it("spells both versions back exactly", () => {
    for (const [before, after] of cases) {
      const ops = diffWords(before, after);
      expect(side(ops, "delete")).toBe(before);
      expect(side(ops, "insert")).toBe(after);
    }
  });

  it("marks what was added and removed, word by word", () => {
    expect(diffWords("We are sorry.", "We are very sorry, John.")).toEqual([
      { op: "equal", text: "We are " },
      { op: "insert", text: "very " },
      { op: "equal", text: "sorry" },
      { op: "insert", text: ", John" },
      { op: "equal", text: "." },
    ]);
    expect(diffWords("same", "same")).toEqual([{ op: "equal", text: "same" }]);
    expect(diffStats(diffWords("Приносим извинения.", "Приносим искренние извинения и вернём деньги."))).toEqual({ insertedWords: 4, deletedWords: 0 });
  });
});
