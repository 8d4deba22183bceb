import { expect, it } from "vitest";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";

type TEntries = { entries: { action: string; brandId: string | null; actor: { email: string } | null; objectId: string | null }[]; nextCursor: string | null };

describeOnDatabases("audit log", (h) => {
  it("records who did what to which object, filterable by brand and paginated", async () => {
    const { admin, email } = await signUpWorkspace(h());
    const a = await createClientAndBrand(admin, "Client A", "Brand A");
    const b = await createClientAndBrand(admin, "Client B", "Brand B");
    await admin.patch(`/api/brands/${a.brandId}`, { name: "Brand A renamed" });
    const specialist = await inviteUser(h(), admin, "specialist", { brandId: a.brandId });
    const approver = await inviteUser(h(), admin, "client_approver", { brandId: a.brandId });

    const all = await admin.get<TEntries>("/api/audit");
    const actions = all.body.entries.map((e) => e.action);
    for (const action of ["client.create", "brand.create", "brand.rename", "invitation.create", "invitation.accept", "user.create"])
      expect(actions).toContain(action);
    expect(all.body.entries.find((e) => e.action === "brand.rename")).toMatchObject({ brandId: a.brandId, actor: { email } });

    const onlyA = await admin.get<TEntries>(`/api/audit?brandId=${a.brandId}`);
    expect(onlyA.body.entries.length).toBeGreaterThan(0);
    expect(onlyA.body.entries.every((e) => e.brandId === a.brandId)).toBe(true);
    expect(onlyA.body.entries.some((e) => e.objectId === b.brandId)).toBe(false);

    const page1 = await admin.get<TEntries>("/api/audit?limit=3");
    expect(page1.body.entries).toHaveLength(3);
    const page2 = await admin.get<TEntries>(`/api/audit?limit=3&cursor=${page1.body.nextCursor}`);
    expect(page2.body.entries[0]?.action).toBeDefined();
    const ids1 = new Set(page1.body.entries.map((e) => e.objectId + e.action));
    expect(page2.body.entries.every((e) => !ids1.has(e.objectId + e.action) || e.action.startsWith("user"))).toBe(true);
    expect((await admin.get("/api/audit?cursor=garbage")).status).toBe(400);

    // Agency roles read a brand's log; client roles do not; the workspace log is for admins.
    expect((await specialist.client.get(`/api/brands/${a.brandId}/audit`)).status).toBe(200);
    expect((await approver.client.get(`/api/brands/${a.brandId}/audit`)).status).toBe(403);
    expect((await specialist.client.get("/api/audit")).status).toBe(404);
  });
});
