import type { TConfig } from "../../config.ts";
import type { TExecutor } from "../../context.ts";
import type { TIngestClassifier } from "../ingest/ingest-batch.ts";
import { llmFetch } from "../llm-provider/chat-completions.ts";
import { llmClassifier } from "../llm-provider/llm-classifier.ts";
import { isLlmEnabled, llmProviderConfigSchema } from "../llm-provider/llm-provider-config.ts";
import { type TBrandAdaptation, classifyAdapted, decodeAdaptation } from "./brand-adaptation.ts";
import type { TClassifier } from "./classifier.ts";
import { brandClassifierRow, brandClassifierStamp } from "./queries.ts";
import { type TSentimentModel, loadSentimentModel } from "./sentiment-model.ts";

/**
 * The built-in model as one brand sees it: with the adjustment its specialists' corrections
 * taught it (features/classification/brand-adaptation.ts). Decoded adjustments are cached per
 * process and re-read when the brand's row changes; a brand without corrections gets the base
 * classifier itself. Only the built-in model is adapted: a test or external classifier passes
 * through untouched. A brand that enabled an OpenAI-compatible provider gets it, with the
 * (adapted) built-in model as the fallback for every item the provider fails on.
 */
const SLICE = 2_000;
const cache = new Map<string, { stamp: string; adaptation: TBrandAdaptation | null; provider: unknown }>();

async function brandState(db: TExecutor, brandId: string, model: TSentimentModel) {
  const stamp = await brandClassifierStamp(db, brandId);
  if (!stamp) return { adaptation: null, provider: null };
  const cached = cache.get(brandId);
  if (cached?.stamp === stamp) return cached;
  const row = await brandClassifierRow(db, brandId);
  const adaptation = row?.adaptation && row.baseModel === model.version ? decodeAdaptation(row.adaptation) : null;
  const state = { stamp, adaptation, provider: row?.provider ?? null };
  cache.set(brandId, state);
  return state;
}

export async function brandAdaptation(db: TExecutor, brandId: string, model: TSentimentModel): Promise<TBrandAdaptation | null> {
  return (await brandState(db, brandId, model)).adaptation;
}

export async function classifierForBrand(
  db: TExecutor,
  brandId: string,
  base: TIngestClassifier,
  config: Pick<TConfig, "fetchContactUrl" | "fetchAllowLoopback">,
  model: TSentimentModel = loadSentimentModel(),
): Promise<TIngestClassifier> {
  if (base.id !== "builtin" || base.version !== model.version) return base;
  const { adaptation, provider } = await brandState(db, brandId, model);
  const builtin = adaptation && adaptation.corrections > 0 ? adapted(model, adaptation) : (base as TClassifier);
  const parsed = llmProviderConfigSchema.safeParse(provider);
  if (parsed.success && isLlmEnabled(parsed.data)) return llmClassifier(parsed.data, builtin, { fetch: llmFetch(config) });
  return builtin;
}

function adapted(model: TSentimentModel, adaptation: TBrandAdaptation): TClassifier {
  return {
    id: "builtin",
    version: `${model.version}+brand.${adaptation.corrections}`,
    async classifyBatch(inputs) {
      const results = [];
      for (let i = 0; i < inputs.length; i++) {
        if (i > 0 && i % SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        results.push(classifyAdapted(model, adaptation, inputs[i] as (typeof inputs)[number]));
      }
      return results;
    },
  };
}
