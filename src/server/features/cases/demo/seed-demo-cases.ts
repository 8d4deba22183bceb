import type { TAppContext, TExecutor } from "../../../context.ts";
import type { TRole } from "../../../db/schema/accounts.ts";
import type { TTemplateSituation } from "../../../db/schema/cases.ts";
import { findUserByEmail } from "../../accounts/queries.ts";
import { recordAudit } from "../../audit/record-audit.ts";
import { applyTransition } from "../apply-transition.ts";
import type { TCaseActor } from "../case-actor.ts";
import type { TCaseAction } from "../case-state.ts";
import { insertMessage } from "../chat/queries.ts";
import { skipOutboxOfCases } from "../notify/queries.ts";
import { openCases } from "../open-cases.ts";
import { brandInfo, countCases, findCase, newestNegativesWithoutCase, updateCase } from "../queries.ts";
import { insertResponse } from "../responses/queries.ts";
import { insertTemplate, listTemplates } from "../templates/queries.ts";

/**
 * `repute demo`: cases on the demo brands' newest negatives, in every state, with the chat
 * between the agency and the client and several response versions — written through the same
 * transitions as the app (events, audit), back-dated from each mention's publication. A brand
 * that has any case already is left alone, so a rerun adds nothing. Demo notices are not sent,
 * and no screenshots are taken of the demo's made-up pages.
 */
export type TDemoCasesResult = { added: number; total: number };

type TWho = "admin" | "specialist" | "client";
type TStep =
  | { do: "version"; by: TWho; at: number; text: string }
  | { do: "message"; by: TWho; at: number; text: string; mention?: TWho }
  | { do: "publish"; by: TWho; at: number; confirmation: "confirmed" | "not_found" }
  | { do: Exclude<TCaseAction, "publish">; by: TWho; at: number; reason?: string };

/** Minutes after the mention's publication. */
const SORRY_1 = "Здравствуйте! Нам очень жаль, что так вышло. Пожалуйста, напишите номер обращения в личные сообщения сообщества — разберёмся.";
const SORRY_2 = "Здравствуйте! Нам очень жаль, что так вышло. Пожалуйста, напишите номер обращения в личные сообщения сообщества — разберёмся в течение дня и вернём комиссию, если она списана по ошибке.";
const SORRY_3 = "Здравствуйте! Приносим извинения за задержку. Мы уже передали ваш вопрос ответственному сотруднику — напишите номер обращения в личные сообщения, и мы ответим в течение дня.";

const PLAN: TStep[][] = [
  // new, fresh
  [],
  // new, nobody took it (overdue on older demo data)
  [{ do: "message", by: "specialist", at: 15, text: "Похоже на повторную жалобу того же автора — посмотрю историю." }],
  // in work
  [{ do: "take", by: "specialist", at: 20 }, { do: "message", by: "specialist", at: 35, text: "Уточняю у банка, была ли списана комиссия." }],
  // response proposed, waiting for the client
  [
    { do: "take", by: "specialist", at: 20 },
    { do: "version", by: "specialist", at: 60, text: SORRY_1 },
    { do: "propose", by: "specialist", at: 61 },
    { do: "message", by: "specialist", at: 62, text: "Предлагаем такой ответ, посмотрите, пожалуйста.", mention: "client" },
  ],
  // returned with a reason
  [
    { do: "take", by: "specialist", at: 15 },
    { do: "version", by: "specialist", at: 50, text: SORRY_1 },
    { do: "propose", by: "specialist", at: 51 },
    { do: "message", by: "client", at: 120, text: "Нужно пообещать срок и сказать про комиссию, иначе звучит отпиской." },
    { do: "return", by: "client", at: 121, reason: "Добавьте срок ответа и про возврат комиссии" },
  ],
  // returned, revised and proposed again (two versions with a diff)
  [
    { do: "take", by: "specialist", at: 10 },
    { do: "version", by: "specialist", at: 40, text: SORRY_1 },
    { do: "propose", by: "specialist", at: 41 },
    { do: "return", by: "client", at: 100, reason: "Добавьте срок и про комиссию" },
    { do: "version", by: "specialist", at: 130, text: SORRY_2 },
    { do: "propose", by: "specialist", at: 131 },
    { do: "message", by: "specialist", at: 132, text: "Поправили: срок — день, про комиссию добавили.", mention: "client" },
  ],
  // approved, ready to publish
  [
    { do: "take", by: "specialist", at: 10 },
    { do: "version", by: "specialist", at: 45, text: SORRY_3 },
    { do: "propose", by: "specialist", at: 46 },
    { do: "approve", by: "client", at: 180 },
    { do: "message", by: "client", at: 181, text: "Согласовано, публикуйте." },
  ],
  // published, waiting to be closed
  [
    { do: "take", by: "specialist", at: 12 },
    { do: "version", by: "specialist", at: 40, text: SORRY_2 },
    { do: "propose", by: "specialist", at: 41 },
    { do: "approve", by: "client", at: 150 },
    { do: "publish", by: "specialist", at: 200, confirmation: "confirmed" },
  ],
  // published by hand, not (yet) found on the page: moderation
  [
    { do: "take", by: "specialist", at: 30 },
    { do: "version", by: "specialist", at: 70, text: SORRY_3 },
    { do: "propose", by: "specialist", at: 71 },
    { do: "approve", by: "client", at: 240 },
    { do: "publish", by: "specialist", at: 300, confirmation: "not_found" },
    { do: "message", by: "specialist", at: 301, text: "Площадка отправила ответ на модерацию, проверим завтра." },
  ],
  // resolved
  [
    { do: "take", by: "specialist", at: 5 },
    { do: "version", by: "specialist", at: 30, text: SORRY_1 },
    { do: "propose", by: "specialist", at: 31 },
    { do: "version", by: "specialist", at: 55, text: SORRY_2 },
    { do: "propose", by: "specialist", at: 56 },
    { do: "approve", by: "client", at: 90 },
    { do: "publish", by: "specialist", at: 110, confirmation: "confirmed" },
    { do: "resolve", by: "specialist", at: 60 * 26 },
    { do: "message", by: "specialist", at: 60 * 26 + 1, text: "Автор ответил, что деньги вернули. Закрываем." },
  ],
  // no response needed
  [{ do: "dismiss", by: "specialist", at: 25, reason: "Троллинг с нового аккаунта, отвечать не будем" }],
];

const TEMPLATES: { situation: TTemplateSituation; name: string; body: string }[] = [
  { situation: "complaint", name: "Жалоба: извинение и решение", body: "Здравствуйте, {{author_name|уважаемый клиент}}! Нам очень жаль, что так вышло. Напишите, пожалуйста, номер обращения в личные сообщения — {{brand}} разберётся и предложит решение." },
  { situation: "outburst", name: "Эмоции: успокоить", body: "{{author_name|Здравствуйте}}, понимаем ваше возмущение. Давайте разберёмся вместе: напишите нам в личные сообщения, что случилось, — ответим сегодня." },
  { situation: "attack", name: "Атака: факты", body: "Здравствуйте. Сведения в публикации не соответствуют действительности: {{brand}} ... (факты). Если вы наш клиент, напишите нам в личные сообщения." },
  { situation: "employee", name: "Сотрудник: от работодателя", body: "Здравствуйте! Спасибо за отзыв о работе в {{brand}}. Нам важно разобраться: напишите, пожалуйста, в отдел персонала." },
  { situation: "positive", name: "Спасибо за отзыв", body: "{{author_name|Здравствуйте}}, спасибо за тёплые слова! Передадим их команде {{brand}}." },
  { situation: "general", name: "Общий ответ", body: "Здравствуйте! Спасибо, что написали. {{brand}} уже разбирается." },
];

const BRANDS: { name: string; cases: number }[] = [
  { name: "Northwind Bank", cases: PLAN.length },
  { name: "Пельменная №1", cases: 4 },
  { name: "Northwind Insurance", cases: 3 },
];

export async function seedDemoCases(app: TAppContext, brandIds: ReadonlyMap<string, string>, now = new Date()): Promise<TDemoCasesResult> {
  const result: TDemoCasesResult = { added: 0, total: 0 };
  const people = {
    admin: await findUserByEmail(app.db, "admin@demo.local"),
    specialist: await findUserByEmail(app.db, "specialist@demo.local"),
    client: await findUserByEmail(app.db, "client-a@demo.local"),
  };
  for (const spec of BRANDS) {
    const brandId = brandIds.get(spec.name);
    if (!brandId) continue;
    const existing = await countCases(app.db, { brandId, now });
    result.total += existing;
    if (existing > 0) continue;
    await seedTemplates(app.db, brandId, now);
    const brand = await brandInfo(app.db, brandId);
    if (!brand) continue;
    const actor = (who: TWho): TCaseActor => {
      // The client approver is Northwind Bank's only; elsewhere the admin approves.
      const user = who === "client" && spec.name !== "Northwind Bank" ? people.admin : people[who];
      const role: TRole = who === "specialist" ? "specialist" : user === people.client ? "client_approver" : "admin";
      return { userId: user?.id ?? null, label: user?.email ?? "demo", role, via: "app" };
    };
    const targets = await newestNegativesWithoutCase(app.db, brandId, spec.cases);
    const caseIds: string[] = [];
    await app.db.transaction(async (tx) => {
      for (const [i, m] of targets.entries()) {
        const plan = PLAN[i % PLAN.length] ?? [];
        const at = (minutes: number) => new Date(Math.min(now.getTime(), m.publishedAt.getTime() + minutes * 60_000));
        const opened = await openCases(tx, app.config, { brandId, workspaceId: brand.workspaceId, mentionIds: [m.id], how: i % 3 === 2 ? "person" : "rule", actor: i % 3 === 2 ? actor("specialist") : { userId: null, label: "rule", role: "admin", via: "system" }, now: at(7) });
        const caseRow = opened.opened[0]?.caseRow;
        if (!caseRow) continue;
        caseIds.push(caseRow.id);
        await updateCase(tx, caseRow.id, { screenshotStatus: "skipped", screenshotError: "demo data: the page is made up" });
        for (const step of plan) await runStep(tx, app, { caseId: caseRow.id, brandId, workspaceId: brand.workspaceId, url: m.url, step, at: at(step.at), actor });
      }
      await skipOutboxOfCases(tx, caseIds, now, "demo: not sent");
    });
    result.added += caseIds.length;
    result.total += caseIds.length;
  }
  return result;
}

async function runStep(
  tx: TExecutor,
  app: TAppContext,
  input: { caseId: string; brandId: string; workspaceId: string; url: string; step: TStep; at: Date; actor: (who: TWho) => TCaseActor },
): Promise<void> {
  const { caseId, brandId, workspaceId, step, at } = input;
  const caseRow = await findCase(tx, brandId, caseId, true);
  if (!caseRow) return;
  switch (step.do) {
    case "version": {
      const by = input.actor(step.by);
      const row = await insertResponse(tx, { caseId, brandId, text: step.text, origin: "manual", authorId: by.userId, authorLabel: by.label, createdAt: at });
      await recordAudit(tx, { workspaceId, actor: by.userId ? { userId: by.userId, label: by.label } : { userId: null, label: by.label }, action: "case.response_version", objectType: "case", objectId: caseId, brandId, details: { version: row.version, origin: "manual", demo: true } });
      return;
    }
    case "message": {
      const by = input.actor(step.by);
      const mentioned = step.mention ? input.actor(step.mention).userId : null;
      await insertMessage(tx, { caseId, brandId, authorId: by.userId, authorLabel: by.label, text: step.text, mentionedUserIds: mentioned ? [mentioned] : [], attachments: [], createdAt: at });
      return;
    }
    case "publish": {
      const url = `${input.url.split("#")[0] ?? input.url}#answer`;
      await applyTransition(tx, app.config, {
        caseRow,
        action: "publish",
        actor: input.actor(step.by),
        workspaceId,
        now: at,
        patch: { publishedHow: "manual", publishedBy: input.actor(step.by).userId, publishedAt: at, publishedUrl: url, confirmationStatus: step.confirmation, confirmationCheckedAt: at, confirmationScreenshotStatus: "skipped" },
        details: { how: "manual", url, confirmation: step.confirmation, demo: true },
      });
      return;
    }
    default:
      await applyTransition(tx, app.config, { caseRow, action: step.do, actor: input.actor(step.by), reason: "reason" in step ? step.reason : undefined, workspaceId, now: at });
  }
}

async function seedTemplates(db: TExecutor, brandId: string, now: Date): Promise<void> {
  if ((await listTemplates(db, brandId)).length > 0) return;
  for (const t of TEMPLATES) await insertTemplate(db, { brandId, situation: t.situation, lang: "ru", name: t.name, body: t.body, createdAt: now, updatedAt: now });
}
