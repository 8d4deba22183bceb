import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TSmtpConfig } from "../../config.ts";
import { hostileEvent, sampleEvent } from "./notification-fixtures.ts";
import { renderDigestEmail } from "./render-digest-email.ts";
import { renderEventEmail } from "./render-event-email.ts";
import { createSmtpMailer } from "./smtp-mailer.ts";

// A real SMTP server on loopback that insists on a login, and every message read back with
// mailparser: what a mail client would see, not what we meant to send.

const USER = "repute";
const PASS = "s3cret-pass";
const FROM = "Repute <repute@repute.example.com>";
const unsubscribe = { url: "https://repute.example.com/unsubscribe?token=tok_123&kind=all" };

type TReceived = { from: string; to: string[]; user: unknown; raw: string; mail: ParsedMail };
const received: TReceived[] = [];
let server: SMTPServer;
let port: number;

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

beforeAll(async () => {
  server = new SMTPServer({
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: true, // loopback, no certificate: STARTTLS is switched off below
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: auth.username });
      else callback(smtpError("Invalid username or password", 535));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) callback(smtpError("No such user here", 550));
      else if (address.address.startsWith("busy@")) callback(smtpError("Mailbox busy, try later", 450));
      else callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (mail) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
            received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), user: session.user, raw: raw.toString("utf8"), mail });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

const config = (pass = PASS): TSmtpConfig => ({
  from: FROM,
  server: { host: "127.0.0.1", port, secure: false, auth: { user: USER, pass } },
});

function headerLine(mail: ParsedMail, name: string): string | undefined {
  // Unfolded: long header values are wrapped onto continuation lines.
  return mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n[ \t]+/g, " ");
}

async function sendOne(to: string, email: Parameters<ReturnType<typeof createSmtpMailer>["send"]>[1], cfg = config()) {
  const mailer = createSmtpMailer(cfg, { timeoutMs: 10_000 });
  try {
    return await mailer.send(to, email);
  } finally {
    mailer.close();
  }
}

describe("createSmtpMailer against a real SMTP server", () => {
  it("delivers an English e-mail with both parts, the unsubscribe link and List-Unsubscribe", async () => {
    const result = await sendOne("client@brand.example", renderEventEmail(sampleEvent("awaiting_approval"), { locale: "en" }, unsubscribe));
    expect(result).toMatchObject({ ok: true });
    expect(received).toHaveLength(1);
    const got = received[0];
    if (!got) return;
    expect(got.user).toBe(USER);
    expect(got.from).toBe("repute@repute.example.com");
    expect(got.to).toEqual(["client@brand.example"]);
    const { mail } = got;
    expect(mail.subject).toBe("Northwind Bank: a response awaits your approval");
    expect(mail.from?.text).toBe('"Repute" <repute@repute.example.com>');
    expect(mail.text).toContain("A response was prepared by Anna Specialist.");
    expect(mail.text).toContain("> We are sorry. Please write to us at help@northwind.example.");
    expect(mail.text).toContain("Unsubscribe: https://repute.example.com/unsubscribe?token=tok_123&kind=all");
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.html).toContain('href="https://repute.example.com/unsubscribe?token=tok_123&amp;kind=all"');
    expect(mail.html).toContain('href="https://repute.example.com/cases/c0ffee00-0000-4000-8000-000000000001"');
    expect(headerLine(mail, "list-unsubscribe")).toBe("List-Unsubscribe: <https://repute.example.com/unsubscribe?token=tok_123&kind=all> (Unsubscribe)");
    expect(headerLine(mail, "list-unsubscribe-post")).toBeUndefined();
    expect(headerLine(mail, "auto-submitted")).toBe("Auto-Submitted: auto-generated");
    expect(got.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(got.raw).not.toMatch(/^Content-Type: image\//im);
    expect(mail.attachments).toHaveLength(0);
  });

  it("delivers the Russian version to a Russian reader", async () => {
    const result = await sendOne("klient@brand.example", renderEventEmail(sampleEvent("overdue"), { locale: "ru", timeZone: "Europe/Moscow" }, unsubscribe));
    expect(result.ok).toBe(true);
    const mail = received[0]?.mail;
    expect(mail?.subject).toMatch(/^Northwind Bank: просрочен ответ \(срок — 20 нояб\. 2026 г\., 18:00 .+\)$/);
    expect(mail?.text).toContain("Срок ответа по кейсу — 20 нояб. 2026 г., 18:00");
    expect(mail?.text).toContain("Отписаться: https://repute.example.com/unsubscribe?token=tok_123&kind=all");
    expect(mail?.html).toContain('<html lang="ru">');
    expect(mail?.html).toContain("Открыть кейс");
    expect(headerLine(mail as ParsedMail, "list-unsubscribe")).toContain("<https://repute.example.com/unsubscribe?token=tok_123&kind=all>");
  });

  it("a hostile mention arrives escaped: no script, no image, no handler in the HTML part", async () => {
    const result = await sendOne("client@brand.example", renderEventEmail(hostileEvent(), { locale: "en" }, unsubscribe));
    expect(result.ok).toBe(true);
    const mail = received[0]?.mail;
    const html = typeof mail?.html === "string" ? mail.html : "";
    expect(html).not.toMatch(/<script|<img|<svg|href="javascript:/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;fetch(");
    // No header injection through the brand name: one Bcc-free subject line.
    expect(mail?.subject).toBe("Evil <b>Brand</b> Bcc: victim@example.com: response returned for changes");
    expect(mail?.bcc).toBeUndefined();
    expect(received[0]?.to).toEqual(["client@brand.example"]);
    // The plain-text part shows the words as written, quoted.
    expect(mail?.text).toContain(`> Ужасный сервис <script>alert("x")</script> <img src=x onerror=`);
  });

  it("a digest with a one-click unsubscribe carries List-Unsubscribe-Post", async () => {
    const digest = renderDigestEmail({
      events: [sampleEvent("new_negative"), sampleEvent("overdue"), sampleEvent("approved", { brandName: "Contoso" })],
      recipient: { locale: "en" },
      unsubscribe: { ...unsubscribe, oneClick: true },
      date: new Date("2026-11-20T20:00:00Z"),
    });
    if (!digest) throw new Error("expected a digest");
    expect((await sendOne("client@brand.example", digest)).ok).toBe(true);
    const mail = received[0]?.mail as ParsedMail;
    expect(mail.subject).toBe("Repute digest for 20 November 2026: 3 updates, 1 overdue");
    expect(headerLine(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail.text).toContain("CONTOSO");
    expect(mail.html).toContain("Overdue (1)");
  });

  it("a wrong password is an auth failure, not a permanent one", async () => {
    const result = await sendOne("client@brand.example", renderEventEmail(sampleEvent("approved"), { locale: "en" }, unsubscribe), config("wrong"));
    expect(result).toMatchObject({ ok: false, reason: "auth", permanent: false });
    expect(received).toHaveLength(0);
  });

  it("tells a recipient refused for good (5xx) from one to try again later (4xx)", async () => {
    const email = renderEventEmail(sampleEvent("approved"), { locale: "en" }, unsubscribe);
    expect(await sendOne("nobody@brand.example", email)).toMatchObject({ ok: false, permanent: true, reason: "rejected", responseCode: 550 });
    expect(await sendOne("busy@brand.example", email)).toMatchObject({ ok: false, permanent: false, reason: "deferred", responseCode: 450 });
    expect(received).toHaveLength(0);
  });

  it("an unreachable server is a connection failure, and verify() says so", async () => {
    const closed = new SMTPServer({ logger: false });
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const cfg: TSmtpConfig = { from: FROM, server: { host: "127.0.0.1", port: closedPort, secure: false, auth: undefined } };
    const result = await sendOne("client@brand.example", renderEventEmail(sampleEvent("approved"), { locale: "en" }, unsubscribe), cfg);
    expect(result).toMatchObject({ ok: false, permanent: false, reason: "connection" });

    const good = createSmtpMailer(config());
    await expect(good.verify()).resolves.toBeUndefined();
    good.close();
    const bad = createSmtpMailer(config("wrong"));
    await expect(bad.verify()).rejects.toThrow(/Invalid/i);
    bad.close();
  });

  it("takes the server as one URL too", async () => {
    const cfg: TSmtpConfig = { from: FROM, server: { url: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}` } };
    expect((await sendOne("client@brand.example", renderEventEmail(sampleEvent("published"), { locale: "en" }, unsubscribe), cfg)).ok).toBe(true);
    expect(received[0]?.user).toBe(USER);
  });
});
