/**
 * The one interface the ingest pipeline classifies through. The built-in model is one
 * implementation; an external provider (an OpenAI-compatible endpoint, later) is another, with
 * the built-in model as its fallback.
 */
import type { TClassifyInput, TSentimentModel, TSentimentResult } from "./sentiment-model.ts";

export type { TClassifyInput, TSentimentResult } from "./sentiment-model.ts";

export type TClassifier = {
  /** Stable name of the implementation, stored with every machine label ("builtin", …). */
  id: string;
  /** Version of the model behind it (for the built-in model, a hash of the model file). */
  version: string;
  /** One result per input, in order. */
  classifyBatch(inputs: readonly TClassifyInput[]): Promise<TSentimentResult[]>;
};

/** Texts classified between yields to the event loop, so a large batch does not stall the server. */
const SLICE = 2_000;

export function builtInClassifier(model: TSentimentModel): TClassifier {
  return {
    id: "builtin",
    version: model.version,
    async classifyBatch(inputs) {
      const results: TSentimentResult[] = [];
      for (let i = 0; i < inputs.length; i++) {
        if (i > 0 && i % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        results.push(model.classify(inputs[i] as TClassifyInput));
      }
      return results;
    },
  };
}
