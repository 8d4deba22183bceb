import { describe, expect, it } from "vitest";
import { parseClassificationAnswer } from "./classify-answer.ts";

describe("parseClassificationAnswer", () => {
  it("reads the items, in any order and case, with percentages and string numbers", () => {
    const answer = parseClassificationAnswer('{"items":[{"i":2,"label":" Positive ","confidence":85},{"i":"1","label":"negative","confidence":"0.7"}]}', [1, 2]);
    expect(answer).toEqual({
      ok: true,
      items: new Map([
        [2, { label: "positive", confidence: 0.85 }],
        [1, { label: "negative", confidence: 0.7 }],
      ]),
      problems: new Map(),
    });
  });

  it("accepts a fenced answer, prose around the object, or a bare array", () => {
    const item = '{"i":1,"label":"neutral","confidence":0.5}';
    for (const content of ["```json\n{\"items\":[" + item + "]}\n```", `Here you go: {"items":[${item}]} Hope it helps!`, `[${item}]`]) {
      const answer = parseClassificationAnswer(content, [1]);
      expect(answer.ok && answer.items.get(1)).toEqual({ label: "neutral", confidence: 0.5 });
    }
  });

  it("an entry that is invalid, contradicted or missing is a problem for that item only", () => {
    const answer = parseClassificationAnswer(
      JSON.stringify({
        items: [
          { i: 1, label: "negative", confidence: 0.9 },
          { i: 2, label: "mixed", confidence: 0.5 },
          { i: 3, label: "positive", confidence: 1.5e3 },
          { i: 4, label: "positive", confidence: 0.9 },
          { i: 4, label: "negative", confidence: 0.9 },
          { i: 5, label: "neutral" },
          { i: 7, label: "positive", confidence: 1 },
          { i: true, label: "positive", confidence: 1 },
        ],
      }),
      [1, 2, 3, 4, 5, 6],
    );
    if (!answer.ok) throw new Error("expected ok");
    expect([...answer.items.keys()]).toEqual([1]);
    expect(Object.fromEntries(answer.problems)).toEqual({
      2: expect.stringMatching(/^invalid answer: label/),
      3: expect.stringMatching(/^invalid answer: confidence/),
      4: "answered twice with different labels",
      5: expect.stringMatching(/^invalid answer: confidence/),
      6: "not answered",
    });
  });

  it("an answer that is not JSON or has no items fails as a whole", () => {
    expect(parseClassificationAnswer("negative, positive", [1])).toEqual({ ok: false, error: "the answer is not JSON" });
    expect(parseClassificationAnswer('{"labels":["negative"]}', [1])).toEqual({ ok: false, error: 'the answer has no "items" array' });
  });
});
