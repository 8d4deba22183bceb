import { describe, expect, it } from "vitest";
import { machinePercent, shownAspects } from "./label-origin.ts";

describe("label origin", () => {
  it("shows the machine's confidence, never a person's", () => {
    expect(machinePercent({ confidence: 0.614, origin: "model" })).toBe(61);
    expect(machinePercent({ confidence: 0.98, origin: "rating" })).toBe(98);
    expect(machinePercent({ confidence: 1, origin: "specialist" })).toBeNull();
    expect(machinePercent({ confidence: null, origin: "import" })).toBeNull();
    expect(machinePercent({ confidence: null, origin: "model" })).toBeNull();
    expect(machinePercent(null)).toBeNull();
  });

  it("leaves out the aspect that says nothing", () => {
    expect(shownAspects(["delivery", "other"])).toEqual(["delivery"]);
    expect(shownAspects(["other"])).toEqual([]);
  });
});
