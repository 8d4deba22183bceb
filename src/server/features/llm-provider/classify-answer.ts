import { z } from "zod";
import { SENTIMENT_LABELS, type TSentimentLabel } from "../classification/sentiment-model.ts";
import { stripCodeFences } from "./markdown-fence.ts";

/**
 * Reads the model's answer to a classification prompt. The document must be JSON with an
 * `items` array; each entry is checked on its own, so one bad entry costs that item only.
 * An item is usable when its `i` was asked for, its label is one of the three (any case), and
 * its confidence is a number in [0, 1] (or a percentage in (1, 100], as some models write).
 */
export type TAnswerItem = { label: TSentimentLabel; confidence: number };

export type TClassificationAnswer =
  | { ok: true; items: Map<number, TAnswerItem>; /** Item number → why it has no usable answer. */ problems: Map<number, string> }
  | { ok: false; error: string };

const documentSchema = z.union([z.object({ items: z.array(z.unknown()) }), z.array(z.unknown()).transform((items) => ({ items }))]);

const itemSchema = z.object({
  i: z.union([z.number().int(), z.string().regex(/^\s*\d+\s*$/).transform(Number)]),
  label: z
    .string()
    .transform((label) => label.trim().toLowerCase())
    .pipe(z.enum(SENTIMENT_LABELS)),
  confidence: z
    .union([z.number(), z.string().regex(/^\s*\d+(\.\d+)?\s*$/).transform(Number)])
    .transform((c) => (c > 1 && c <= 100 ? c / 100 : c))
    .pipe(z.number().min(0).max(1)),
});

export function parseClassificationAnswer(content: string, asked: readonly number[]): TClassificationAnswer {
  const json = parseJson(stripCodeFences(content));
  if (json === undefined) return { ok: false, error: "the answer is not JSON" };
  const document = documentSchema.safeParse(json);
  if (!document.success) return { ok: false, error: 'the answer has no "items" array' };

  const wanted = new Set(asked);
  const items = new Map<number, TAnswerItem>();
  const problems = new Map<number, string>();
  for (const entry of document.data.items) {
    const index = indexOf(entry);
    if (index === undefined || !wanted.has(index)) continue; // an item we did not ask about
    const parsed = itemSchema.safeParse(entry);
    if (!parsed.success) {
      if (!items.has(index)) problems.set(index, `invalid answer: ${describe(parsed.error)}`);
      continue;
    }
    const previous = items.get(index);
    if (previous && previous.label !== parsed.data.label) {
      items.delete(index);
      problems.set(index, "answered twice with different labels");
      wanted.delete(index); // a third answer does not settle it
      continue;
    }
    if (!previous && !problems.has(index)) items.set(index, { label: parsed.data.label, confidence: parsed.data.confidence });
  }
  for (const index of asked) if (!items.has(index) && !problems.has(index)) problems.set(index, "not answered");
  return { ok: true, items, problems };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Prose around the object ("Here are the labels: {…}"): the outermost braces, once.
    const start = text.indexOf("{");
    const end = text.lastIndexOf("}");
    if (start < 0 || end <= start) return undefined;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      return undefined;
    }
  }
}

function indexOf(entry: unknown): number | undefined {
  if (typeof entry !== "object" || entry === null || !("i" in entry)) return undefined;
  const raw = (entry as { i: unknown }).i;
  const i = typeof raw === "number" || typeof raw === "string" ? Number(raw) : Number.NaN;
  return Number.isInteger(i) ? i : undefined;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "item"}: ${issue.message}` : "unreadable";
}
