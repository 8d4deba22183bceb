import { describe, expect, it } from "vitest";
import { type THealthInput, sourceHealth } from "./source-health.ts";
import { SECRET_MASK, changedConfigKeys, maskSecrets, mergeSecrets } from "./source-secrets.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

const healthy: THealthInput = {
  status: "active",
  intervalMinutes: 60,
  consecutiveFailures: 0,
  lastRunAt: ago(10),
  lastSuccessAt: ago(10),
  lastItemAt: ago(120),
  createdAt: ago(10_000),
};

describe("source health", () => {
  it("is ok when the last run succeeded within three intervals", () => {
    expect(sourceHealth(healthy, NOW)).toBe("ok");
    expect(sourceHealth({ ...healthy, lastSuccessAt: ago(180), lastRunAt: ago(180) }, NOW)).toBe("ok");
  });

  it("is paused whatever else the row says", () => {
    expect(sourceHealth({ ...healthy, status: "paused", consecutiveFailures: 4, lastRunAt: null, lastSuccessAt: null }, NOW)).toBe("paused");
  });

  it("is failing after a failed run, even one that succeeded before", () => {
    expect(sourceHealth({ ...healthy, consecutiveFailures: 1 }, NOW)).toBe("failing");
    expect(sourceHealth({ ...healthy, consecutiveFailures: 2, lastSuccessAt: null }, NOW)).toBe("failing");
  });

  it("is pending until it has run once", () => {
    expect(sourceHealth({ ...healthy, lastRunAt: null, lastSuccessAt: null, lastItemAt: null }, NOW)).toBe("pending");
  });

  it("is stale when no run succeeded for more than three intervals", () => {
    expect(sourceHealth({ ...healthy, lastSuccessAt: ago(181), lastRunAt: ago(181) }, NOW)).toBe("stale");
    expect(sourceHealth({ ...healthy, lastSuccessAt: ago(100) }, NOW, { missedIntervals: 1 })).toBe("stale");
  });

  it("is stale when the platform went quiet for longer than expected, and only when an expectation is set", () => {
    const quiet = { ...healthy, lastItemAt: ago(3 * 24 * 60) };
    expect(sourceHealth(quiet, NOW)).toBe("ok");
    expect(sourceHealth(quiet, NOW, { expectedItemMinutes: null })).toBe("ok");
    expect(sourceHealth(quiet, NOW, { expectedItemMinutes: 2 * 24 * 60 })).toBe("stale");
    expect(sourceHealth(quiet, NOW, { expectedItemMinutes: 4 * 24 * 60 })).toBe("ok");
    // Never brought an item: judged from when it was added.
    expect(sourceHealth({ ...healthy, lastItemAt: null, createdAt: ago(60) }, NOW, { expectedItemMinutes: 120 })).toBe("ok");
    expect(sourceHealth({ ...healthy, lastItemAt: null, createdAt: ago(600) }, NOW, { expectedItemMinutes: 120 })).toBe("stale");
  });

  it("reads the expectation at its edge, and never lets it hide paused, failing or pending", () => {
    const expectedItemMinutes = 24 * 60;
    expect(sourceHealth({ ...healthy, lastItemAt: ago(expectedItemMinutes) }, NOW, { expectedItemMinutes })).toBe("ok");
    expect(sourceHealth({ ...healthy, lastItemAt: ago(expectedItemMinutes + 1) }, NOW, { expectedItemMinutes })).toBe("stale");
    const silent = { ...healthy, lastItemAt: ago(10 * expectedItemMinutes) };
    expect(sourceHealth({ ...silent, status: "paused" }, NOW, { expectedItemMinutes })).toBe("paused");
    expect(sourceHealth({ ...silent, consecutiveFailures: 1 }, NOW, { expectedItemMinutes })).toBe("failing");
    expect(sourceHealth({ ...silent, lastRunAt: null, lastSuccessAt: null }, NOW, { expectedItemMinutes })).toBe("pending");
    // An item that arrived just now ends the silence, whatever the expectation.
    expect(sourceHealth({ ...silent, lastItemAt: NOW }, NOW, { expectedItemMinutes: 10 })).toBe("ok");
  });
});

describe("source secrets", () => {
  it("masks set secrets, drops unset ones, leaves the rest", () => {
    expect(maskSecrets({ token: "abc", url: "https://x" }, ["token"])).toEqual({ token: SECRET_MASK, url: "https://x" });
    expect(maskSecrets({ token: "", url: "https://x" }, ["token"])).toEqual({ url: "https://x" });
  });

  it("keeps the stored secret when the mask comes back or the field is left out; replaces or removes it otherwise", () => {
    const stored = { token: "secret-1", url: "https://a" };
    expect(mergeSecrets({ token: SECRET_MASK, url: "https://b" }, stored, ["token"])).toEqual({ token: "secret-1", url: "https://b" });
    expect(mergeSecrets({ url: "https://b" }, stored, ["token"])).toEqual({ token: "secret-1", url: "https://b" });
    expect(mergeSecrets({ token: "secret-2" }, stored, ["token"])).toEqual({ token: "secret-2" });
    expect(mergeSecrets({ token: null }, stored, ["token"])).toEqual({});
    expect(mergeSecrets({ token: SECRET_MASK }, {}, ["token"])).toEqual({});
  });

  it("lists changed keys", () => {
    expect(changedConfigKeys({ a: 1, b: [1], c: "x" }, { a: 1, b: [2], d: true })).toEqual(["b", "c", "d"]);
  });
});
