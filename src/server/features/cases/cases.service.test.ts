import { expect, it } from "vitest";
import { createClientAndBrand, inviteUser } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { type TCaseBody, type TErr, type TOne, caseWorld, ingestItems, negativeItem, positiveItem } from "./cases.test-support.ts";
import { checkOverdueCases } from "./check-overdue.ts";
import { openCasesByRules } from "./open-cases-by-rules.ts";

type TList = { items: TCaseBody[]; total: number; counts: { byState: Record<string, number>; overdue: number; unassignedOpen: number; all: number } };
type TAudit = { entries: { action: string; actorLabel: string; details: Record<string, unknown> }[] };

describeOnDatabases("negative-review cases", (h) => {
  it("opens a case for a new negative by the brand's rules; copies share it; positives and old ones do not open", async () => {
    const { admin, brandId, base } = await caseWorld(h());
    const now = new Date();
    const { inserted, idOf } = await ingestItems(h(), brandId, "vk", [
      negativeItem("n1", 60),
      { ...negativeItem("n1-copy", 50), text: negativeItem("n1").text, url: "https://vk.com/wall-9_1" },
      positiveItem("p1"),
      negativeItem("old", 60 * 24 * 60),
    ]);
    expect(await openCasesByRules(h().app, brandId, inserted, now)).toBe(1);
    expect(await openCasesByRules(h().app, brandId, inserted, now)).toBe(0);

    const list = await admin.get<TList>(base);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const c = list.body.items[0];
    expect(c).toMatchObject({ state: "new", opened: { how: "rule", by: null }, overdue: false, mention: { id: idOf("n1"), sentiment: { label: "negative" } } });
    // Due 24 hours (the default target) after the mention's publication.
    const published = Date.parse((await admin.get<{ mention: { publishedAt: string } }>(`/api/brands/${brandId}/mentions/${idOf("n1")}`)).body.mention.publishedAt);
    expect(Date.parse(c?.dueAt ?? "")).toBe(published + 24 * 3600_000);

    // The copy (same cluster) shares the case: opening on it returns the same one.
    const copy = await admin.post<TOne & { created: boolean }>(base, { mentionId: idOf("n1-copy") });
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ created: false, case: { id: c?.id } });

    const card = await admin.get<{ case: TCaseBody; copiesTotal: number; events: { action: string; to: string; actor: { label: string } }[] }>(`${base}/${c?.id}`);
    expect(card.body.copiesTotal).toBe(1);
    expect(card.body.events).toEqual([expect.objectContaining({ action: "open", to: "new", actor: expect.objectContaining({ label: "rule" }) })]);
  });

  it("narrows by the brand's rules and its response target", async () => {
    const { admin, specialist, viewer, brandId, base } = await caseWorld(h());
    expect((await viewer.patch<TErr>(`${base}/settings`, { autoOpen: false })).status).toBe(403);
    const set = await specialist.patch<{ settings: { responseTargetHours: number; sourceKinds: string[] } }>(`${base}/settings`, { responseTargetHours: 4, sourceKinds: ["banki_ru"], minConfidence: 0.5 });
    expect(set.body.settings).toMatchObject({ responseTargetHours: 4, sourceKinds: ["banki_ru"] });
    expect((await specialist.patch<TErr>(`${base}/settings`, { responseTargetHours: 0 })).status).toBe(400);

    const vk = await ingestItems(h(), brandId, "vk", [negativeItem("vk1")]);
    expect(await openCasesByRules(h().app, brandId, vk.inserted)).toBe(0);
    const banki = await ingestItems(h(), brandId, "banki_ru", [negativeItem("b1", 300, { kind: "review", url: "https://www.banki.ru/r/1" })]);
    expect(await openCasesByRules(h().app, brandId, banki.inserted)).toBe(1);
    const [c] = (await admin.get<TList>(base)).body.items;
    expect(c?.overdue).toBe(true); // published five hours ago, four-hour target
    const audit = await admin.get<TAudit>(`/api/brands/${brandId}/audit?action=case_rules.`);
    expect(audit.body.entries[0]?.details).toMatchObject({ fields: ["minConfidence", "responseTargetHours", "sourceKinds"] });
  });

  it("a specialist opens a case on any mention (a positive too); client roles cannot; bulk opens one per cluster", async () => {
    const { admin, specialist, approver, viewer, brandId, base, ids } = await caseWorld(h());
    const { idOf } = await ingestItems(h(), brandId, "vk", [positiveItem("p1"), negativeItem("n1"), negativeItem("n2"), { ...negativeItem("n2c"), text: negativeItem("n2").text }]);
    expect((await approver.post<TErr>(base, { mentionId: idOf("p1") })).status).toBe(403);
    expect((await viewer.post<TErr>(base, { mentionId: idOf("p1") })).status).toBe(403);
    const opened = await specialist.post<TOne & { created: boolean }>(base, { mentionId: idOf("p1") });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ created: true, case: { state: "new", opened: { how: "person", by: { id: ids.specialist } }, mention: { sentiment: { label: "positive" } } } });
    expect((await specialist.post<TErr>(base, { mentionId: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);

    const bulk = await specialist.post<{ updated: number }>(`/api/brands/${brandId}/mentions/bulk`, { action: "open_case", ids: [idOf("n1"), idOf("n2"), idOf("n2c"), idOf("p1")] });
    expect(bulk.body).toEqual({ updated: 2 });
    expect((await admin.get<TList>(base)).body.total).toBe(3);
    expect((await approver.post<TErr>(`/api/brands/${brandId}/mentions/bulk`, { action: "open_case", ids: [idOf("n1")] })).status).toBe(403);
  });

  it("moves through the workflow by allowed roles only, every transition in the events and the audit log", async () => {
    const { admin, specialist, approver, viewer, brandId, base, ids, specialistEmail, approverEmail } = await caseWorld(h());
    const { inserted } = await ingestItems(h(), brandId, "vk", [negativeItem("n1")]);
    await openCasesByRules(h().app, brandId, inserted);
    const caseId = (await admin.get<TList>(base)).body.items[0]?.id ?? "";
    const url = `${base}/${caseId}`;
    const act = (client: typeof admin, action: string, reason?: string) => client.post<TOne & TErr>(`${url}/transitions`, { action, ...(reason ? { reason } : {}) });

    expect((await viewer.get<TOne>(url)).status).toBe(200);
    expect((await act(viewer, "take")).status).toBe(403);
    expect((await act(approver, "take")).status).toBe(403);
    const taken = await act(specialist, "take");
    expect(taken.body.case).toMatchObject({ state: "in_work", assignee: { id: ids.specialist } });
    expect((await act(specialist, "propose")).status).toBe(409); // nothing written yet

    const v1 = await specialist.post<TOne & { version: number }>(`${url}/responses`, { text: "Анна, извините за ожидание. Напишите нам в личные сообщения.", propose: true });
    expect(v1.body).toMatchObject({ version: 1, case: { state: "response_proposed" } });
    expect(v1.body.case.actions).toEqual(["propose", "dismiss"]);
    expect((await act(specialist, "approve")).status).toBe(403);
    expect((await viewer.post<TErr>(`${url}/responses`, { text: "x" })).status).toBe(403);
    const noReason = await act(approver, "return");
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.path).toBe("reason");
    const returned = await act(approver, "return", "Добавьте, что деньги вернут в течение 3 дней");
    expect(returned.body.case).toMatchObject({ state: "returned", stateReason: "Добавьте, что деньги вернут в течение 3 дней" });

    const v2 = await specialist.post<TOne & { version: number }>(`${url}/responses`, { text: "Анна, извините за ожидание. Деньги вернём в течение 3 дней. Напишите нам в личные сообщения.", propose: true });
    expect(v2.body).toMatchObject({ version: 2, case: { state: "response_proposed" } });
    const approved = await act(approver, "approve");
    expect(approved.body.case).toMatchObject({ state: "approved", approval: { responseId: v2.body.case.latestResponse?.id, ofLatest: true } });
    expect((await act(specialist, "publish")).status).toBe(400); // not a transition action: publish has its own routes

    // A version written after the approval is not approved: publishing waits for a new approval.
    await specialist.post(`${url}/responses`, { text: "Анна, извините! Деньги вернём в течение 3 дней." });
    const stale = await specialist.post<TErr>(`${url}/publish-manual`, { url: "https://vk.com/wall-1_1?reply=5" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/approval/);

    const versions = await admin.get<{ versions: { version: number; approved: boolean; diff: { op: string; text: string }[] | null }[] }>(`${url}/responses`);
    expect(versions.body.versions.map((v) => [v.version, v.approved])).toEqual([[1, false], [2, true], [3, false]]);
    expect(versions.body.versions[1]?.diff).toContainEqual({ op: "insert", text: "Деньги вернём в течение 3 дней. " });
    const diff = await admin.get<{ diff: { op: string }[] }>(`${url}/responses/diff?from=1&to=3`);
    expect(diff.status).toBe(200);
    expect((await admin.get<TErr>(`${url}/responses/diff?from=1&to=9`)).status).toBe(400);

    const dismissed = await act(admin, "dismiss", "Троллинг, отвечать не будем");
    expect(dismissed.body.case).toMatchObject({ state: "no_response_needed", stateReason: "Троллинг, отвечать не будем" });
    expect((await act(specialist, "reopen")).body.case.state).toBe("in_work");

    const card = await admin.get<{ events: { action: string; from: string | null; to: string; actor: { label: string }; reason: string | null }[] }>(url);
    expect(card.body.events.map((e) => `${e.action}:${e.from ?? "-"}>${e.to}`)).toEqual([
      "open:->new",
      "take:new>in_work",
      "propose:in_work>response_proposed",
      "return:response_proposed>returned",
      "propose:returned>response_proposed",
      "approve:response_proposed>approved",
      "dismiss:approved>no_response_needed",
      "reopen:no_response_needed>in_work",
    ]);
    expect(card.body.events[3]).toMatchObject({ actor: { label: approverEmail }, reason: "Добавьте, что деньги вернут в течение 3 дней" });
    const audit = await admin.get<TAudit>(`/api/brands/${brandId}/audit?action=case.`);
    const actions = audit.body.entries.map((e) => e.action);
    for (const a of ["case.open", "case.take", "case.propose", "case.return", "case.approve", "case.dismiss", "case.reopen", "case.response_version"]) expect(actions).toContain(a);
    expect(audit.body.entries.find((e) => e.action === "case.take")?.actorLabel).toBe(specialistEmail);
  });

  it("assigns to agency people of the brand only, and filters the list with counts", async () => {
    const { admin, specialist, approver, brandId, base, ids } = await caseWorld(h());
    const { idOf } = await ingestItems(h(), brandId, "vk", [negativeItem("a", 40), negativeItem("b", 60 * 30), positiveItem("c")]);
    await ingestItems(h(), brandId, "banki_ru", [negativeItem("d", 20, { kind: "review", url: "https://www.banki.ru/r/d" })]);
    for (const ext of ["a", "b", "c"]) await specialist.post(base, { mentionId: idOf(ext) });
    const d = await ingestItems(h(), brandId, "banki_ru", []);
    await specialist.post(base, { mentionId: d.idOf("d") });
    const all = (await admin.get<TList>(base)).body;
    expect(all.total).toBe(4);
    const caseOf = (ext: string) => all.items.find((i) => i.mention.id === idOf(ext) || i.mention.id === d.idOf(ext))?.id ?? "";

    expect((await specialist.post<TErr>(`${base}/${caseOf("a")}/assign`, { assigneeId: ids.approver })).status).toBe(400);
    expect((await approver.post<TErr>(`${base}/${caseOf("a")}/assign`, { assigneeId: ids.specialist })).status).toBe(403);
    expect((await admin.post<TOne>(`${base}/${caseOf("a")}/assign`, { assigneeId: ids.specialist })).body.case.assignee?.id).toBe(ids.specialist);
    await specialist.post(`${base}/${caseOf("b")}/transitions`, { action: "take" });

    const q = async (query: string) => (await specialist.get<TList>(`${base}?${query}`)).body;
    expect((await q("assignee=me")).total).toBe(2);
    expect((await q("assignee=none")).total).toBe(2);
    expect((await q("status=in_work")).items.map((i) => i.id)).toEqual([caseOf("b")]);
    expect((await q("status=new,in_work")).total).toBe(4);
    expect((await q("overdue=true")).items.map((i) => i.id)).toEqual([caseOf("b")]);
    expect((await q("overdue=false")).total).toBe(3);
    expect((await q("source=banki_ru")).items.map((i) => i.id)).toEqual([caseOf("d")]);
    const sorted = await q("sort=due&limit=2");
    expect(sorted.items.map((i) => i.id)[0]).toBe(caseOf("b"));
    expect(sorted.total).toBe(4);
    expect(all.counts).toMatchObject({ all: 4, overdue: 1, unassignedOpen: 4, byState: { new: 4, in_work: 0 } });
    expect((await admin.get<TErr>(`${base}?status=open`)).status).toBe(400);
    expect((await admin.get<TErr>(`${base}?assignee=someone`)).status).toBe(400);
  });

  it("keeps brands apart: another brand's case is not found through this brand, and strangers see nothing", async () => {
    const world = await caseWorld(h());
    const { inserted } = await ingestItems(h(), world.brandId, "vk", [negativeItem("x")]);
    await openCasesByRules(h().app, world.brandId, inserted);
    const caseId = (await world.admin.get<TList>(world.base)).body.items[0]?.id ?? "";
    const other = await createClientAndBrand(world.admin, undefined, "Другой бренд");
    const outsider = await inviteUser(h(), world.admin, "specialist", { brandId: other.brandId });
    expect((await world.admin.get(`/api/brands/${other.brandId}/cases/${caseId}`)).status).toBe(404);
    expect((await world.admin.post(`/api/brands/${other.brandId}/cases/${caseId}/transitions`, { action: "take" })).status).toBe(404);
    expect((await outsider.client.get(`${world.base}/${caseId}`)).status).toBe(404);
    expect((await outsider.client.get(world.base)).status).toBe(404);
    expect((await world.admin.get<TList>(`/api/brands/${other.brandId}/cases`)).body.total).toBe(0);
  });

  it("shows the card with the type of negative, its reaction, edits and the author's other mentions", async () => {
    const { admin, brandId, base } = await caseWorld(h());
    const first = await ingestItems(h(), brandId, "vk", [negativeItem("e1"), negativeItem("e2", 500, { text: "Нортвинд Банк, ужас: отделение закрыто без предупреждения" })]);
    await ingestItems(h(), brandId, "vk", [negativeItem("e1", 30, { text: "Нортвинд Банк: поддержка не отвечает уже пятый день, ужас, верните деньги", updatedAt: new Date().toISOString() })]);
    await openCasesByRules(h().app, brandId, first.inserted);
    const c = (await admin.get<TList>(`${base}?sort=due`)).body.items.find((i) => i.mention.id === first.idOf("e1"));
    const card = await admin.get<{ case: TCaseBody; revisions: { text: string }[]; relatedByAuthor: { id: string; case: { id: string } | null }[] }>(`${base}/${c?.id}`);
    expect(card.body.case.mention.text).toContain("пятый день");
    expect(card.body.revisions.map((r) => r.text)).toEqual([expect.stringContaining("третий день")]);
    expect(card.body.relatedByAuthor).toEqual([expect.objectContaining({ id: first.idOf("e2"), case: expect.objectContaining({ id: expect.any(String) }) })]);
    if (card.body.case.mention.negativeType) expect(card.body.case.mention.negativeType.reaction.en.length).toBeGreaterThan(5);
    expect(card.body.case).toMatchObject({ screenshot: { status: "pending", hash: null }, publishVia: "manual" });
  });

  it("escalates an overdue case once, to the admins and the assignee", async () => {
    const { admin, specialist, brandId, base, ids } = await caseWorld(h());
    const { idOf } = await ingestItems(h(), brandId, "vk", [negativeItem("late", 60 * 25)]);
    const opened = await specialist.post<TOne>(base, { mentionId: idOf("late") });
    await specialist.post(`${base}/${opened.body.case.id}/transitions`, { action: "take" });
    expect(await checkOverdueCases(h().app)).toBeGreaterThanOrEqual(1);
    expect(await checkOverdueCases(h().app)).toBe(0);
    const card = await admin.get<{ case: TCaseBody & { overdueNotifiedAt: string | null } }>(`${base}/${opened.body.case.id}`);
    expect(card.body.case.overdue).toBe(true);
    expect(card.body.case.overdueNotifiedAt).not.toBeNull();
    const audit = await admin.get<TAudit>(`/api/brands/${brandId}/audit?action=case.overdue`);
    expect(audit.body.entries).toHaveLength(1);
    expect(ids.specialist).toBeTruthy();
  });

  it("computes KPIs over the period: medians, p90, shares answered and within target", async () => {
    const { admin, specialist, approver, brandId, base } = await caseWorld(h());
    const { idOf } = await ingestItems(h(), brandId, "vk", [negativeItem("k1"), negativeItem("k2"), negativeItem("k3")]);
    for (const ext of ["k1", "k2", "k3"]) {
      const opened = await specialist.post<TOne>(base, { mentionId: idOf(ext) });
      const url = `${base}/${opened.body.case.id}`;
      if (ext === "k3") {
        await specialist.post(`${url}/transitions`, { action: "dismiss", reason: "spam" });
        continue;
      }
      await specialist.post(`${url}/responses`, { text: `Ответ ${ext}`, propose: true });
      if (ext === "k1") await approver.post(`${url}/transitions`, { action: "approve" });
    }
    const kpis = await admin.get<Record<string, unknown>>(`${base}/kpis`);
    expect(kpis.status).toBe(200);
    expect(kpis.body).toMatchObject({ opened: 3, needingResponse: 2, answered: 0, shareAnswered: 0, shareWithinTarget: 0 });
    expect((kpis.body.timeToFirstProposal as { medianSeconds: number }).medianSeconds).toBeGreaterThanOrEqual(0);
    expect((kpis.body.timeToApproval as { p90Seconds: number | null }).p90Seconds).not.toBeNull();
    expect((kpis.body.timeToPublication as { medianSeconds: number | null }).medianSeconds).toBeNull();
    const empty = await admin.get<Record<string, unknown>>(`${base}/kpis?from=2020-01-01&to=2020-01-31`);
    expect(empty.body).toMatchObject({ opened: 0, shareAnswered: null });
  });
});
