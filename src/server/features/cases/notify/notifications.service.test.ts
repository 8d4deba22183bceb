import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { type TReplayRequest, type TReplayServer, startReplayServer } from "../../../connectors/test-kit.ts";
import { guardedFetch } from "../../../lib/guarded-fetch.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { type TMailer, createSmtpMailer } from "../../notifications/smtp-mailer.ts";
import { verifyWebhookSignature } from "../../notifications/webhook-signature.ts";
import { type TOne, caseWorld, ingestItems, negativeItem } from "../cases.test-support.ts";
import { openCasesByRules } from "../open-cases-by-rules.ts";
import { deliverDueWebhooks } from "../webhooks/deliver-due-webhooks.ts";
import { dispatchNotifications } from "./dispatch-notifications.ts";
import { sendDigests } from "./send-digests.ts";

// A real SMTP server on loopback; every message is read back with mailparser.
type TReceived = { to: string[]; mail: ParsedMail };
const inbox: TReceived[] = [];
let smtp: SMTPServer;
let mailer: TMailer;
const hooks: TReplayRequest[] = [];
const telegram: TReplayRequest[] = [];
let hookStatus = 200;
let hookServer: TReplayServer;
let telegramServer: TReplayServer;
const BOT = "123456789:AAFakeBotTokenForTests_abcdefghij";

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = createSmtpMailer({ from: "Repute <repute@repute.example.com>", server: { host: "127.0.0.1", port, secure: false, auth: undefined } }, { timeoutMs: 10_000 });
  hookServer = await startReplayServer((req) => {
    hooks.push(req);
    return { status: hookStatus, body: hookStatus === 200 ? "ok" : "busy" };
  });
  telegramServer = await startReplayServer((req) => {
    telegram.push(req);
    return { body: { ok: true, result: { message_id: telegram.length } } };
  });
});
afterAll(async () => {
  mailer.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await hookServer.close();
  await telegramServer.close();
});
beforeEach(() => {
  inbox.length = 0;
});

const mailsTo = (email: string) => inbox.filter((m) => m.to.includes(email));
const loopback = { baseUrl: "", fetch: (url: string, options: Parameters<typeof guardedFetch>[1]) => guardedFetch(url, { ...options, allowLoopback: true }) };

describeOnDatabases(
  "notifications: e-mail with the approval link, digest, unsubscribe, Telegram, webhooks",
  (h) => {
    async function proposed() {
      const w = await caseWorld(h());
      const { idOf } = await ingestItems(h(), w.brandId, "vk", [negativeItem("m1")]);
      const opened = await w.specialist.post<TOne>(w.base, { mentionId: idOf("m1") });
      const caseUrl = `${w.base}/${opened.body.case.id}`;
      await w.specialist.post(`${caseUrl}/responses`, { text: "Анна, извините за ожидание. Деньги вернём за 3 дня.", propose: true });
      return { ...w, caseUrl };
    }
    const dispatch = () => dispatchNotifications(h().app, { mailer, telegram: { ...loopback, baseUrl: telegramServer.baseUrl } });

    it("e-mails the approver an 'awaiting approval' message whose link approves the case without signing in", async () => {
      const { approverEmail, specialistEmail, adminEmail, admin, caseUrl } = await proposed();
      const result = await dispatch();
      expect(result.errors).toBe(0);
      expect(mailsTo(specialistEmail)).toHaveLength(0); // the author of the proposal is not told
      expect(mailsTo(adminEmail).length).toBeGreaterThan(0);
      const [mail] = mailsTo(approverEmail).map((m) => m.mail);
      expect(mail?.subject).toBe("Нортвинд: a response awaits your approval");
      expect(mail?.text).toContain("Анна, извините за ожидание. Деньги вернём за 3 дня.");
      expect(mail?.headerLines.find((l) => l.key === "list-unsubscribe-post")?.line).toMatch(/List-Unsubscribe=One-Click/);
      const link = /Approve or return: (http:\/\/localhost:3000\/approve\/(apv_[A-Za-z0-9_-]+))/.exec(mail?.text ?? "");
      expect(link).not.toBeNull();
      expect(mail?.html).toContain(link?.[1] ?? "missing");
      const token = link?.[2] ?? "";

      const page = await h().http.request(`/approve/${token}`);
      const html = await page.text();
      expect(html).toContain("Анна, извините за ожидание. Деньги вернём за 3 дня.");
      const responseId = /name="response" value="([^"]+)"/.exec(html)?.[1] ?? "";
      const post = await h().http.request(`/approve/${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
        body: `decision=approve&response=${responseId}`,
      });
      expect(post.status).toBe(200);
      expect((await admin.get<TOne>(caseUrl)).body.case.state).toBe("approved");

      // The approval is news for the specialist who proposed, by e-mail.
      inbox.length = 0;
      await dispatch();
      expect(mailsTo(specialistEmail).map((m) => m.mail.subject)).toEqual(["Нортвинд: response approved"]);
      expect(mailsTo(approverEmail)).toHaveLength(0);
    });

    it("honours preferences: Telegram and in-app immediately, e-mail in the daily digest, and the unsubscribe link", async () => {
      const { admin, approver, approverEmail, brandId, specialist, caseUrl } = await proposed();
      await approver.patch("/api/me/notifications/settings", { telegramChatId: "424242", timeZone: "Europe/Moscow" });
      expect((await approver.patch("/api/me/notifications/settings", { timeZone: "Mars/Olympus" })).status).toBe(400);
      const put = await approver.put(`/api/me/notifications/preferences`, {
        preferences: [
          { brandId, kind: "awaiting_approval", mode: "immediate", channels: ["email", "telegram", "in_app"] },
          { brandId, kind: "returned", mode: "digest", channels: ["email"] },
        ],
      });
      expect(put.status).toBe(204);
      const mine = await approver.get<{ brands: { brandId: string; kinds: { kind: string; mode: string; channels: string[]; isDefault: boolean }[] }[] }>("/api/me/notifications");
      expect(mine.body.brands[0]?.kinds.find((k) => k.kind === "returned")).toMatchObject({ mode: "digest", channels: ["email"], isDefault: false });

      await dispatch();
      const sent = telegram.at(-1);
      expect(sent?.path).toBe(`/bot${BOT}/sendMessage`);
      expect(JSON.parse(sent?.body ?? "{}")).toMatchObject({ chat_id: "424242", parse_mode: "HTML" });
      const mail = mailsTo(approverEmail)[0]?.mail;
      expect(mail).toBeDefined();

      // Unsubscribing in one click from that e-mail takes e-mail off that kind, nothing else.
      const header = (mail?.headerLines.find((l) => l.key === "list-unsubscribe")?.line ?? "").replace(/\r?\n[ \t]+/g, "");
      const unsubscribe = /<(http:\/\/localhost:3000\/unsubscribe\/(uns_[A-Za-z0-9_-]+))>/.exec(header);
      const token = unsubscribe?.[2] ?? "";
      expect(token).not.toBe("");
      const confirm = await h().http.request(`/unsubscribe/${token}`);
      expect(await confirm.text()).toContain(approverEmail);
      const oneClick = await h().http.request(`/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
      expect(oneClick.status).toBe(200);
      const after = await approver.get<{ brands: { kinds: { kind: string; mode: string; channels: string[] }[] }[] }>("/api/me/notifications");
      expect(after.body.brands[0]?.kinds.find((k) => k.kind === "awaiting_approval")).toMatchObject({ mode: "immediate", channels: ["telegram", "in_app"] });

      // Returned goes into the digest, sent at the digest hour (forced here) as one e-mail.
      inbox.length = 0;
      // Returned by another approver (nobody is told of their own action).
      await admin.post(`${caseUrl}/transitions`, { action: "return", reason: "Короче, пожалуйста" });
      await specialist.post(`${caseUrl}/responses`, { text: "Анна, извините. Вернём деньги.", propose: true });
      await dispatch();
      expect(mailsTo(approverEmail)).toHaveLength(0);
      const digest = await sendDigests(h().app, { mailer, force: true });
      expect(digest.sent).toBeGreaterThanOrEqual(1);
      const digestMail = mailsTo(approverEmail)[0]?.mail;
      expect(digestMail?.subject).toMatch(/^Repute digest for/);
      expect(digestMail?.text).toContain("Короче, пожалуйста");
      expect((await sendDigests(h().app, { mailer, force: true })).sent).toBe(0);
    });

    it("signs webhook deliveries, logs every attempt and retries a failing endpoint", async () => {
      const { admin, specialist, brandId } = await proposed();
      await dispatch(); // the proposal's notices, before the webhook exists
      const created = await admin.post<{ webhook: { id: string }; secret: string }>(`/api/brands/${brandId}/webhooks`, { url: `${hookServer.baseUrl}/hook`, events: ["new_negative"] });
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      expect((await specialist.get(`/api/brands/${brandId}/webhooks`)).status).toBe(403);
      expect((await admin.post(`/api/brands/${brandId}/webhooks`, { url: "ftp://x.example" })).status).toBe(400);
      expect(JSON.stringify((await admin.get(`/api/brands/${brandId}/webhooks`)).body)).not.toContain(created.body.secret);

      const { inserted } = await ingestItems(h(), brandId, "vk", [negativeItem("w1")]);
      await openCasesByRules(h().app, brandId, inserted);
      await dispatch();
      hookStatus = 503;
      hooks.length = 0;
      const first = await deliverDueWebhooks(h().app);
      expect(first).toMatchObject({ retrying: 1, delivered: 0 });
      hookStatus = 200;
      const later = new Date(Date.now() + 2 * 3600_000);
      expect(await deliverDueWebhooks(h().app, { now: () => later })).toMatchObject({ delivered: 1 });
      expect(hooks).toHaveLength(2);
      const last = hooks[1];
      const check = verifyWebhookSignature({
        secret: created.body.secret,
        rawBody: last?.body ?? "",
        signature: String(last?.headers["x-repute-signature"]),
        timestamp: String(last?.headers["x-repute-timestamp"]),
        toleranceSeconds: 3 * 3600,
        now: later,
      });
      expect(check).toEqual({ ok: true });
      expect(last?.headers["x-repute-delivery"]).toBe(hooks[0]?.headers["x-repute-delivery"]);
      expect(JSON.parse(last?.body ?? "{}")).toMatchObject({ type: "new_negative", data: { kind: "new_negative", brandName: "Нортвинд" } });

      const log = await admin.get<{ deliveries: { status: string; attempts: number; log: { outcome: string; responseCode: number }[] }[] }>(`/api/brands/${brandId}/webhooks/${created.body.webhook.id}/deliveries`);
      expect(log.body.deliveries).toEqual([expect.objectContaining({ status: "delivered", attempts: 2, log: [expect.objectContaining({ outcome: "retrying", responseCode: 503 }), expect.objectContaining({ outcome: "delivered", responseCode: 200 })] })]);
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true", TELEGRAM_BOT_TOKEN: BOT } },
);
