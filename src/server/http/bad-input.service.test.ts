import { expect, it } from "vitest";
import { createClientAndBrand, signUpWorkspace } from "../test/factories.ts";
import { describeOnDatabases } from "../test/harness.ts";

type TErr = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

describeOnDatabases("bad input gets a clear error and changes nothing", (h) => {
  it("names the field for wrong types, missing and unknown fields", async () => {
    const { admin } = await signUpWorkspace(h());
    const wrongType = await admin.post<TErr>("/api/clients", { name: 42 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields).toEqual([expect.objectContaining({ path: "name" })]);
    const missing = await admin.post<TErr>("/api/brands", { name: "No client" });
    expect(missing.body.error.fields).toEqual([expect.objectContaining({ path: "clientId" })]);
    const unknown = await admin.post<TErr>("/api/clients", { name: "Ok", isAdmin: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: "isAdmin", message: "unknown field" }]);
    const badQuery = await admin.get<TErr>("/api/audit?limit=lots");
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.fields?.[0]?.path).toBe("limit");
    const clients = await admin.get<{ clients: unknown[] }>("/api/clients");
    expect(clients.body.clients).toHaveLength(0);
  });

  it("rejects malformed JSON, non-JSON bodies and oversized bodies without a stack trace", async () => {
    const { admin } = await signUpWorkspace(h());
    const malformed = await admin.request<TErr>("POST", "/api/clients", '{"name": "x"');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("validation_failed");
    const form = await admin.request<TErr>("POST", "/api/clients", "name=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    const huge = await admin.post<TErr>("/api/clients", { name: "x".repeat(h().app.config.maxBodyBytes + 10) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("payload_too_large");
    for (const res of [malformed, form, huge]) expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    expect((await admin.get<{ clients: unknown[] }>("/api/clients")).body.clients).toHaveLength(0);
  });

  it("stores SQL-looking strings as plain text", async () => {
    const { admin } = await signUpWorkspace(h());
    const name = "Robert'); DROP TABLE brands;--";
    const { brandId } = await createClientAndBrand(admin, "O'Brien & Sons", name);
    const brand = await admin.get<{ brand: { name: string; clientName: string } }>(`/api/brands/${brandId}`);
    expect(brand.body.brand).toMatchObject({ name, clientName: "O'Brien & Sons" });
    const search = await admin.get<TErr>(`/api/audit?action=${encodeURIComponent("' or 1=1 --")}`);
    expect(search.status).toBe(200);
  });

  it("answers unknown API routes with a JSON 404", async () => {
    const { admin } = await signUpWorkspace(h());
    const res = await admin.get<TErr>("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("refuses to delete a client with brands, or the last admin", async () => {
    const { admin } = await signUpWorkspace(h());
    const { clientId } = await createClientAndBrand(admin);
    expect((await admin.delete<TErr>(`/api/clients/${clientId}`)).status).toBe(409);
    const me = await admin.get<{ user: { id: string } }>("/api/auth/session");
    const users = await admin.get<{ users: { id: string; grants: { id: string }[] }[] }>("/api/users");
    const grant = users.body.users.find((u) => u.id === me.body.user.id)?.grants[0];
    expect((await admin.delete<TErr>(`/api/users/${me.body.user.id}/grants/${grant?.id}`)).status).toBe(409);
    expect((await admin.get("/api/clients")).status).toBe(200);
  });
});
