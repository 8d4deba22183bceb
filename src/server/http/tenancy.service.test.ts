import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { TestClient } from "../test/client.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../test/factories.ts";
import { describeOnDatabases } from "../test/harness.ts";

type TRouteDef = { type: string; route?: { method: string; path: string } };

/** Every documented route with `{brandId}` in its path, read from the OpenAPI registry. */
function brandScopedRoutes(definitions: TRouteDef[]): { method: string; path: string }[] {
  return definitions
    .filter((d) => d.type === "route" && d.route?.path.includes("{brandId}"))
    .map((d) => ({ method: d.route?.method.toUpperCase() ?? "GET", path: d.route?.path ?? "" }));
}

const fill = (path: string, brandId: string) =>
  path.replace("{brandId}", brandId).replace(/\{[^}]+\}/g, () => randomUUID());

describeOnDatabases("tenant isolation on every brand-scoped route", (h) => {
  it("answers 404 to users of brand A for every route and method of brand B — across clients and workspaces", async () => {
    const routes = brandScopedRoutes(h().http.openAPIRegistry.definitions as TRouteDef[]);
    expect(routes.length).toBeGreaterThanOrEqual(4); // grows as features land; the test follows the table
    const home = await signUpWorkspace(h());
    const a = await createClientAndBrand(home.admin, "Client A", "Brand A");
    const b = await createClientAndBrand(home.admin, "Client B", "Brand B");
    const elsewhere = await signUpWorkspace(h());
    const foreign = await createClientAndBrand(elsewhere.admin, "Foreign client", "Foreign brand");

    const approverA = (await inviteUser(h(), home.admin, "client_approver", { brandId: a.brandId })).client;
    const specialistA = (await inviteUser(h(), home.admin, "specialist", { clientId: a.clientId })).client;
    const callers: [string, TestClient, string][] = [
      ["approver of A → B", approverA, b.brandId],
      ["specialist of client A → B", specialistA, b.brandId],
      ["admin of another workspace → B", elsewhere.admin, b.brandId],
      ["admin → another workspace's brand", home.admin, foreign.brandId],
      ["approver of A → a brand that does not exist", approverA, randomUUID()],
      ["approver of A → not a uuid", approverA, "1' or '1'='1"],
    ];
    const failures: string[] = [];
    for (const [who, caller, target] of callers) {
      for (const route of routes) {
        const body = route.method === "GET" || route.method === "DELETE" ? undefined : {};
        const res = await caller.request(route.method, fill(route.path, encodeURIComponent(target)), body);
        if (res.status !== 404) failures.push(`${who}: ${route.method} ${route.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    // The owners themselves are let through (the guard is not simply closed).
    expect((await approverA.get(`/api/brands/${a.brandId}`)).status).toBe(200);
    expect((await home.admin.get(`/api/brands/${b.brandId}`)).status).toBe(200);
  });

  it("answers 401, not 404, to anonymous callers of brand routes", async () => {
    const res = await new TestClient(h().http).get(`/api/brands/${randomUUID()}`);
    expect(res.status).toBe(401);
  });
});
