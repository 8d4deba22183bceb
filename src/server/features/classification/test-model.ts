/** A small synthetic model for unit tests that must not depend on the trained weights. */
import { DEFAULT_FEATURES } from "./features.ts";
import { decodeModel, encodeModel, type TModelHeader } from "./model-file.ts";
import { createSentimentModel, type TSentimentModel } from "./sentiment-model.ts";

export function syntheticModelBytes(seed = 1): Buffer {
  const features = { ...DEFAULT_FEATURES, bits: 10 };
  const header: TModelHeader = {
    format: 1,
    classes: ["negative", "neutral", "positive"],
    features,
    scale: 0.05,
    bias: [0, 0.2, 0],
    idfScale: 0,
    temperature: 1,
    domains: { default: [0, 0, 0] },
    genres: { social: { ru: "default", en: "default" } },
    defaultGenre: "social",
    domainAdaptation: false,
    irony: true,
    training: { synthetic: true },
  };
  let state = seed >>> 0;
  const weights = Int8Array.from({ length: (1 << features.bits) * 3 }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 24) - 128;
  });
  return encodeModel(header, weights);
}

export function syntheticModel(seed = 1): TSentimentModel {
  return createSentimentModel(decodeModel(syntheticModelBytes(seed)));
}
