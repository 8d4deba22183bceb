import { type TChatUsage, createChatCompletion } from "./chat-completions.ts";
import type { TLlmDeps } from "./llm-classifier.ts";
import { LlmProviderError } from "./llm-provider-error.ts";
import type { TLlmProviderConfig } from "./llm-provider-config.ts";
import { isOutage, pauseAfter } from "./pause-policy.ts";
import { gateKey, sharedProviderGate } from "./provider-gate.ts";
import { type TDraftReplyInput, draftReplyInputSchema, replyMaxTokens, replyMessages } from "./reply-prompt.ts";
import { sanitizeDraft } from "./sanitize-draft.ts";
import { newFence } from "./untrusted-text.ts";

/**
 * A reply draft for a mention: a proposal a person edits and publishes, never published by
 * this code. One request, no fallback: when the provider fails, the caller shows the
 * `LlmProviderError` (its kind and Retry-After) and the person writes the reply themselves.
 * The draft request takes a concurrency slot like classification does, but ignores a pause:
 * a person asked, and one request tells them the provider's real answer.
 */
export type TReplyDraft = {
  text: string;
  /** The model that answered, as the provider names it. */
  model: string;
  usage: TChatUsage | null;
  /** Cut to the platform's limit, or back to the last full sentence when the model ran out of tokens. */
  truncated: boolean;
};

export async function draftReply(config: TLlmProviderConfig, input: TDraftReplyInput, deps: TLlmDeps): Promise<TReplyDraft> {
  const valid = draftReplyInputSchema.parse(input);
  const gate = deps.gate ?? sharedProviderGate;
  const key = gateKey(config);
  const now = deps.now ?? Date.now;
  const fence = newFence("MENTION");
  const completion = await gate.run(key, config.maxConcurrency, async () => {
    try {
      const answer = await createChatCompletion(
        config,
        { messages: replyMessages(valid, fence), temperature: 0.4, maxTokens: replyMaxTokens(valid.maxLength), jsonObject: false },
        deps.fetch,
      );
      gate.recordSuccess(key);
      return answer;
    } catch (error) {
      if (error instanceof LlmProviderError) {
        const pause = pauseAfter(error, isOutage(error) ? gate.recordFailure(key) : 0);
        if (pause !== null) gate.pause(key, now() + pause);
      }
      throw error;
    }
  });
  const draft = sanitizeDraft(completion.content, valid.maxLength, { cutMidSentence: completion.finishReason === "length" });
  if (draft.text === "") throw new LlmProviderError("empty", "the model's reply was empty after clean-up");
  return { text: draft.text, model: completion.model, usage: completion.usage, truncated: draft.truncated };
}
