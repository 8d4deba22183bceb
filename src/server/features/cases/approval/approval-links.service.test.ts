import { expect, it } from "vitest";
import { TestClient } from "../../../test/client.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { type TErr, type TOne, caseWorld, ingestItems, negativeItem } from "../cases.test-support.ts";
import { decideByApprovalLink } from "./approval-link-use.ts";

type TLink = { link: string; expiresAt: string; version: number };
type TView = { status: string; review: { caseId: string; response: { id: string; version: number; text: string }; mention: { text: string } } | null };

describeOnDatabases("approval through a signed, single-use, expiring link", (h) => {
  async function proposed() {
    const w = await caseWorld(h());
    const { idOf } = await ingestItems(h(), w.brandId, "vk", [negativeItem("a1")]);
    const opened = await w.specialist.post<TOne>(w.base, { mentionId: idOf("a1") });
    const caseUrl = `${w.base}/${opened.body.case.id}`;
    await w.specialist.post(`${caseUrl}/responses`, { text: "Анна, извините. Деньги вернём за 3 дня.", propose: true });
    const issue = () => w.specialist.post<TLink & TErr>(`${caseUrl}/approval-links`, { approverId: w.ids.approver });
    return { ...w, caseId: opened.body.case.id, caseUrl, issue };
  }
  const tokenOf = (link: string) => link.split("/approve/")[1] ?? "";
  const anonymous = () => new TestClient(h().http);

  it("shows the case and the proposed text without signing in, approves once, and records who approved", async () => {
    const { admin, issue, caseUrl, approverEmail, ids, brandId, viewer } = await proposed();
    expect((await viewer.post<TErr>(`${caseUrl}/approval-links`, { approverId: ids.approver })).status).toBe(403);
    expect((await admin.post<TErr>(`${caseUrl}/approval-links`, { approverId: ids.viewer })).status).toBe(400);
    const issued = await issue();
    expect(issued.status).toBe(201);
    expect(issued.body.link).toMatch(/^http:\/\/localhost:3000\/approve\/apv_[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(issued.body.link);

    const view = await anonymous().get<TView>(`/api/approve/${token}`);
    expect(view.status).toBe(200);
    expect(view.headers.get("cache-control")).toBe("no-store");
    expect(view.body).toMatchObject({ status: "open", review: { response: { version: 1, text: "Анна, извините. Деньги вернём за 3 дня." }, mention: { text: expect.stringContaining("поддержка не отвечает") } } });
    // Looking changes nothing.
    expect((await anonymous().get<TView>(`/api/approve/${token}`)).body.status).toBe("open");

    const done = await anonymous().post<{ decision: string; state: string }>(`/api/approve/${token}`, { decision: "approved" });
    expect(done.body).toMatchObject({ decision: "approved", state: "approved" });
    const again = await anonymous().post<TErr>(`/api/approve/${token}`, { decision: "returned", reason: "передумал" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been used/);
    expect((await anonymous().get<TView>(`/api/approve/${token}`)).body).toMatchObject({ status: "used", review: null });

    const card = await admin.get<{ case: { state: string; approval: { by: { id: string } } }; events: { action: string; via: string; actor: { label: string } }[] }>(caseUrl);
    expect(card.body.case).toMatchObject({ state: "approved", approval: { by: { id: ids.approver } } });
    expect(card.body.events.at(-1)).toMatchObject({ action: "approve", via: "approval_link", actor: { label: approverEmail } });
    const audit = await admin.get<{ entries: { action: string; actorLabel: string }[] }>(`/api/brands/${brandId}/audit?action=case.approve`);
    expect(audit.body.entries[0]?.actorLabel).toBe(`${approverEmail} (approval link)`);
  });

  it("returns with a reason; a reason is required", async () => {
    const { issue, admin, caseUrl } = await proposed();
    const token = tokenOf((await issue()).body.link);
    const noReason = await anonymous().post<TErr>(`/api/approve/${token}`, { decision: "returned" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields?.[0]?.path).toBe("reason");
    expect((await anonymous().post(`/api/approve/${token}`, { decision: "returned", reason: "Уберите «за 3 дня»" })).status).toBe(200);
    expect((await admin.get<TOne>(caseUrl)).body.case).toMatchObject({ state: "returned", stateReason: "Уберите «за 3 дня»" });
  });

  it("refuses tampered, expired and superseded links, and an approver who lost the role", async () => {
    const { issue, specialist, caseUrl, admin, ids } = await proposed();
    const token = tokenOf((await issue()).body.link);
    const tampered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await anonymous().get(`/api/approve/${tampered}`)).status).toBe(404);
    expect((await anonymous().post(`/api/approve/${tampered}`, { decision: "approved" })).status).toBe(404);
    expect((await anonymous().get(`/api/approve/not-a-token`)).status).toBe(404);

    const later = new Date(Date.now() + 73 * 3600_000);
    await expect(decideByApprovalLink(h().app, token, { decision: "approved" }, later)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired/) });

    // A new version makes the old link stale: it asks about a text nobody proposes any more.
    await specialist.post(`${caseUrl}/responses`, { text: "Анна, извините. Разберёмся сегодня.", propose: true });
    expect((await anonymous().get<TView>(`/api/approve/${token}`)).body).toMatchObject({ status: "superseded", review: null });
    expect((await anonymous().post<TErr>(`/api/approve/${token}`, { decision: "approved" })).status).toBe(409);

    const fresh = tokenOf((await issue()).body.link);
    const view = await anonymous().get<TView>(`/api/approve/${fresh}`);
    expect(view.body.review?.response.version).toBe(2);
    expect((await anonymous().post<TErr>(`/api/approve/${fresh}`, { decision: "approved", responseId: "00000000-0000-4000-8000-000000000000" })).status).toBe(409);

    // The approver loses the grant: the link no longer works for them.
    const users = await admin.get<{ users: { id: string; grants: { id: string }[] }[] }>("/api/users");
    const grant = users.body.users.find((u) => u.id === ids.approver)?.grants[0]?.id;
    expect((await admin.delete(`/api/users/${ids.approver}/grants/${grant}`)).status).toBe(204);
    expect((await anonymous().get<TView>(`/api/approve/${fresh}`)).body.status).toBe("not_allowed");
    expect((await anonymous().post<TErr>(`/api/approve/${fresh}`, { decision: "approved" })).status).toBe(403);
  });

  it("serves the e-mail's page: HTML with the text, a form that approves once, and no cross-site posts", async () => {
    const { issue, admin, caseUrl } = await proposed();
    const token = tokenOf((await issue()).body.link);
    const page = await h().http.request(`/approve/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    expect(html).toContain("Анна, извините. Деньги вернём за 3 дня.");
    expect(html).toContain(`action="/approve/${token}"`);
    expect(html).not.toContain("<script");
    const responseId = /name="response" value="([^"]+)"/.exec(html)?.[1] ?? "";

    const form = (origin: string | undefined, body: string) =>
      h().http.request(`/approve/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...(origin ? { origin } : {}) }, body });
    expect((await form("https://evil.example", `decision=approve&response=${responseId}`)).status).toBe(403);
    const missingReason = await form("http://localhost:3000", `decision=return&response=${responseId}`);
    expect(missingReason.status).toBe(400);
    expect(await missingReason.text()).toContain('role="alert"');
    const ok = await form("http://localhost:3000", `decision=approve&response=${responseId}&reason=`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/Approved|Согласовано/);
    expect((await admin.get<TOne>(caseUrl)).body.case.state).toBe("approved");
    const used = await h().http.request(`/approve/${token}`);
    expect(await used.text()).toMatch(/already been used|уже использована/);
    expect((await h().http.request("/approve/apv_nonsense")).status).toBe(404);
  });
});
