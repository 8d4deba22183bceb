import { type TClassifier, type TClassifyInput, builtInClassifier } from "../../classification/classifier.ts";
import { loadSentimentModel } from "../../classification/sentiment-model.ts";

/**
 * Title + snippet sentiment (SERM.md §1.1 step 4), the weakest candidate of a result's
 * tonality, through the one classification interface. Read as a news-like text about the brand
 * (the model reads the clauses that name it); the confidence is kept, and below 0.7 the result
 * goes to review.
 */
export type TSnippetClassifier = {
  classifyBatch(inputs: readonly TClassifyInput[]): Promise<readonly { label: "positive" | "neutral" | "negative"; confidence: number }[]>;
};
export type TSnippetLabel = { textLabel: "positive" | "neutral" | "negative"; textConfidence: number };

let builtIn: TClassifier | undefined;

/** The built-in model, loaded once per process. */
export function defaultSnippetClassifier(): TClassifier {
  builtIn ??= builtInClassifier(loadSentimentModel());
  return builtIn;
}

export async function classifySnippets(classifier: TSnippetClassifier, brand: string, results: readonly { title: string; snippet: string }[]): Promise<TSnippetLabel[]> {
  if (results.length === 0) return [];
  const verdicts = await classifier.classifyBatch(results.map((r) => ({ text: [r.title, r.snippet].filter((s) => s.trim() !== "").join(". "), brand, domain: "news" })));
  return verdicts.map((v) => ({ textLabel: v.label, textConfidence: v.confidence }));
}
