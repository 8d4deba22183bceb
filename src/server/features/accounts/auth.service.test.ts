import { expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { PASSWORD, createClientAndBrand, inviteUser, signIn, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";

type TErr = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

describeOnDatabases("first start and sign-in", (h) => {
  it("asks for the first admin, creates it once, then refuses a second setup", async () => {
    const anon = new TestClient(h().http);
    expect((await anon.get("/api/setup")).body).toEqual({ needsSetup: true });
    const setup = await anon.post<{ user: { email: string; isAdmin: boolean; workspaceName: string }; csrfToken: string }>(
      "/api/setup",
      { workspaceName: "Acme Agency", name: "Ann", email: "Ann@Acme.test", password: PASSWORD, locale: "ru" },
    );
    expect(setup.status).toBe(200);
    expect(setup.body.user).toMatchObject({ email: "ann@acme.test", isAdmin: true, workspaceName: "Acme Agency" });
    expect(setup.headers.get("set-cookie")).toMatch(/repute_session=.+; .*HttpOnly/i);
    expect(setup.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    expect((await anon.get("/api/auth/session")).status).toBe(200);
    expect((await new TestClient(h().http).get("/api/setup")).body).toEqual({ needsSetup: false });
    const again = await new TestClient(h().http).post<TErr>("/api/setup", {
      workspaceName: "Evil", name: "Eve", email: "eve@x.test", password: PASSWORD, locale: "en",
    });
    expect(again.status).toBe(409);
  });

  it("signs in with the right password only, without telling which part was wrong", async () => {
    const ok = await new TestClient(h().http).post("/api/auth/login", { email: "ann@acme.test", password: PASSWORD });
    expect(ok.status).toBe(200);
    const wrong = await new TestClient(h().http).post<TErr>("/api/auth/login", { email: "ann@acme.test", password: "nope-nope-nope" });
    const unknown = await new TestClient(h().http).post<TErr>("/api/auth/login", { email: "nobody@acme.test", password: "nope-nope-nope" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it("rate-limits failed sign-ins per e-mail and per client address, and says when to retry", async () => {
    const max = h().app.config.loginMaxAttempts;
    const from = (address: string) => ({ "x-forwarded-for": address });
    const attempt = (email: string, password: string, address: string) =>
      new TestClient(h().http).request<TErr>("POST", "/api/auth/login", { email, password }, from(address));
    for (let i = 0; i < max; i++) expect((await attempt("target@acme.test", `guess-${i}`, `198.51.100.${i}`)).status).toBe(401);
    const blocked = await attempt("target@acme.test", "guess-last", "198.51.100.200");
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // One address spraying many e-mails is stopped too (at five times the per-e-mail allowance,
    // so a shared office address survives a few typos), and other addresses are unaffected.
    for (let i = 0; i < max * 5; i++) expect((await attempt(`spray-${i}@acme.test`, "guess", "203.0.113.9")).status).toBe(401);
    expect((await attempt("fresh@acme.test", "guess", "203.0.113.9")).status).toBe(429);
    expect((await attempt("ann@acme.test", PASSWORD, "203.0.113.10")).status).toBe(200);
  });

  it("requires the CSRF token on cookie mutations but not on bearer-token calls", async () => {
    const ann = await signIn(h(), "ann@acme.test");
    const withoutToken = await ann.request<TErr>("POST", "/api/clients", { name: "No CSRF" }, { "x-csrf-token": "forged" });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.error.code).toBe("csrf_failed");
    const created = await ann.post<{ token: { id: string }; secret: string }>("/api/tokens", { name: "script" });
    expect(created.status).toBe(201);
    const script = new TestClient(h().http);
    script.bearer = created.body.secret;
    expect((await script.post("/api/clients", { name: "Via token" })).status).toBe(201);
    const bogus = new TestClient(h().http);
    bogus.bearer = "rpt_not-a-token";
    expect((await bogus.get("/api/brands")).status).toBe(401);
    expect((await ann.delete(`/api/tokens/${created.body.token.id}`)).status).toBe(204);
    expect((await script.get("/api/brands")).status).toBe(401);
  });

  it("changes the password, ending the other sessions, and signs out of all sessions", async () => {
    const first = await signIn(h(), "ann@acme.test");
    const second = await signIn(h(), "ann@acme.test");
    const tooShort = await first.post<TErr>("/api/auth/password", { currentPassword: PASSWORD, newPassword: "short" });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.fields?.[0]?.path).toBe("newPassword");
    const wrongCurrent = await first.post<TErr>("/api/auth/password", { currentPassword: "wrong-wrong", newPassword: "another-long-password" });
    expect(wrongCurrent.body.error.fields?.[0]?.path).toBe("currentPassword");
    expect((await first.post("/api/auth/password", { currentPassword: PASSWORD, newPassword: "another-long-password" })).status).toBe(204);
    expect((await first.get("/api/auth/session")).status).toBe(200);
    expect((await second.get("/api/auth/session")).status).toBe(401);
    const third = await signIn(h(), "ann@acme.test", "another-long-password");
    expect((await third.post("/api/auth/logout-all")).status).toBe(204);
    expect((await first.get("/api/auth/session")).status).toBe(401);
    expect((await third.get("/api/auth/session")).status).toBe(401);
    expect((await (await signIn(h(), "ann@acme.test", "another-long-password")).post("/api/auth/password", {
      currentPassword: "another-long-password", newPassword: PASSWORD })).status).toBe(204);
  });
}, { env: { TRUST_PROXY: "true" } });

describeOnDatabases("invitations and what each user sees", (h) => {
  it("an invited client approver sees only the brand they were given; the link works once", async () => {
    const { admin } = await signUpWorkspace(h());
    const a = await createClientAndBrand(admin, "Client A", "Brand A");
    const b = await createClientAndBrand(admin, "Client B", "Brand B");
    const inv = await admin.post<{ link: string }>("/api/invitations", { email: "claire@client.test", role: "client_approver", brandId: a.brandId });
    expect(inv.status).toBe(201);
    const token = inv.body.link.split("/invite/")[1] ?? "";
    const peek = await new TestClient(h().http).get<{ email: string; scope: { brandName: string } }>(`/api/invitations/${token}`);
    expect(peek.body).toMatchObject({ email: "claire@client.test", scope: { brandName: "Brand A" } });
    const claire = new TestClient(h().http);
    expect((await claire.post(`/api/invitations/${token}/accept`, { name: "Claire", password: PASSWORD })).status).toBe(200);
    const brands = await claire.get<{ brands: { id: string; role: string }[] }>("/api/brands");
    expect(brands.body.brands).toEqual([expect.objectContaining({ id: a.brandId, role: "client_approver" })]);
    expect((await claire.get(`/api/brands/${b.brandId}`)).status).toBe(404);
    expect((await claire.get("/api/clients")).status).toBe(404);
    const reuse = await new TestClient(h().http).post(`/api/invitations/${token}/accept`, { name: "Mallory", password: PASSWORD });
    expect(reuse.status).toBe(404);
    // The active brand is remembered, and only among one's own brands.
    expect((await claire.patch("/api/me", { activeBrandId: a.brandId, locale: "ru" })).status).toBe(200);
    const session = await claire.get<{ user: { activeBrandId: string; locale: string } }>("/api/auth/session");
    expect(session.body.user).toMatchObject({ activeBrandId: a.brandId, locale: "ru" });
    const foreign = await claire.patch<TErr>("/api/me", { activeBrandId: b.brandId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields?.[0]?.path).toBe("activeBrandId");
  });

  it("a client-wide grant reaches every brand of that client; revoked and expired invitations do not open", async () => {
    const { admin } = await signUpWorkspace(h());
    const a = await createClientAndBrand(admin, "Multi", "M1");
    const m2 = await admin.post<{ brand: { id: string } }>("/api/brands", { clientId: a.clientId, name: "M2" });
    const viewer = await inviteUser(h(), admin, "client_viewer", { clientId: a.clientId });
    const seen = await viewer.client.get<{ brands: { id: string }[] }>("/api/brands");
    expect(seen.body.brands.map((b) => b.id).sort()).toEqual([a.brandId, m2.body.brand.id].sort());
    const inv = await admin.post<{ invitation: { id: string }; link: string }>("/api/invitations", { email: "late@x.test", role: "specialist" });
    expect((await admin.delete(`/api/invitations/${inv.body.invitation.id}`)).status).toBe(204);
    const token = inv.body.link.split("/invite/")[1];
    expect((await new TestClient(h().http).get(`/api/invitations/${token}`)).status).toBe(404);
    const list = await admin.get<{ invitations: { id: string; status: string }[] }>("/api/invitations");
    expect(list.body.invitations.find((i) => i.id === inv.body.invitation.id)?.status).toBe("revoked");
  });

  it("rejects invalid role scopes with the field named", async () => {
    const { admin } = await signUpWorkspace(h());
    const res = await admin.post<TErr>("/api/invitations", { email: "x@y.test", role: "client_approver" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.[0]?.path).toBe("role");
  });
});
