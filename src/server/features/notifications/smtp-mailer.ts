import nodemailer, { type NodemailerError, type SMTPTransportOptions, type SendMailOptions } from "nodemailer";
import type { TSmtpConfig } from "../../config.ts";
import type { TRenderedEmail } from "./email-layout.ts";

/**
 * E-mail through the operator's SMTP server (config SMTP_URL or SMTP_HOST…, MAIL_FROM). One
 * message per recipient: each carries the recipient's own language and unsubscribe link.
 * The server is the operator's, not a user's, so it is not subject to guardedFetch's address
 * rules; nodemailer's own file and URL access is switched off, as our messages never need it.
 */
export type TEmailFailureReason = "rejected" | "deferred" | "auth" | "connection" | "error";

export type TEmailSendResult =
  | { ok: true; messageId: string; response: string }
  | {
      ok: false;
      /** True when sending the same message again would be refused again (5xx reply). */
      permanent: boolean;
      reason: TEmailFailureReason;
      error: string;
      responseCode?: number;
    };

export type TMailer = {
  send(to: string, email: TRenderedEmail, options?: { signal?: AbortSignal }): Promise<TEmailSendResult>;
  /** Connects and logs in, or throws what went wrong: for a "test the settings" button. */
  verify(): Promise<void>;
  close(): void;
};

export type TSmtpMailerOptions = {
  /** Per step: connecting, the greeting, an idle socket. Default 30 s. */
  timeoutMs?: number;
};

export function createSmtpMailer(config: TSmtpConfig, options: TSmtpMailerOptions = {}): TMailer {
  const timeout = options.timeoutMs ?? 30_000;
  const common: SMTPTransportOptions = {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const server = config.server;
  const transport = nodemailer.createTransport(
    "url" in server
      ? { ...common, url: server.url }
      : { ...common, host: server.host, port: server.port, secure: server.secure, auth: server.auth },
  );

  return {
    async send(to, email, sendOptions = {}) {
      const message: SendMailOptions = {
        from: config.from,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        list: { unsubscribe: { url: email.unsubscribeUrl, comment: "Unsubscribe" } },
        headers: {
          // RFC 3834 and its Exchange cousin: no vacation replies to a robot.
          "Auto-Submitted": "auto-generated",
          "X-Auto-Response-Suppress": "All",
          ...(email.oneClickUnsubscribe ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
        },
        signal: sendOptions.signal,
      };
      try {
        const info = await transport.sendMail(message);
        return { ok: true, messageId: info.messageId, response: info.response };
      } catch (error) {
        return failure(error);
      }
    },
    async verify() {
      await transport.verify();
    },
    close() {
      transport.close();
    },
  };
}

function failure(error: unknown): TEmailSendResult {
  const e = (error ?? {}) as NodemailerError;
  const message = error instanceof Error ? error.message : String(error);
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const base = { ok: false as const, error: message, ...(responseCode === undefined ? {} : { responseCode }) };
  if (e.code === "EAUTH" || e.code === "ENOAUTH") return { ...base, permanent: false, reason: "auth" };
  if (responseCode !== undefined) {
    // nodemailer sets `permanent` from the reply class (5xx but 503); read it ourselves if absent.
    const permanent = e.permanent ?? (responseCode >= 500 && responseCode < 600 && responseCode !== 503);
    return { ...base, permanent, reason: permanent ? "rejected" : "deferred" };
  }
  if (e.code && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EPROXY"].includes(e.code)) {
    return { ...base, permanent: false, reason: "connection" };
  }
  return { ...base, permanent: false, reason: "error" };
}
