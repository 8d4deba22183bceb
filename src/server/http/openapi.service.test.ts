import { expect, it } from "vitest";
import { TestClient } from "../test/client.ts";
import { describeOnDatabases } from "../test/harness.ts";

type TDoc = { openapi: string; paths: Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>> };

describeOnDatabases("OpenAPI and health", (h) => {
  it("describes every route with a summary and its responses", async () => {
    const doc = (await new TestClient(h().http).get<TDoc>("/api/openapi.json")).body;
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => ({ path, m, op })));
    expect(operations.length).toBeGreaterThan(25);
    for (const { path, m, op } of operations) {
      expect(op.summary, `${m} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses).length, `${m} ${path}`).toBeGreaterThan(0);
    }
    for (const path of ["/api/health", "/api/brands", "/api/brands/{brandId}", "/api/admin/jobs", "/api/audit", "/api/invitations/{token}/accept"])
      expect(Object.keys(doc.paths)).toContain(path);
  });

  it("reports health with the database kind", async () => {
    const res = await new TestClient(h().http).get<{ status: string; database: string }>("/api/health");
    expect(res.body).toMatchObject({ status: "ok", database: h().kind });
  });

  it("sends security headers", async () => {
    const res = await new TestClient(h().http).get("/api/health");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
