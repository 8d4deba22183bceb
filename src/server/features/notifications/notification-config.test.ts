import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.ts";

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("notification settings in the config", () => {
  it("are off by default", () => {
    const config = loadConfig({});
    expect(config.smtp).toBeUndefined();
    expect(config.telegramBotToken).toBeUndefined();
  });

  it("take SMTP as one URL or as parts; port 465 means TLS from the start", () => {
    expect(loadConfig({ SMTP_URL: "smtps://u:p@mail.example.com", MAIL_FROM: "Repute <repute@example.com>" }).smtp).toEqual({
      from: "Repute <repute@example.com>",
      server: { url: "smtps://u:p@mail.example.com" },
    });
    expect(loadConfig({ SMTP_HOST: "mail.example.com", MAIL_FROM: "repute@example.com" }).smtp).toEqual({
      from: "repute@example.com",
      server: { host: "mail.example.com", port: 587, secure: false, auth: undefined },
    });
    expect(
      loadConfig({ SMTP_HOST: "mail.example.com", SMTP_PORT: "465", SMTP_USER: "u", SMTP_PASS: "p", MAIL_FROM: "repute@example.com" }).smtp,
    ).toEqual({ from: "repute@example.com", server: { host: "mail.example.com", port: 465, secure: true, auth: { user: "u", pass: "p" } } });
    expect(loadConfig({ SMTP_HOST: "mail.example.com", SMTP_PORT: "2525", SMTP_SECURE: "true", MAIL_FROM: "a@b.c" }).smtp?.server).toMatchObject({ secure: true });
  });

  it("name every inconsistency at once", () => {
    expect(problems({ SMTP_URL: "smtp://a.example", SMTP_HOST: "b.example" }).join("\n")).toMatch(/not both[\s\S]*MAIL_FROM: required/);
    expect(problems({ SMTP_HOST: "b.example", SMTP_USER: "u", MAIL_FROM: "a@b.c" })).toEqual(["SMTP_USER, SMTP_PASS: set both or neither"]);
    expect(problems({ SMTP_URL: "smtp://a.example", SMTP_USER: "u", SMTP_PASS: "p", MAIL_FROM: "a@b.c" })[0]).toMatch(/only used with SMTP_HOST/);
    expect(problems({ SMTP_URL: "http://a.example", MAIL_FROM: "a@b.c" })[0]).toMatch(/^SMTP_URL: must start with smtp/);
    expect(problems({ SMTP_HOST: "b.example", MAIL_FROM: "Repute <not an address>" })[0]).toMatch(/^MAIL_FROM/);
    expect(problems({ SMTP_HOST: "b.example", MAIL_FROM: "a@b.c\r\nBcc: x@y.z" })[0]).toMatch(/^MAIL_FROM/);
  });

  it("check the shape of the bot token", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0" }).telegramBotToken).toBe(
      "123456789:AAHfiqksKZ8WmR2zSjiQ7_v4TMAKdiHm9T0",
    );
    expect(problems({ TELEGRAM_BOT_TOKEN: "not-a-token" })[0]).toMatch(/^TELEGRAM_BOT_TOKEN/);
  });
});
