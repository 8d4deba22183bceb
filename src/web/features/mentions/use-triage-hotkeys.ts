import type { HotkeyItem } from "@mantine/hooks";
import { useEffect, useState } from "react";
import type { TMessageKey } from "../../i18n/en.ts";
import { appliesTo } from "./apply-bulk-action.ts";
import { TRIAGE_KEYS, type TTriageStep, triageCommand } from "./triage-keys.ts";
import type { TLabelAction, TMention } from "./types.ts";

/** Letters by their place on the keyboard, so they work in the Russian layout too (y = н, t = е). */
export const PHYSICAL = { usePhysicalKeys: true } as const;

/**
 * The label keys of the feed and the review queue (see triage-keys.ts), acting on the focused
 * mention. Only for agency roles: pass `enabled: false` for client roles and nothing is bound.
 * `step` is "type" between `t` and the next key; any key outside the type step's leaves it.
 */
export function useTriageHotkeys(options: {
  focused: TMention | undefined;
  enabled: boolean;
  onLabel: (mention: TMention, action: TLabelAction) => void;
  /** Says why a key did nothing (e.g. a type on a mention that is not negative). */
  onRefused: (reason: TMessageKey) => void;
}): { hotkeys: HotkeyItem[]; step: TTriageStep; leaveTypeStep: () => void } {
  const { focused, enabled, onLabel, onRefused } = options;
  const [step, setStep] = useState<TTriageStep>("label");

  // Leaving the type step: a key it does not use, losing the focused mention, or losing the right.
  useEffect(() => {
    if (step !== "type") return;
    const leave = (event: KeyboardEvent) => {
      if (!["1", "2", "3", "4", "5"].includes(event.key) && event.code !== "KeyY") setStep("label");
    };
    window.addEventListener("keydown", leave, true);
    return () => window.removeEventListener("keydown", leave, true);
  }, [step]);
  const focusedId = focused?.id;
  useEffect(() => setStep("label"), [focusedId, enabled]);

  if (!enabled) return { hotkeys: [], step: "label", leaveTypeStep: () => undefined };
  const press = (key: string) => () => {
    if (!focused) return;
    if (step === "label" && key === "t" && !appliesTo(focused, { action: "set_negative_type", negativeType: "complaint" })) {
      onRefused("mentions.negType.onlyNegative");
      return;
    }
    const command = triageCommand(step, key);
    setStep(command.next);
    if (!command.label) return;
    if (appliesTo(focused, command.label)) onLabel(focused, command.label);
    else onRefused(command.label.action === "confirm_sentiment" || command.label.action === "confirm_negative_type" ? "mentions.alreadyVerified" : "mentions.negType.onlyNegative");
  };
  const hotkeys: HotkeyItem[] = TRIAGE_KEYS.map((key) => (/^[a-z]$/.test(key) ? [key, press(key), PHYSICAL] : [key, press(key)]));
  return { hotkeys, step, leaveTypeStep: () => setStep("label") };
}
