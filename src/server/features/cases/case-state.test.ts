import { describe, expect, it } from "vitest";
import { ROLES, type TRole } from "../../db/schema/accounts.ts";
import { CASE_STATES, type TCaseState } from "../../db/schema/cases.ts";
import { CASE_ACTIONS, type TCaseAction, allowedActions, isOpenState, planTransition } from "./case-state.ts";

const facts = { hasResponse: true, latestApproved: true };

/** Every allowed (state, action) → target, written out by hand from the issue. */
const EXPECTED: Partial<Record<TCaseState, Partial<Record<TCaseAction, TCaseState>>>> = {
  new: { take: "in_work", propose: "response_proposed", dismiss: "no_response_needed" },
  in_work: { propose: "response_proposed", dismiss: "no_response_needed" },
  response_proposed: { propose: "response_proposed", approve: "approved", return: "returned", dismiss: "no_response_needed" },
  approved: { propose: "response_proposed", publish: "published", dismiss: "no_response_needed" },
  returned: { take: "in_work", propose: "response_proposed", dismiss: "no_response_needed" },
  published: { resolve: "resolved" },
  resolved: { reopen: "in_work" },
  no_response_needed: { reopen: "in_work" },
};

const ROLE_OF: Record<TCaseAction, readonly TRole[]> = {
  take: ["admin", "specialist"],
  propose: ["admin", "specialist"],
  approve: ["admin", "client_approver"],
  return: ["admin", "client_approver"],
  publish: ["admin", "specialist"],
  resolve: ["admin", "specialist"],
  dismiss: ["admin", "specialist"],
  reopen: ["admin", "specialist"],
};

describe("the case state machine", () => {
  it("allows exactly the transitions of the issue, each to its roles only", () => {
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        for (const role of ROLES) {
          const plan = planTransition({ state, action, role, reason: "because", facts });
          const target = EXPECTED[state]?.[action];
          const roleOk = ROLE_OF[action].includes(role);
          if (!roleOk) expect(plan, `${role} ${action} in ${state}`).toMatchObject({ ok: false, code: "forbidden" });
          else if (!target) expect(plan, `${action} in ${state}`).toMatchObject({ ok: false, code: "conflict" });
          else expect(plan, `${role} ${action} in ${state}`).toEqual({ ok: true, from: state, to: target });
        }
      }
    }
  });

  it("a client viewer or a stranger can do nothing", () => {
    for (const state of CASE_STATES) {
      expect(allowedActions(state, "client_viewer", facts)).toEqual([]);
      expect(allowedActions(state, undefined, facts)).toEqual([]);
    }
  });

  it("return and dismiss need a reason; blank does not count", () => {
    for (const reason of [undefined, null, "", "   \n"]) {
      expect(planTransition({ state: "response_proposed", action: "return", role: "client_approver", reason, facts })).toMatchObject({ ok: false, code: "reason_required" });
      expect(planTransition({ state: "new", action: "dismiss", role: "specialist", reason, facts })).toMatchObject({ ok: false, code: "reason_required" });
    }
    expect(planTransition({ state: "response_proposed", action: "approve", role: "client_approver", facts })).toMatchObject({ ok: true, to: "approved" });
  });

  it("propose needs a response version; publish needs the latest version approved", () => {
    expect(planTransition({ state: "in_work", action: "propose", role: "specialist", facts: { hasResponse: false, latestApproved: false } })).toMatchObject({ ok: false, code: "conflict" });
    const plan = planTransition({ state: "approved", action: "publish", role: "specialist", facts: { hasResponse: true, latestApproved: false } });
    expect(plan).toMatchObject({ ok: false, code: "conflict" });
    expect(plan.ok ? "" : plan.message).toMatch(/approval/);
  });

  it("lists the buttons a role has in a state", () => {
    expect(allowedActions("response_proposed", "client_approver", facts)).toEqual(["approve", "return"]);
    expect(allowedActions("response_proposed", "specialist", facts)).toEqual(["propose", "dismiss"]);
    expect(allowedActions("response_proposed", "admin", facts)).toEqual(["propose", "approve", "return", "dismiss"]);
    expect(allowedActions("approved", "specialist", { hasResponse: true, latestApproved: false })).toEqual(["propose", "dismiss"]);
  });

  it("the SLA clock runs in open states only", () => {
    expect(CASE_STATES.filter(isOpenState)).toEqual(["new", "in_work", "response_proposed", "approved", "returned"]);
  });
});
