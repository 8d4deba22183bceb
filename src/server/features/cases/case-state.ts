import type { TRole } from "../../db/schema/accounts.ts";
import type { TCaseState } from "../../db/schema/cases.ts";

/**
 * The life of a case, as a pure function: which action takes which state where, and who may
 * take it. Specialists work, propose and publish; client approvers approve or return with a
 * reason; admins may take every action; client viewers none.
 *
 *   new ─take─▶ in_work ─propose─▶ response_proposed ─approve─▶ approved ─publish─▶ published ─resolve─▶ resolved
 *                  ▲                     │  ▲                                  │
 *                  └──take── returned ◀──┘  └──────propose (a new version)─────┘
 *   new | in_work | returned | response_proposed | approved ─dismiss(reason)─▶ no_response_needed
 *   resolved | no_response_needed ─reopen─▶ in_work
 */
export const CASE_ACTIONS = ["take", "propose", "approve", "return", "publish", "resolve", "dismiss", "reopen"] as const;
export type TCaseAction = (typeof CASE_ACTIONS)[number];

type TRule = { from: readonly TCaseState[]; to: TCaseState; roles: readonly TRole[]; needsReason: boolean };

const AGENCY: readonly TRole[] = ["admin", "specialist"];
const APPROVERS: readonly TRole[] = ["admin", "client_approver"];

export const CASE_RULES: Record<TCaseAction, TRule> = {
  take: { from: ["new", "returned"], to: "in_work", roles: AGENCY, needsReason: false },
  propose: { from: ["new", "in_work", "returned", "response_proposed", "approved"], to: "response_proposed", roles: AGENCY, needsReason: false },
  approve: { from: ["response_proposed"], to: "approved", roles: APPROVERS, needsReason: false },
  return: { from: ["response_proposed"], to: "returned", roles: APPROVERS, needsReason: true },
  publish: { from: ["approved"], to: "published", roles: AGENCY, needsReason: false },
  resolve: { from: ["published"], to: "resolved", roles: AGENCY, needsReason: false },
  dismiss: { from: ["new", "in_work", "returned", "response_proposed", "approved"], to: "no_response_needed", roles: AGENCY, needsReason: true },
  reopen: { from: ["resolved", "no_response_needed"], to: "in_work", roles: AGENCY, needsReason: false },
};

/** States in which a case still waits for something to be done (the SLA clock runs). */
export const OPEN_STATES: readonly TCaseState[] = ["new", "in_work", "response_proposed", "approved", "returned"];
export const isOpenState = (state: TCaseState): boolean => OPEN_STATES.includes(state);

/** What the caller knows about the case beyond its state. */
export type TCaseFacts = {
  /** A response version exists (propose needs one). */
  hasResponse: boolean;
  /** The latest version is the approved one (publish needs it). */
  latestApproved: boolean;
};

export type TTransitionPlan =
  | { ok: true; from: TCaseState; to: TCaseState }
  | { ok: false; code: "forbidden" | "conflict" | "reason_required"; message: string };

export const MAX_REASON_LENGTH = 2000;

export function planTransition(input: {
  state: TCaseState;
  action: TCaseAction;
  role: TRole | undefined;
  reason?: string | null;
  facts: TCaseFacts;
}): TTransitionPlan {
  const rule = CASE_RULES[input.action];
  if (!input.role || !rule.roles.includes(input.role)) {
    return { ok: false, code: "forbidden", message: `Your role may not ${input.action} a case` };
  }
  if (!rule.from.includes(input.state)) {
    return { ok: false, code: "conflict", message: `A case in state "${input.state}" cannot be taken through "${input.action}"` };
  }
  if (rule.needsReason && !(input.reason ?? "").trim()) {
    return { ok: false, code: "reason_required", message: `"${input.action}" needs a reason` };
  }
  if (input.action === "propose" && !input.facts.hasResponse) {
    return { ok: false, code: "conflict", message: "Write a response version before proposing it" };
  }
  if (input.action === "publish" && !input.facts.latestApproved) {
    return { ok: false, code: "conflict", message: "Nothing is published without an approval of the latest response version" };
  }
  return { ok: true, from: input.state, to: rule.to };
}

/** The actions the caller could take now (for the UI's buttons). */
export function allowedActions(state: TCaseState, role: TRole | undefined, facts: TCaseFacts): TCaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const plan = planTransition({ state, action, role, reason: "x", facts });
    return plan.ok;
  });
}
