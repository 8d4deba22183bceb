import type { TAppContext } from "../../context.ts";
import type { TKeptVariant, TRuleGroup } from "../../db/schema/monitoring.ts";
import { AppError, forbidden, notFound } from "../../lib/errors.ts";
import type { TAuth } from "../accounts/access.ts";
import { canWorkOnBrand } from "../accounts/permissions.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import { type TPreviewInput, previewRule } from "./preview-rule.ts";
import { countRuleMatches, deleteRule, findBrandRule, insertRule, listBrandRules, ruleMatchCounts, type TRuleRow, updateRuleTouched } from "./queries.ts";
import { compileQuery } from "./query-matcher.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";
import { generateVariants, variantQueryTerm } from "./variants.ts";

/**
 * A brand's semantic core: rules in groups, each a query plus the spelling variants the
 * specialist kept. Every change moves `updated_at`, which is what tells the ingest workers'
 * matcher cache to recompile.
 */
export type TRuleView = {
  id: string;
  brandId: string;
  group: TRuleGroup;
  name: string;
  query: string;
  variants: TKeptVariant[];
  enabled: boolean;
  /** Stored mentions whose recorded hits include this rule. */
  matchedMentions: number;
  createdAt: string;
  updatedAt: string;
};

export type TRuleInput = { group: TRuleGroup; name: string; query: string; variants?: TKeptVariant[]; enabled?: boolean };

const present = (row: TRuleRow, counts: Map<string, number>): TRuleView => ({
  id: row.id,
  brandId: row.brandId,
  group: row.group,
  name: row.name,
  query: row.query,
  variants: row.variants,
  enabled: row.enabled,
  matchedMentions: counts.get(row.id) ?? 0,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

function requireWork(auth: TAuth, brandId: string): void {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles edit the semantic core");
}

/** A 400 naming the field, with the parser's position and expectation in the message. */
function syntaxFailure(path: string, error: QuerySyntaxError): AppError {
  const message = `${error.message} (column ${error.column})`;
  return new AppError("validation_failed", `${path}: ${message}`, { fields: [{ path, message }] });
}

/** Parses the query and each variant term, as the matcher will; throws a field error if one fails. */
export function checkRuleSyntax(query: string, variants: readonly TKeptVariant[]): void {
  try {
    compileQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw syntaxFailure("query", error);
    throw error;
  }
  variants.forEach((v, i) => {
    try {
      compileQuery(variantQueryTerm(v.variant));
    } catch (error) {
      if (error instanceof QuerySyntaxError) throw syntaxFailure(`variants.${i}.variant`, error);
      throw error;
    }
  });
}

function cleanVariants(variants: readonly TKeptVariant[]): TKeptVariant[] {
  const seen = new Set<string>();
  return variants
    .map((v) => ({ variant: v.variant.trim(), kind: v.kind, from: v.from.trim() }))
    .filter((v) => {
      if (seen.has(v.variant)) return false;
      seen.add(v.variant);
      return true;
    });
}

export async function listRules(app: TAppContext, brandId: string): Promise<TRuleView[]> {
  const rows = await listBrandRules(app.db, brandId);
  const counts = await ruleMatchCounts(app.db, brandId);
  return rows.map((row) => present(row, counts));
}

export async function createRule(app: TAppContext, auth: TAuth, brandId: string, input: TRuleInput): Promise<TRuleView> {
  requireWork(auth, brandId);
  const variants = cleanVariants(input.variants ?? []);
  checkRuleSyntax(input.query, variants);
  const row = await app.db.transaction(async (tx) => {
    const rule = await insertRule(tx, { brandId, group: input.group, name: input.name.trim(), query: input.query.trim(), variants, enabled: input.enabled ?? true });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "rule.create",
      objectType: "rule",
      objectId: rule.id,
      brandId,
      details: { group: rule.group, name: rule.name, query: rule.query, variants: rule.variants.length, enabled: rule.enabled },
    });
    return rule;
  });
  return present(row, new Map());
}

export async function changeRule(app: TAppContext, auth: TAuth, brandId: string, ruleId: string, input: Partial<TRuleInput>): Promise<TRuleView> {
  requireWork(auth, brandId);
  const row = await app.db.transaction(async (tx) => {
    const before = await findBrandRule(tx, brandId, ruleId);
    if (!before) throw notFound();
    const next = {
      group: input.group ?? before.group,
      name: input.name?.trim() ?? before.name,
      query: input.query?.trim() ?? before.query,
      variants: input.variants ? cleanVariants(input.variants) : before.variants,
      enabled: input.enabled ?? before.enabled,
    };
    checkRuleSyntax(next.query, next.variants);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return before;
    const rule = await updateRuleTouched(tx, ruleId, next);
    if (!rule) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "rule.update",
      objectType: "rule",
      objectId: ruleId,
      brandId,
      details: {
        group: rule.group,
        name: rule.name,
        changed,
        ...(changed.includes("query") ? { query: { from: before.query, to: rule.query } } : {}),
        ...(changed.includes("enabled") ? { enabled: rule.enabled } : {}),
      },
    });
    return rule;
  });
  return present(row, new Map([[row.id, await countRuleMatches(app.db, brandId, row.id)]]));
}

export async function removeRule(app: TAppContext, auth: TAuth, brandId: string, ruleId: string): Promise<void> {
  requireWork(auth, brandId);
  await app.db.transaction(async (tx) => {
    const rule = await findBrandRule(tx, brandId, ruleId);
    if (!rule) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "rule.delete",
      objectType: "rule",
      objectId: ruleId,
      brandId,
      details: { group: rule.group, name: rule.name, query: rule.query },
    });
    await deleteRule(tx, ruleId);
  });
}

export function ruleVariants(auth: TAuth, brandId: string, input: { name: string; abbreviations?: string[] }) {
  requireWork(auth, brandId);
  return generateVariants(input.name, { abbreviations: input.abbreviations?.map((a) => a.trim()).filter(Boolean) });
}

export async function previewBrandRule(app: TAppContext, auth: TAuth, brandId: string, input: TPreviewInput) {
  requireWork(auth, brandId);
  return previewRule(app.db, brandId, input);
}
