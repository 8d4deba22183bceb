import type { TAppContext } from "../../../context.ts";
import type { TTemplateSituation } from "../../../db/schema/cases.ts";
import { forbidden, invalid, notFound } from "../../../lib/errors.ts";
import type { TAuth } from "../../accounts/access.ts";
import { canWorkOnBrand } from "../../accounts/permissions.ts";
import { actorOf, recordAudit } from "../../audit/record-audit.ts";
import { type TTemplateRow, deleteTemplate, findTemplate, insertTemplate, listTemplates, updateTemplate } from "./queries.ts";
import { TEMPLATE_VARIABLES, unknownVariables } from "./template-text.ts";

/** Reply templates of a brand: the agency's roles read and write them; every change is audited. */
export type TTemplateInput = { situation: TTemplateSituation; lang: "ru" | "en"; name: string; body: string };

export const templateView = (row: TTemplateRow) => ({
  id: row.id,
  situation: row.situation,
  lang: row.lang,
  name: row.name,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

function assertAgency(auth: TAuth, brandId: string): void {
  if (!canWorkOnBrand(auth, brandId)) throw forbidden("Only the agency's roles work with reply templates");
}

function assertVariables(body: string): void {
  const unknown = unknownVariables(body);
  if (unknown.length > 0) throw invalid("body", `unknown variable ${unknown.map((v) => `{{${v}}}`).join(", ")}; known: ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ")}`);
}

export async function listBrandTemplates(app: TAppContext, auth: TAuth, brandId: string, filter: { situation?: TTemplateSituation; lang?: "ru" | "en" }) {
  assertAgency(auth, brandId);
  return (await listTemplates(app.db, brandId, filter)).map(templateView);
}

export async function createTemplate(app: TAppContext, auth: TAuth, brandId: string, input: TTemplateInput, now = new Date()) {
  assertAgency(auth, brandId);
  assertVariables(input.body);
  return app.db.transaction(async (tx) => {
    const row = await insertTemplate(tx, { brandId, ...input, createdAt: now, updatedAt: now });
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "reply_template.create", objectType: "reply_template", objectId: row.id, brandId, details: { situation: row.situation, lang: row.lang, name: row.name } });
    return templateView(row);
  });
}

export async function changeTemplate(app: TAppContext, auth: TAuth, brandId: string, id: string, patch: Partial<TTemplateInput>, now = new Date()) {
  assertAgency(auth, brandId);
  if (patch.body !== undefined) assertVariables(patch.body);
  return app.db.transaction(async (tx) => {
    if (!(await findTemplate(tx, brandId, id))) throw notFound("No such template");
    const row = await updateTemplate(tx, id, { ...patch, updatedAt: now });
    if (!row) throw notFound("No such template");
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "reply_template.update", objectType: "reply_template", objectId: id, brandId, details: { fields: Object.keys(patch).sort() } });
    return templateView(row);
  });
}

export async function removeTemplate(app: TAppContext, auth: TAuth, brandId: string, id: string): Promise<void> {
  assertAgency(auth, brandId);
  await app.db.transaction(async (tx) => {
    if (!(await deleteTemplate(tx, brandId, id))) throw notFound("No such template");
    await recordAudit(tx, { workspaceId: auth.workspaceId, actor: actorOf(auth), action: "reply_template.delete", objectType: "reply_template", objectId: id, brandId });
  });
}
