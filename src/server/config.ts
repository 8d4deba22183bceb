import path from "node:path";
import { z } from "zod";
import { defaultChromiumPath } from "./lib/browser/chromium-path.ts";

// "addr@host" or "Name <addr@host>", on one line.
const MAILBOX = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/;

/**
 * The only reader of process.env. Every variable is documented here and in the README's
 * configuration table; a bad value stops the process listing every problem at once.
 */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe("HTTP port of the web role"),
  HOST: z.string().min(1).default("0.0.0.0").describe("Interface the web role listens on"),
  DATA_DIR: z.string().min(1).default("./data").describe("Embedded database, blobs, lock and control socket"),
  DATABASE_URL: z
    .string()
    .url()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional()
    .describe("PostgreSQL server; unset = embedded PGlite in DATA_DIR"),
  PUBLIC_URL: z.string().url().optional().describe("Base URL used in invitation links; default http://localhost:PORT"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("pino log level (JSON logs on stderr)"),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14).describe("Lifetime of a sign-in session"),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72).describe("Lifetime of an invitation link"),
  LOGIN_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .describe("Failed sign-ins per e-mail or per client address allowed within the window"),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15).describe("Sign-in rate-limit window"),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024)
    .describe("Largest accepted request body"),
  COOKIE_SECURE: z
    .enum(["auto", "true", "false"])
    .default("auto")
    .describe("Secure flag on cookies; auto = when PUBLIC_URL is https"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .describe("Take the client address from X-Forwarded-For (only behind your own reverse proxy)"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2).describe("Jobs one worker process runs at once per queue"),
  FETCH_CONTACT_URL: z
    .string()
    .url()
    .optional()
    .describe("Page named in the User-Agent of every outbound request, so site owners can reach you; default PUBLIC_URL"),
  FETCH_ALLOW_LOOPBACK: z
    .enum(["true", "false"])
    .default("false")
    .describe("Tests only: let sources fetch from 127.0.0.1/::1 (private and link-local stay refused)"),
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional()
    .describe("SMTP server for notification e-mails as one URL (smtp://user:pass@host:587, smtps://… for TLS from the start); or use SMTP_HOST"),
  SMTP_HOST: z.string().min(1).optional().describe("SMTP server host, when SMTP_URL is not used; neither set = no e-mail"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587).describe("SMTP port (with SMTP_HOST)"),
  SMTP_SECURE: z
    .enum(["auto", "true", "false"])
    .default("auto")
    .describe("TLS from the first byte (with SMTP_HOST); auto = when SMTP_PORT is 465, otherwise STARTTLS when the server offers it"),
  SMTP_USER: z.string().min(1).optional().describe("SMTP user name (with SMTP_HOST; set SMTP_PASS too)"),
  SMTP_PASS: z.string().min(1).optional().describe("SMTP password (with SMTP_HOST)"),
  MAIL_FROM: z
    .string()
    .refine((v) => MAILBOX.test(v), "must be an address, optionally with a name: Repute <repute@example.com>")
    .optional()
    .describe("Sender of notification e-mails (Repute <repute@example.com>); required when SMTP is set"),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456789:AA… as @BotFather gives it")
    .optional()
    .describe("Token of the bot that sends Telegram notifications (from @BotFather); unset = no Telegram"),
  CHROMIUM_PATH: z
    .string()
    .min(1)
    .optional()
    .describe("Chromium for screenshots and PDF reports; default /usr/bin/chromium when it exists, else playwright-core's own"),
});

export type TConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof ZEnv>["LOG_LEVEL"];
  sessionTtlHours: number;
  invitationTtlHours: number;
  loginMaxAttempts: number;
  loginWindowMinutes: number;
  maxBodyBytes: number;
  cookieSecure: boolean;
  workerConcurrency: number;
  trustProxy: boolean;
  fetchContactUrl: string;
  fetchAllowLoopback: boolean;
  /** Outgoing mail for notifications; undefined = e-mail is off. */
  smtp: TSmtpConfig | undefined;
  telegramBotToken: string | undefined;
  /** undefined = playwright-core's own Chromium (none at /usr/bin/chromium either). */
  chromiumPath: string | undefined;
};

export type TSmtpConfig = {
  from: string;
  server: { url: string } | { host: string; port: number; secure: boolean; auth: { user: string; pass: string } | undefined };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Variables documented for the README table: name, default, description. */
export function describeConfig(): { name: string; default: string; description: string }[] {
  return Object.entries(ZEnv.shape).map(([name, schema]) => {
    const parsed = schema.safeParse(undefined);
    return {
      name,
      default: parsed.success && parsed.data !== undefined ? String(parsed.data) : "(unset)",
      description: schema.description ?? "",
    };
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const picked: Record<string, string | undefined> = {};
  for (const key of Object.keys(ZEnv.shape)) {
    const value = env[key];
    picked[key] = value === "" ? undefined : value;
  }
  const result = ZEnv.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = result.data;
  const smtp = smtpConfig(e);
  if (smtp.problems.length > 0) throw new ConfigError(smtp.problems);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    invitationTtlHours: e.INVITATION_TTL_HOURS,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    cookieSecure: e.COOKIE_SECURE === "auto" ? publicUrl.startsWith("https://") : e.COOKIE_SECURE === "true",
    workerConcurrency: e.WORKER_CONCURRENCY,
    trustProxy: e.TRUST_PROXY === "true",
    fetchContactUrl: e.FETCH_CONTACT_URL ?? publicUrl,
    fetchAllowLoopback: e.FETCH_ALLOW_LOOPBACK === "true",
    smtp: smtp.config,
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    chromiumPath: e.CHROMIUM_PATH ?? defaultChromiumPath(),
  };
}

/** The SMTP variables belong together: one way to name the server, both credentials, a sender. */
function smtpConfig(e: z.infer<typeof ZEnv>): { config: TSmtpConfig | undefined; problems: string[] } {
  const problems: string[] = [];
  if (e.SMTP_URL && e.SMTP_HOST) problems.push("SMTP_URL, SMTP_HOST: set one of them, not both");
  if (!e.SMTP_HOST && (e.SMTP_USER || e.SMTP_PASS)) problems.push("SMTP_USER, SMTP_PASS: only used with SMTP_HOST (put credentials into SMTP_URL)");
  if (Boolean(e.SMTP_USER) !== Boolean(e.SMTP_PASS)) problems.push("SMTP_USER, SMTP_PASS: set both or neither");
  if ((e.SMTP_URL || e.SMTP_HOST) && !e.MAIL_FROM) problems.push("MAIL_FROM: required when SMTP_URL or SMTP_HOST is set");
  if (problems.length > 0 || !e.MAIL_FROM) return { config: undefined, problems };
  if (e.SMTP_URL) return { config: { from: e.MAIL_FROM, server: { url: e.SMTP_URL } }, problems };
  if (!e.SMTP_HOST) return { config: undefined, problems };
  const auth = e.SMTP_USER && e.SMTP_PASS ? { user: e.SMTP_USER, pass: e.SMTP_PASS } : undefined;
  const secure = e.SMTP_SECURE === "auto" ? e.SMTP_PORT === 465 : e.SMTP_SECURE === "true";
  return { config: { from: e.MAIL_FROM, server: { host: e.SMTP_HOST, port: e.SMTP_PORT, secure, auth } }, problems };
}
