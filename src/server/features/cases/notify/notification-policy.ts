import type { TRole } from "../../../db/schema/accounts.ts";
import type { TNotificationChannel, TNotificationMode } from "../../../db/schema/cases.ts";
import type { TNotificationKind } from "../../notifications/notification-event.ts";

/**
 * Who may hear of which event, and what they get until they choose: the defaults a person's own
 * preference (per brand and kind) overrides. `in_app` is always immediate (it is an inbox);
 * `digest` sends e-mail once a day instead of at once, and Telegram only ever goes immediately.
 */
export type TPreference = { mode: TNotificationMode; channels: TNotificationChannel[] };

const on = (mode: TNotificationMode, ...channels: TNotificationChannel[]): TPreference => ({ mode, channels });
const OFF: TPreference = { mode: "off", channels: [] };

const DEFAULTS: Record<TNotificationKind, Record<TRole, TPreference>> = {
  new_negative: { admin: on("immediate", "email", "in_app"), specialist: on("immediate", "email", "in_app"), client_approver: on("digest", "email", "in_app"), client_viewer: on("digest", "email") },
  awaiting_approval: { admin: on("immediate", "email", "in_app"), specialist: on("immediate", "in_app"), client_approver: on("immediate", "email", "in_app"), client_viewer: OFF },
  approved: { admin: on("immediate", "email", "in_app"), specialist: on("immediate", "email", "in_app"), client_approver: on("digest", "in_app"), client_viewer: OFF },
  returned: { admin: on("immediate", "email", "in_app"), specialist: on("immediate", "email", "in_app"), client_approver: on("digest", "in_app"), client_viewer: OFF },
  overdue: { admin: on("immediate", "email", "in_app"), specialist: on("immediate", "email", "in_app"), client_approver: OFF, client_viewer: OFF },
  published: { admin: on("digest", "email", "in_app"), specialist: on("immediate", "in_app"), client_approver: on("digest", "email", "in_app"), client_viewer: on("digest", "email") },
};

export function defaultPreference(role: TRole, kind: TNotificationKind): TPreference {
  const preference = DEFAULTS[kind][role];
  return { mode: preference.mode, channels: [...preference.channels] };
}

/**
 * Responses awaiting approval concern those who approve (and the agency, in the app); an
 * overdue case concerns the admins and whoever it is assigned to. Everything else, everyone on
 * the brand.
 */
export function mayReceive(role: TRole, kind: TNotificationKind, isAssignee: boolean): boolean {
  if (kind === "awaiting_approval") return role !== "client_viewer";
  if (kind === "overdue") return role === "admin" || isAssignee;
  return true;
}

/** Who approves with a link from the e-mail. */
export const approvesByLink = (role: TRole): boolean => role === "client_approver" || role === "admin";
