import { describe, expect, it } from "vitest";
import { triageCommand } from "./triage-keys.ts";

describe("one-keystroke triage", () => {
  it("y confirms the machine's sentiment, 1 2 3 set one", () => {
    expect(triageCommand("label", "y")).toEqual({ label: { action: "confirm_sentiment" }, next: "label" });
    expect(triageCommand("label", "1")).toEqual({ label: { action: "set_sentiment", sentiment: "positive" }, next: "label" });
    expect(triageCommand("label", "3")).toEqual({ label: { action: "set_sentiment", sentiment: "negative" }, next: "label" });
    expect(triageCommand("label", "4")).toEqual({ label: null, next: "label" });
  });

  it("t opens the type step: 1–5 set a type, y keeps the machine's, anything else leaves", () => {
    expect(triageCommand("label", "t")).toEqual({ label: null, next: "type" });
    expect(triageCommand("type", "1")).toEqual({ label: { action: "set_negative_type", negativeType: "complaint" }, next: "label" });
    expect(triageCommand("type", "5")).toEqual({ label: { action: "set_negative_type", negativeType: "employee" }, next: "label" });
    expect(triageCommand("type", "y")).toEqual({ label: { action: "confirm_negative_type" }, next: "label" });
    expect(triageCommand("type", "6")).toEqual({ label: null, next: "label" });
    expect(triageCommand("type", "Escape")).toEqual({ label: null, next: "label" });
    expect(triageCommand("type", "t")).toEqual({ label: null, next: "label" });
  });
});
