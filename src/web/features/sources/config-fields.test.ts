import { describe, expect, it } from "vitest";
import { z } from "zod";
import { configFields, humanize, initialValues, intervalParts, missingRequired, perMinute, toConfig } from "./config-fields.ts";
import type { TJsonSchema } from "./types.ts";

/** Built the way the server builds the catalogue: zod 4's JSON Schema of the config's input. */
const schemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as TJsonSchema;

const config = z.strictObject({
  mode: z.enum(["search", "community"]),
  accessToken: z.string().min(1),
  query: z.string().max(512).optional(),
  groupId: z.number().int().positive().optional(),
  apiVersion: z.string().default("5.131"),
  feedUrl: z.url(),
  ownPlace: z.boolean().default(false),
  channel: z.string().transform((s) => s.toLowerCase()),
});

describe("config form from JSON Schema", () => {
  const fields = configFields(schemaOf(config), ["accessToken"], ["ownPlace"]);
  const byKey = new Map(fields.map((f) => [f.key, f]));

  it("draws one field per property with its kind, bounds and required marker", () => {
    expect(fields.map((f) => f.key)).toEqual(["mode", "accessToken", "query", "groupId", "apiVersion", "feedUrl", "channel"]);
    expect(byKey.get("mode")).toMatchObject({ kind: "enum", options: ["search", "community"], required: true, label: "Mode" });
    expect(byKey.get("accessToken")).toMatchObject({ kind: "secret", required: true, label: "Access token" });
    expect(byKey.get("query")).toMatchObject({ kind: "text", required: false, maxLength: 512, advanced: false });
    expect(byKey.get("groupId")).toMatchObject({ kind: "integer", min: 1, max: undefined });
    expect(byKey.get("apiVersion")).toMatchObject({ kind: "text", defaultValue: "5.131", advanced: true, required: false });
    expect(byKey.get("feedUrl")).toMatchObject({ kind: "url", required: true });
    expect(byKey.get("channel")).toMatchObject({ kind: "text", required: true });
  });

  it("turns values into a config: empty fields left out, numbers as numbers, secrets untrimmed", () => {
    const values = { ...initialValues(fields), mode: "community", accessToken: " tok ", groupId: "42", feedUrl: " https://x.test/feed " };
    expect(toConfig(fields, values)).toEqual({ mode: "community", accessToken: " tok ", groupId: 42, feedUrl: "https://x.test/feed" });
    expect(missingRequired(fields, values)).toEqual(["channel"]);
  });

  it("fills the form from a stored config", () => {
    const values = initialValues(fields, { mode: "search", accessToken: "••••••••", groupId: 7 });
    expect(values).toMatchObject({ mode: "search", accessToken: "••••••••", groupId: "7", query: "" });
  });

  it("names fields and intervals readably", () => {
    expect(humanize("maxPagesFirstRun")).toBe("Max pages first run");
    expect(humanize("base_url")).toBe("Base URL");
    expect(humanize("apiVersion")).toBe("API version");
    expect(humanize("groupId")).toBe("Group ID");
    expect(humanize("identity")).toBe("Identity");
    expect([30, 120, 1440, 90].map(intervalParts)).toEqual([
      { unit: "m", n: 30 },
      { unit: "h", n: 2 },
      { unit: "d", n: 1 },
      { unit: "m", n: 90 },
    ]);
  });

  it("turns a connector's rate into requests per minute for the rate limit placeholder", () => {
    expect(perMinute({ limit: 3, intervalMs: 1_000 })).toBe(180);
    expect(perMinute({ limit: 1, intervalMs: 2_000 })).toBe(30);
    expect(perMinute({ limit: 60, intervalMs: 60_000 })).toBe(60);
    expect(perMinute({ limit: 1, intervalMs: 7_000 })).toBe(8.6);
  });
});
