import { builtInClassifier } from "../classification/classifier.ts";
import { loadSentimentModel } from "../classification/sentiment-model.ts";
import type { TIngestClassifier } from "./ingest-batch.ts";

/**
 * The classifier the pipeline uses for every brand: the committed built-in model, loaded once
 * per process. A brand-level choice of an external provider (with this as its fallback) plugs
 * in here.
 */
export async function defaultIngestClassifier(): Promise<TIngestClassifier> {
  return builtInClassifier(loadSentimentModel());
}
