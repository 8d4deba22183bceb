import { describe, expect, it } from "vitest";
import { classifyLines, formatResult } from "./classify-cli.ts";
import { syntheticModel } from "./test-model.ts";

const model = syntheticModel();

async function* from(lines: string[]): AsyncIterable<string> {
  for (const line of lines) yield line;
}

async function run(lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const line of classifyLines(from(lines), model)) out.push(line);
  return out;
}

describe("classifyLines", () => {
  it("answers every line in order, plain text and JSONL alike", async () => {
    const lines = ["Отличный сервис", '{"text": "Отличный сервис"}', "terrible", '{"text": "ok", "rating": {"value": 1, "scale": 5}}', ""];
    const out = await run(lines);
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toBe(out[1]);
    expect(out[0]).toBe(formatResult(model.classify({ text: "Отличный сервис" })));
    expect(out[2]).toBe(formatResult(model.classify({ text: "terrible" })));
    expect(JSON.parse(out[3] as string).label).toBe("negative");
    for (const line of out) {
      const parsed = JSON.parse(line) as { label: string; confidence: number; scores: { positive: number; neutral: number; negative: number } };
      expect(Object.keys(parsed)).toEqual(["label", "confidence", "scores"]);
      expect(Object.keys(parsed.scores)).toEqual(["positive", "neutral", "negative"]);
      expect(parsed.scores.positive + parsed.scores.neutral + parsed.scores.negative).toBeCloseTo(1, 3);
    }
  });

  it("takes a bare number as stars of 5, and passes brand and lang", async () => {
    const [five, one] = await run(['{"text": "ужасно", "rating": 5}', '{"text": "great", "rating": 1}']);
    expect(JSON.parse(five as string).label).toBe("positive");
    expect(JSON.parse(one as string).label).toBe("negative");
    const [windowed] = await run(['{"text": "Сбер отличный банк, а ВТБ ужасный", "brand": "ВТБ"}']);
    expect(windowed).toBe(formatResult(model.classify({ text: "а ВТБ ужасный" })));
  });

  it("reports an invalid object line as an error and goes on", async () => {
    const out = await run(['{"text": "unterminated', "fine", '{"rating": 3}', '{"text": 5}', "[1,2]", '{"text": "x", "rating": "five"}', "after"]);
    expect(out).toHaveLength(7);
    expect(JSON.parse(out[0] as string)).toEqual({ error: expect.stringMatching(/^invalid JSON/) });
    expect(JSON.parse(out[1] as string).label).toBeDefined();
    expect(JSON.parse(out[2] as string).error).toMatch(/text/);
    expect(JSON.parse(out[3] as string).error).toMatch(/text/);
    // "[1,2]" does not start with "{": it is plain text.
    expect(JSON.parse(out[4] as string).label).toBeDefined();
    expect(JSON.parse(out[5] as string).error).toMatch(/rating/);
    expect(JSON.parse(out[6] as string).label).toBeDefined();
  });

  it("strips a trailing carriage return (CRLF input)", async () => {
    const [crlf, lf] = await run(["плохо\r", "плохо"]);
    expect(crlf).toBe(lf);
  });
});
