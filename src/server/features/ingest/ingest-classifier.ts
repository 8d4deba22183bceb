import type { TIngestClassifier } from "./ingest-batch.ts";

/**
 * The classifier the pipeline uses for every brand. Until the built-in sentiment model is
 * wired in, mentions are stored unlabelled (sentiment null) rather than with a made-up label.
 */
export async function defaultIngestClassifier(): Promise<TIngestClassifier> {
  return { id: "none", version: "0", classifyBatch: async () => [] };
}
