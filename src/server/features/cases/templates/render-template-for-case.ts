import type { TAppContext } from "../../../context.ts";
import { forbidden, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { canWorkOnBrand } from "../../accounts/permissions.ts";
import { caseUrl, httpUrlOrNull } from "../case-links.ts";
import { brandInfo, caseWithMention } from "../queries.ts";
import { findTemplate, listTemplates } from "./queries.ts";
import { renderTemplate } from "./template-text.ts";

/**
 * A template filled in for one case: the author's name, the brand, the case's link in Repute,
 * the mention's link and site. Without a template id, the templates that suit the case (its type
 * of negative, or "positive", then "general"; its language first) are listed for the picker.
 */
export async function renderTemplateForCase(app: TAppContext, auth: TAuth, brandId: string, caseId: string, templateId: string) {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles work with reply templates");
  const row = await caseWithMention(app.db, brandId, caseId);
  if (!row) throw notFound("No such case");
  const template = await findTemplate(app.db, brandId, templateId);
  if (!template) throw notFound("No such template");
  const brand = await brandInfo(app.db, brandId);
  const rendered = renderTemplate(template.body, {
    author_name: row.m.authorName,
    brand: brand?.name ?? null,
    case_link: caseUrl(app.config, brandId, caseId),
    mention_link: httpUrlOrNull(row.m.url),
    site: row.m.site ?? row.m.sourceKind,
  });
  return { templateId, text: rendered.text, missing: rendered.missing };
}

export async function suitableTemplates(app: TAppContext, auth: TAuth, brandId: string, caseId: string) {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles work with reply templates");
  const row = await caseWithMention(app.db, brandId, caseId);
  if (!row) throw notFound("No such case");
  const situation = row.m.negativeType ?? (row.m.sentiment === "positive" ? "positive" : "general");
  const lang = row.m.lang === "en" ? "en" : "ru";
  const all = await listTemplates(app.db, brandId);
  const rank = (t: (typeof all)[number]) => (t.situation === situation ? 0 : t.situation === "general" ? 2 : 4) + (t.lang === lang ? 0 : 1);
  return all
    .filter((t) => t.situation === situation || t.situation === "general")
    .sort((a, b) => rank(a) - rank(b))
    .map((t) => ({ id: t.id, situation: t.situation, lang: t.lang, name: t.name }));
}
