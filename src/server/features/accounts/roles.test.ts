import { describe, expect, it } from "vitest";
import { brandRolesFromGrants } from "./access.ts";
import { scopeProblem, strongerRole } from "./roles.ts";

describe("roles", () => {
  it("keeps the strongest role when grants overlap", () => {
    expect(strongerRole(undefined, "client_viewer")).toBe("client_viewer");
    expect(strongerRole("client_viewer", "specialist")).toBe("specialist");
    expect(strongerRole("admin", "client_approver")).toBe("admin");
    const roles = brandRolesFromGrants([
      { brandId: "b1", role: "client_viewer" },
      { brandId: "b1", role: "client_approver" },
      { brandId: "b2", role: "client_viewer" },
    ]);
    expect(Object.fromEntries(roles)).toEqual({ b1: "client_approver", b2: "client_viewer" });
  });

  it("admins are workspace-wide, client roles are scoped, never both scopes", () => {
    const none = { clientId: null, brandId: null };
    expect(scopeProblem("admin", none)).toBeUndefined();
    expect(scopeProblem("admin", { clientId: "c", brandId: null })).toMatch(/workspace-wide/);
    expect(scopeProblem("specialist", none)).toBeUndefined();
    expect(scopeProblem("specialist", { clientId: "c", brandId: null })).toBeUndefined();
    expect(scopeProblem("client_approver", none)).toMatch(/needs clientId or brandId/);
    expect(scopeProblem("client_viewer", { clientId: null, brandId: "b" })).toBeUndefined();
    expect(scopeProblem("client_viewer", { clientId: "c", brandId: "b" })).toMatch(/not both/);
  });
});
