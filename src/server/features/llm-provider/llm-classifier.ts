import type { TClassifier, TClassifyInput, TSentimentResult } from "../classification/classifier.ts";
import { ratingLabel } from "../classification/sentiment-model.ts";
import type { TLogger } from "../../lib/logger.ts";
import { type TAnswerItem, parseClassificationAnswer } from "./classify-answer.ts";
import { type TPromptItem, classificationMaxTokens, classificationMessages } from "./classify-prompt.ts";
import { type TChatCompletion, type TLlmFetch, createChatCompletion } from "./chat-completions.ts";
import { LlmProviderError, type TLlmErrorKind, errorText } from "./llm-provider-error.ts";
import type { TLlmProviderConfig } from "./llm-provider-config.ts";
import { isOutage, pauseAfter } from "./pause-policy.ts";
import { type TProviderGate, gateKey, sharedProviderGate } from "./provider-gate.ts";
import { newFence } from "./untrusted-text.ts";

/**
 * Sentiment from an LLM, with the built-in classifier behind it. Mentions go to the provider in
 * prompts of `batchSize` numbered items; every item the provider does not label properly — an
 * error, a timeout, an answer that is not JSON, a missing number, a label outside the three —
 * is labelled by the fallback instead, in one call for the whole batch. Nothing the provider
 * does makes `classifyBatch` throw.
 *
 * Star ratings keep the last word, as in the built-in model: an item whose rating decides
 * (≤ 2 or ≥ 4 of 5, see `ratingLabel`) is not sent to the provider at all and gets the
 * fallback's label, which applies the same rule. A middling rating goes along as a hint.
 */
export type TLlmDeps = {
  fetch: TLlmFetch;
  /** Concurrency, pauses and JSON-mode support per endpoint; the process-wide one by default. */
  gate?: TProviderGate;
  now?: () => number;
  logger?: TLogger;
};

export type TFallbackReason =
  /** The rating decides (see above): the provider was not asked. */
  | "rating"
  /** Nothing to read. */
  | "empty_text"
  /** The endpoint is paused after an earlier failure (see pause-policy.ts). */
  | "paused"
  /** The request failed: auth, rate_limited, timeout, upstream, … */
  | TLlmErrorKind
  /** The answer as a whole was unusable (not JSON, no items). */
  | "invalid_answer"
  /** The answer lacked this item, or its entry was invalid (label outside the set, …). */
  | "invalid_item"
  /** Not an LlmProviderError: a bug, logged. */
  | "unexpected";

/** A result and who produced it; `TSentimentResult` itself stays as the pipeline knows it. */
export type TLlmClassification = {
  result: TSentimentResult;
  producedBy: "llm" | "builtin";
  /** `<id>@<version>` of what produced this label, for the mention's `sentiment_model`: `llm@gpt-4o-mini-2024-07-18`, `builtin@3f2a…`. */
  model: string;
  /** Why the fallback labelled it (only when producedBy is "builtin"). */
  fallbackReason?: TFallbackReason;
  /** What went wrong with the provider, for logs and a source-health style display. */
  error?: string;
};

export type TLlmClassifier = TClassifier & {
  /** As `classifyBatch`, with each result's provenance. */
  classifyDetailed(inputs: readonly TClassifyInput[]): Promise<TLlmClassification[]>;
};

type TFailure = { reason: TFallbackReason; error?: string };
type TChunkOutcome = Map<number, { answer: TAnswerItem; model: string } | TFailure>;

export const LLM_CLASSIFIER_ID = "llm";

export function llmClassifier(config: TLlmProviderConfig, fallback: TClassifier, deps: TLlmDeps): TLlmClassifier {
  const gate = deps.gate ?? sharedProviderGate;
  const now = deps.now ?? Date.now;
  const key = gateKey(config);
  const fallbackModel = `${fallback.id}@${fallback.version}`;

  async function classifyDetailed(inputs: readonly TClassifyInput[]): Promise<TLlmClassification[]> {
    const failures = new Map<number, TFailure>();
    const pending: number[] = [];
    for (const [index, input] of inputs.entries()) {
      if (ratingLabel(input.rating) !== null) failures.set(index, { reason: "rating" });
      else if (input.text.trim() === "") failures.set(index, { reason: "empty_text" });
      else pending.push(index);
    }

    const chunks: number[][] = [];
    for (let start = 0; start < pending.length; start += config.batchSize) chunks.push(pending.slice(start, start + config.batchSize));
    const outcomes = await Promise.all(chunks.map((chunk) => gate.run(key, config.maxConcurrency, () => classifyChunk(inputs, chunk))));

    const out: (TLlmClassification | undefined)[] = new Array(inputs.length);
    for (const outcome of outcomes) {
      for (const [index, value] of outcome) {
        if ("answer" in value) out[index] = { result: toResult(value.answer), producedBy: "llm", model: value.model };
        else failures.set(index, value);
      }
    }

    const fallbackIndices = [...failures.keys()].sort((a, b) => a - b);
    if (fallbackIndices.length > 0) {
      const results = await fallback.classifyBatch(fallbackIndices.map((index) => inputs[index] as TClassifyInput));
      for (const [n, index] of fallbackIndices.entries()) {
        const failure = failures.get(index) as TFailure;
        const result = results[n] as TSentimentResult;
        out[index] = { result, producedBy: "builtin", model: fallbackModel, fallbackReason: failure.reason, ...(failure.error ? { error: failure.error } : {}) };
      }
    }
    logFallbacks(failures);
    return out as TLlmClassification[];
  }

  /** One prompt's items (global indices); a context-length refusal splits it in halves. */
  async function classifyChunk(inputs: readonly TClassifyInput[], chunk: readonly number[]): Promise<TChunkOutcome> {
    const pausedUntil = gate.pausedUntil(key);
    if (pausedUntil > now()) return failAll(chunk, { reason: "paused", error: `the provider is paused until ${new Date(pausedUntil).toISOString()}` });

    const items: TPromptItem[] = chunk.map((index, n) => ({ i: n + 1, input: inputs[index] as TClassifyInput }));
    let completion: TChatCompletion;
    try {
      completion = await complete(items);
      gate.recordSuccess(key);
    } catch (error) {
      if (!(error instanceof LlmProviderError)) {
        deps.logger?.error({ err: error, provider: config.baseUrl }, "LLM classification failed unexpectedly");
        return failAll(chunk, { reason: "unexpected", error: errorText(error, config.apiKey) });
      }
      if (error.kind === "context_length" && chunk.length > 1) {
        const half = Math.ceil(chunk.length / 2);
        const [a, b] = [await classifyChunk(inputs, chunk.slice(0, half)), await classifyChunk(inputs, chunk.slice(half))];
        return new Map([...a, ...b]);
      }
      const pause = pauseAfter(error, isOutage(error) ? gate.recordFailure(key) : 0);
      if (pause !== null) gate.pause(key, now() + pause);
      return failAll(chunk, { reason: error.kind, error: error.message });
    }

    const answer = parseClassificationAnswer(
      completion.content,
      items.map((item) => item.i),
    );
    const cut = completion.finishReason === "length" ? " (the answer was cut at max_tokens)" : "";
    if (!answer.ok) return failAll(chunk, { reason: "invalid_answer", error: `${answer.error}${cut}` });
    const outcome: TChunkOutcome = new Map();
    const model = `${LLM_CLASSIFIER_ID}@${completion.model}`;
    for (const [n, index] of chunk.entries()) {
      const item = answer.items.get(n + 1);
      outcome.set(index, item ? { answer: item, model } : { reason: "invalid_item", error: `${answer.problems.get(n + 1) ?? "not answered"}${cut}` });
    }
    return outcome;
  }

  /** The request, asked again without `response_format` if the server refuses JSON mode. */
  async function complete(items: readonly TPromptItem[]): Promise<TChatCompletion> {
    const ask = (jsonObject: boolean) =>
      createChatCompletion(
        config,
        {
          messages: classificationMessages(items, newFence("ITEMS")),
          temperature: 0,
          maxTokens: classificationMaxTokens(items.length),
          jsonObject,
        },
        deps.fetch,
      );
    const jsonMode = config.jsonMode && !gate.rejectsJsonMode(key);
    try {
      return await ask(jsonMode);
    } catch (error) {
      if (!(jsonMode && error instanceof LlmProviderError && error.kind === "json_mode_unsupported")) throw error;
      gate.markJsonModeRejected(key);
      return ask(false);
    }
  }

  function logFallbacks(failures: ReadonlyMap<number, TFailure>): void {
    if (!deps.logger) return;
    const counts: Record<string, number> = {};
    let firstError: string | undefined;
    for (const { reason, error } of failures.values()) {
      if (reason === "rating" || reason === "empty_text") continue;
      counts[reason] = (counts[reason] ?? 0) + 1;
      firstError ??= error;
    }
    if (Object.keys(counts).length > 0) deps.logger.warn({ provider: new URL(config.baseUrl).host, model: config.model, fallbacks: counts, error: firstError }, "LLM classification fell back to the built-in model");
  }

  return {
    id: LLM_CLASSIFIER_ID,
    // Labels carry their own model in classifyDetailed; a caller that stores one tag per batch gets both.
    version: `${config.model}+${fallbackModel}`,
    classifyDetailed,
    async classifyBatch(inputs) {
      return (await classifyDetailed(inputs)).map((c) => c.result);
    },
  };
}

function failAll(chunk: readonly number[], failure: TFailure): TChunkOutcome {
  return new Map(chunk.map((index) => [index, failure]));
}

/**
 * The model's label with its stated confidence, the rest shared by the other two classes.
 * Self-reported confidence is not calibrated like the built-in model's; it is kept (at least
 * 1/3, so the label is never outscored) because it is all the provider gives.
 */
function toResult({ label, confidence }: TAnswerItem): TSentimentResult {
  const c = Math.max(1 / 3, Math.min(1, confidence));
  const rest = (1 - c) / 2;
  return {
    label,
    confidence: c,
    scores: { negative: label === "negative" ? c : rest, neutral: label === "neutral" ? c : rest, positive: label === "positive" ? c : rest },
  };
}
