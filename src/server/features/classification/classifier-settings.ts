import type { TAppContext } from "../../context.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { LLM_SECRET_FIELDS, type TLlmProviderConfig, llmProviderConfigSchema } from "../llm-provider/llm-provider-config.ts";
import { maskSecrets, mergeSecrets } from "../sources/source-secrets.ts";
import { forbidden, invalid } from "../../lib/errors.ts";
import { brandClassifierRow, lockBrandClassifier, saveBrandClassifier } from "./queries.ts";
import { loadSentimentModel } from "./sentiment-model.ts";

/**
 * A brand's classification settings: the optional OpenAI-compatible provider (off by default;
 * the key is never shown back — a masked key sent back keeps the stored one) and the state of
 * the per-brand adjustment learnt from corrections, which an admin can reset.
 */
export async function classifierSettings(app: TAppContext, brandId: string) {
  const row = await brandClassifierRow(app.db, brandId);
  const model = loadSentimentModel();
  const provider = row?.provider ? maskSecrets(row.provider, LLM_SECRET_FIELDS) : null;
  return {
    builtin: { version: model.version },
    adaptation: { corrections: row?.adaptation && row.baseModel === model.version ? row.corrections : 0, baseModel: row?.baseModel ?? null, updatedAt: row?.updatedAt.toISOString() ?? null },
    provider,
    secretFields: [...LLM_SECRET_FIELDS],
  };
}

export async function updateProviderSettings(app: TAppContext, auth: TAuth, brandId: string, input: Record<string, unknown> | null, now = new Date()) {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles change classification settings");
  await app.db.transaction(async (tx) => {
    const row = await lockBrandClassifier(tx, brandId);
    let provider: TLlmProviderConfig | null = null;
    if (input) {
      const merged = row?.provider ? mergeSecrets(input, row.provider, LLM_SECRET_FIELDS) : input;
      const parsed = llmProviderConfigSchema.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(`provider.${issue?.path.join(".") ?? ""}`, issue?.message ?? "invalid");
      }
      provider = parsed.data;
    }
    await saveBrandClassifier(tx, brandId, { provider }, now);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "classification.provider_updated",
      objectType: "brand",
      objectId: brandId,
      brandId,
      details: provider ? { enabled: provider.enabled, baseUrl: provider.baseUrl, model: provider.model } : { removed: true },
    });
  });
  return classifierSettings(app, brandId);
}

export async function resetAdaptation(app: TAppContext, auth: TAuth, brandId: string, now = new Date()) {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles reset the adjustment");
  await app.db.transaction(async (tx) => {
    await lockBrandClassifier(tx, brandId);
    await saveBrandClassifier(tx, brandId, { adaptation: null, baseModel: null, corrections: 0 }, now);
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "classification.adaptation_reset", objectType: "brand", objectId: brandId, brandId, details: {} });
  });
  return classifierSettings(app, brandId);
}
