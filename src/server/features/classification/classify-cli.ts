/**
 * `repute sentiment classify`: one input line → one JSONL output line, in order. A line is plain
 * text, or (when it starts with "{") a JSON object `{"text": …, "rating"?: {"value", "scale"},
 * "brand"?: …, "lang"?: …}`. A line that starts with "{" but is not a valid object with a string
 * `text` yields `{"error": …}` and the stream goes on. Empty lines are classified as empty text
 * (every input line gets an output line, so outputs can be pasted next to inputs).
 */
import type { TClassifyInput, TSentimentModel, TSentimentResult } from "./sentiment-model.ts";

export async function* classifyLines(lines: AsyncIterable<string>, model: TSentimentModel): AsyncIterable<string> {
  for await (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const input = parseLine(line);
    if ("error" in input) {
      yield JSON.stringify({ error: input.error });
      continue;
    }
    yield formatResult(model.classify(input));
  }
}

function parseLine(line: string): TClassifyInput | { error: string } {
  if (!line.trimStart().startsWith("{")) return { text: line };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `invalid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { error: "expected a JSON object" };
  const record = value as Record<string, unknown>;
  if (typeof record.text !== "string") return { error: 'the object needs a string "text"' };
  const input: TClassifyInput = { text: record.text };
  const rating = record.rating;
  if (rating !== undefined && rating !== null) {
    if (typeof rating === "number") input.rating = { value: rating, scale: 5 };
    else if (typeof rating === "object" && typeof (rating as Record<string, unknown>).value === "number") {
      const r = rating as Record<string, unknown>;
      input.rating = { value: r.value as number, scale: typeof r.scale === "number" ? r.scale : 5 };
    } else return { error: 'rating must be a number (of 5) or {"value", "scale"}' };
  }
  if (typeof record.brand === "string" && record.brand !== "") input.brand = record.brand;
  if (typeof record.lang === "string") input.lang = record.lang;
  return input;
}

/** Fixed key order and 4 decimals, so output is stable and diffable. */
export function formatResult(result: TSentimentResult): string {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return JSON.stringify({
    label: result.label,
    confidence: r(result.confidence),
    scores: { positive: r(result.scores.positive), neutral: r(result.scores.neutral), negative: r(result.scores.negative) },
  });
}
