import { describe, expect, it } from "vitest";
import { telegramConfigSchema } from "./telegram.config.ts";

describe("telegram config", () => {
  it.each([
    ["northwindbank", "northwindbank"],
    ["@NorthwindBank", "northwindbank"],
    [" https://t.me/NorthwindBank ", "northwindbank"],
    ["t.me/s/northwindbank", "northwindbank"],
    ["https://t.me/s/northwindbank/120?single", "northwindbank"],
    ["http://telegram.me/northwind_bank", "northwind_bank"],
  ])("accepts %j as the channel %j", (channel, normalized) => {
    expect(telegramConfigSchema.parse({ channel }).channel).toBe(normalized);
  });

  it("fills the defaults", () => {
    expect(telegramConfigSchema.parse({ channel: "northwindbank" })).toEqual({ channel: "northwindbank", ownPlace: false, baseUrl: "https://t.me" });
    expect(telegramConfigSchema.parse({ channel: "northwindbank", baseUrl: "http://127.0.0.1:9000/", query: " вклад " })).toMatchObject({
      baseUrl: "http://127.0.0.1:9000",
      query: "вклад",
    });
  });

  it.each([
    [{ channel: "nwb" }, "channel"],
    [{ channel: "a".repeat(33) }, "channel"],
    [{ channel: "https://t.me/+AbCdEfGhIjK" }, "channel"],
    [{ channel: "t.me/c/123456/7" }, "channel"],
    [{ channel: "northwind-bank" }, "channel"],
    [{}, "channel"],
    [{ channel: "northwindbank", query: "  " }, "query"],
    [{ channel: "northwindbank", ownPlace: "yes" }, "ownPlace"],
    [{ channel: "northwindbank", baseUrl: "ftp://t.me" }, "baseUrl"],
  ])("rejects %j, naming %s", (input, field) => {
    const result = telegramConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });

  it("rejects unknown keys", () => {
    const result = telegramConfigSchema.safeParse({ channel: "northwindbank", chanel: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["chanel"] });
  });

  it("explains what a channel must look like", () => {
    const result = telegramConfigSchema.safeParse({ channel: "nwb" });
    expect(result.error?.issues[0]?.message).toMatch(/^channel must be a public channel username/);
  });
});
