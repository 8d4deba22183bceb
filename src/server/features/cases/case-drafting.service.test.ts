import { afterAll, expect, it } from "vitest";
import { describeOnDatabases } from "../../test/harness.ts";
import { type TChatServer, completion, startChatServer } from "../llm-provider/chat-completions.test-support.ts";
import { type TErr, type TOne, caseWorld, ingestItems, negativeItem } from "./cases.test-support.ts";

type TTemplate = { id: string; situation: string; lang: string; name: string; body: string };

const servers: TChatServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describeOnDatabases(
  "drafting a response: templates and the AI provider",
  (h) => {
    async function world() {
      const w = await caseWorld(h());
      const { idOf } = await ingestItems(h(), w.brandId, "vk", [negativeItem("d1")]);
      const opened = await w.specialist.post<TOne>(w.base, { mentionId: idOf("d1") });
      return { ...w, caseUrl: `${w.base}/${opened.body.case.id}`, caseId: opened.body.case.id };
    }

    it("keeps reply templates per type and language, refuses unknown variables, and fills them in for a case", async () => {
      const { specialist, approver, brandId, caseUrl, caseId } = await world();
      const templates = `/api/brands/${brandId}/reply-templates`;
      const bad = await specialist.post<TErr>(templates, { situation: "complaint", lang: "ru", name: "Жалоба", body: "Здравствуйте, {{name}}!" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.[0]).toMatchObject({ path: "body", message: expect.stringContaining("{{name}}") });
      const body = "Здравствуйте, {{author_name|уважаемый клиент}}! Команда {{brand}} уже разбирается. Кейс: {{case_link}}";
      const created = await specialist.post<{ template: TTemplate }>(templates, { situation: "complaint", lang: "ru", name: "Жалоба", body });
      expect(created.status).toBe(201);
      await specialist.post(templates, { situation: "general", lang: "en", name: "General", body: "Hello from {{brand}}" });
      await specialist.post(templates, { situation: "positive", lang: "ru", name: "Спасибо", body: "Спасибо!" });
      expect((await approver.get<TErr>(templates)).status).toBe(403);
      expect((await specialist.get<{ templates: TTemplate[] }>(`${templates}?lang=en`)).body.templates.map((t) => t.name)).toEqual(["General"]);

      const suitable = await specialist.get<{ templates: { name: string }[] }>(`${caseUrl}/templates`);
      expect(suitable.body.templates.map((t) => t.name)).not.toContain("Спасибо");
      const rendered = await specialist.post<{ text: string; missing: string[] }>(`${caseUrl}/templates/render`, { templateId: created.body.template.id });
      expect(rendered.body).toEqual({
        templateId: created.body.template.id,
        text: `Здравствуйте, Анна К.! Команда Нортвинд уже разбирается. Кейс: http://localhost:3000/b/${brandId}/negative/${caseId}`,
        missing: [],
      });
      const changed = await specialist.patch<{ template: TTemplate }>(`${templates}/${created.body.template.id}`, { name: "Жалоба (новая)" });
      expect(changed.body.template.name).toBe("Жалоба (новая)");
      expect((await specialist.delete(`${templates}/${created.body.template.id}`)).status).toBe(204);
      expect((await specialist.post(`${caseUrl}/templates/render`, { templateId: created.body.template.id })).status).toBe(404);
    });

    it("answers 409 with a clear message when the brand has no AI provider", async () => {
      const { specialist, caseUrl } = await world();
      const res = await specialist.post<TErr>(`${caseUrl}/draft`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.message).toMatch(/No AI provider is configured for this brand/);
    });

    it("drafts through the brand's provider as a proposal, not a version; a rate limit is a 429", async () => {
      const { admin, specialist, approver, brandId, caseUrl } = await world();
      const server = await startChatServer((_call, n) =>
        n === 1 ? completion("Анна, простите за ожидание. Мы уже разбираемся и напишем вам в личные сообщения.") : { status: 429, headers: { "retry-after": "7" }, body: { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } } },
      );
      servers.push(server);
      const set = await admin.put(`/api/brands/${brandId}/classification/provider`, { provider: { ...server.config(), enabled: true } });
      expect(set.status).toBe(200);
      expect((await approver.post<TErr>(`${caseUrl}/draft`, {})).status).toBe(403);
      const draft = await specialist.post<{ text: string; model: string; lang: string }>(`${caseUrl}/draft`, { tone: "тепло и коротко" });
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ text: expect.stringContaining("простите за ожидание"), lang: "ru" });
      const prompt = JSON.stringify(server.calls[0]?.body.messages);
      expect(prompt).toContain("тепло и коротко");
      expect(prompt).toContain("поддержка не отвечает");
      expect((await specialist.get<{ versions: unknown[] }>(`${caseUrl}/responses`)).body.versions).toEqual([]);
      const limited = await specialist.post<TErr>(`${caseUrl}/draft`, {});
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("7");
      const audit = await admin.get<{ entries: { action: string }[] }>(`/api/brands/${brandId}/audit?action=case.ai_draft`);
      expect(audit.body.entries).toHaveLength(1);
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
