import { describe, expect, it } from "vitest";
import { ROLES } from "../../../db/schema/accounts.ts";
import { NOTIFICATION_KINDS } from "../../notifications/notification-event.ts";
import { defaultPreference, mayReceive } from "./notification-policy.ts";

describe("notification policy", () => {
  it("sends overdue notices to admins and the assignee only", () => {
    expect(ROLES.filter((r) => mayReceive(r, "overdue", false))).toEqual(["admin"]);
    expect(ROLES.filter((r) => mayReceive(r, "overdue", true))).toEqual([...ROLES]);
  });

  it("asks approvers to approve by e-mail at once; viewers never hear of it", () => {
    expect(defaultPreference("client_approver", "awaiting_approval")).toEqual({ mode: "immediate", channels: ["email", "in_app"] });
    expect(mayReceive("client_viewer", "awaiting_approval", false)).toBe(false);
  });

  it("has a default for every role and kind, and hands out copies", () => {
    for (const kind of NOTIFICATION_KINDS) for (const role of ROLES) expect(defaultPreference(role, kind).mode).toMatch(/off|immediate|digest/);
    const a = defaultPreference("admin", "new_negative");
    a.channels.push("telegram");
    expect(defaultPreference("admin", "new_negative").channels).toEqual(["email", "in_app"]);
  });
});
