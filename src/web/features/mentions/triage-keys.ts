import { NEGATIVE_TYPES, SENTIMENTS, type TLabelAction } from "./types.ts";

/**
 * One-keystroke triage of the focused mention, as a small state machine:
 *   y          keep the machine's sentiment (confirm it as the specialist's)
 *   1 2 3      positive / neutral / negative
 *   t, then    1–5 a type of negative (complaint, outburst, attack, troll, employee),
 *              y keeps the machine's type; any other key leaves the type step
 */
export type TTriageStep = "label" | "type";

export type TTriageCommand = { label: TLabelAction; next: "label" } | { label: null; next: TTriageStep };

/** The keys the triage reacts to, for registering hotkeys. */
export const TRIAGE_KEYS = ["y", "t", "1", "2", "3", "4", "5"] as const;

export function triageCommand(step: TTriageStep, key: string): TTriageCommand {
  if (step === "type") {
    if (key === "y") return { label: { action: "confirm_negative_type" }, next: "label" };
    const type = /^[1-9]$/.test(key) ? NEGATIVE_TYPES[Number(key) - 1] : undefined;
    return type ? { label: { action: "set_negative_type", negativeType: type }, next: "label" } : { label: null, next: "label" };
  }
  if (key === "y") return { label: { action: "confirm_sentiment" }, next: "label" };
  if (key === "t") return { label: null, next: "type" };
  const sentiment = /^[1-9]$/.test(key) ? SENTIMENTS[Number(key) - 1] : undefined;
  return sentiment ? { label: { action: "set_sentiment", sentiment }, next: "label" } : { label: null, next: "label" };
}
