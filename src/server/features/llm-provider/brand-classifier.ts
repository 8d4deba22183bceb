import type { TClassifier } from "../classification/classifier.ts";
import { type TLlmDeps, llmClassifier } from "./llm-classifier.ts";
import { type TLlmProviderConfig, isLlmEnabled } from "./llm-provider-config.ts";

/**
 * The classifier for a brand: its LLM provider with the built-in model behind it when the brand
 * has one configured and enabled, the built-in model alone otherwise (the default).
 */
export function classifierForBrand(config: TLlmProviderConfig | null | undefined, builtin: TClassifier, deps: TLlmDeps): TClassifier {
  return isLlmEnabled(config) ? llmClassifier(config, builtin, deps) : builtin;
}
