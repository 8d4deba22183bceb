import type { TAppContext } from "../../../context.ts";
import { findConnector } from "../../../connectors/registry.ts";
import { AppError, conflict, forbidden, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { negativeType } from "../../classification/negative-types.ts";
import { llmFetch } from "../../llm-provider/chat-completions.ts";
import { draftReply } from "../../llm-provider/draft-reply.ts";
import { LlmProviderError } from "../../llm-provider/llm-provider-error.ts";
import { isLlmEnabled, llmProviderConfigSchema } from "../../llm-provider/llm-provider-config.ts";
import { auditActorOf, caseActorOf, isAgencyRole } from "../case-actor.ts";
import { brandInfo, brandProviderSettings, caseWithMention } from "../queries.ts";
import { MAX_RESPONSE_LENGTH } from "./add-response-version.ts";

/**
 * An AI draft of the response, when the brand has an OpenAI-compatible provider configured and
 * enabled: a proposal for a person to edit, never stored as a version or published by itself.
 * Without a provider: 409 saying so. The mention's text goes to the provider, so each draft is
 * in the audit log.
 */
export type TDraftRequest = { lang?: "ru" | "en"; tone?: string; template?: string; maxLength?: number };

const DEFAULT_MAX_LENGTH = 1500;

export async function draftResponseWithAi(app: TAppContext, auth: TAuth, brandId: string, caseId: string, request: TDraftRequest) {
  const actor = caseActorOf(auth, brandId);
  if (!isAgencyRole(actor.role)) throw forbidden("Only the agency's roles draft responses");
  const row = await caseWithMention(app.db, brandId, caseId);
  if (!row) throw notFound("No such case");
  const parsed = llmProviderConfigSchema.safeParse(await brandProviderSettings(app.db, brandId));
  if (!parsed.success || !isLlmEnabled(parsed.data)) {
    throw conflict("No AI provider is configured for this brand: an admin sets an OpenAI-compatible endpoint in the brand's classification settings. Write the response yourself, or start from a template.");
  }
  const brand = await brandInfo(app.db, brandId);
  const m = row.m;
  const platformLimit = m.sourceConnector ? findConnector(m.sourceConnector)?.replyMaxLength : undefined;
  const maxLength = Math.max(50, Math.min(request.maxLength ?? platformLimit ?? DEFAULT_MAX_LENGTH, platformLimit ?? MAX_RESPONSE_LENGTH, MAX_RESPONSE_LENGTH));
  const lang = request.lang ?? (m.lang === "en" || (m.lang === null && !/[а-яё]/i.test(m.text)) ? "en" : "ru");
  try {
    const draft = await draftReply(
      parsed.data,
      {
        brandName: brand?.name ?? "",
        lang,
        mentionText: [m.title, m.text].filter(Boolean).join("\n") || "(empty)",
        authorName: m.authorName?.trim() || undefined,
        negativeType: m.negativeType ? negativeType(m.negativeType).title.en : m.sentiment === "positive" ? "positive feedback: thank the author" : undefined,
        template: request.template?.trim() || undefined,
        tone: request.tone?.trim() || undefined,
        maxLength,
      },
      { fetch: llmFetch(app.config), logger: app.logger },
    );
    await recordAudit(app.db, {
      workspaceId: auth.workspaceId,
      actor: auditActorOf(actor),
      action: "case.ai_draft",
      objectType: "case",
      objectId: caseId,
      brandId,
      details: { model: draft.model, length: Array.from(draft.text).length, truncated: draft.truncated },
    });
    return { text: draft.text, model: draft.model, truncated: draft.truncated, lang, maxLength };
  } catch (error) {
    if (!(error instanceof LlmProviderError)) throw error;
    if (error.kind === "rate_limited") {
      throw new AppError("rate_limited", `The AI provider asks to wait: ${error.message}`, { retryAfterSeconds: error.details.retryAfterSeconds ?? 30 });
    }
    throw new AppError("unavailable", `The AI provider failed (${error.kind}): ${error.message}`);
  }
}
