import { describe, expect, it } from "vitest";
import { bankiRuConfigSchema } from "./banki-ru.config.ts";

describe("banki.ru config", () => {
  it("fills the defaults", () => {
    expect(bankiRuConfigSchema.parse({ bank: "northwindbank" })).toEqual({ bank: "northwindbank", maxPagesFirstRun: 5, baseUrl: "https://www.banki.ru" });
    expect(bankiRuConfigSchema.parse({ bank: "northwind-bank_2", product: "hypothec", baseUrl: "http://127.0.0.1:9000/" })).toEqual({
      bank: "northwind-bank_2",
      product: "hypothec",
      maxPagesFirstRun: 5,
      baseUrl: "http://127.0.0.1:9000",
    });
  });

  it.each([
    [{}, "bank"],
    [{ bank: "" }, "bank"],
    [{ bank: "Northwind Bank" }, "bank"],
    [{ bank: "нортвинд" }, "bank"],
    [{ bank: "northwindbank", product: "ипотека" }, "product"],
    [{ bank: "northwindbank", maxPagesFirstRun: 0 }, "maxPagesFirstRun"],
    [{ bank: "northwindbank", maxPagesFirstRun: 2.5 }, "maxPagesFirstRun"],
    [{ bank: "northwindbank", baseUrl: "javascript:alert(1)" }, "baseUrl"],
  ])("rejects %j, naming %s", (input, field) => {
    const result = bankiRuConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });

  it("rejects unknown keys and explains a bad bank code", () => {
    expect(bankiRuConfigSchema.safeParse({ bank: "northwindbank", bankId: 9217 }).error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["bankId"] });
    expect(bankiRuConfigSchema.safeParse({ bank: "Northwind Bank" }).error?.issues[0]?.message).toMatch(/^bank must be a banki.ru bank code/);
  });
});
