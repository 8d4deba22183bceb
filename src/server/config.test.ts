import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, loadConfig } from "./config.ts";

describe("config", () => {
  it("has working defaults: port 3000, ./data, embedded database", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith("/data")).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.cookieSecure).toBe(false);
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "abc", LOG_LEVEL: "loud", DATABASE_URL: "mysql://x", SESSION_TTL_HOURS: "-1" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const name of ["PORT", "LOG_LEVEL", "DATABASE_URL", "SESSION_TTL_HOURS"]) expect(problems).toContain(name);
    }
  });

  it("turns on secure cookies behind an https public URL and treats empty values as unset", () => {
    expect(loadConfig({ PUBLIC_URL: "https://repute.example.com/" }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: "https://repute.example.com/" }).publicUrl).toBe("https://repute.example.com");
    expect(loadConfig({ PORT: "" }).port).toBe(3000);
  });

  it("documents every variable", () => {
    const described = describeConfig();
    expect(described.map((d) => d.name)).toContain("DATABASE_URL");
    for (const d of described) expect(d.description, d.name).not.toBe("");
  });

  it("is documented in the README's configuration table, variable by variable", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const d of describeConfig()) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`${d.name}\` |`));
      expect(row, d.name).toBeDefined();
      if (d.default !== "(unset)") expect(row, d.name).toContain(`\`${d.default}\``);
    }
  });
});
