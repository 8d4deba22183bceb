import type { TAppContext } from "../../context.ts";
import { AppError } from "../../lib/errors.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { burnPasswordCheck, verifyPassword } from "../../lib/passwords.ts";
import { clearLoginFailures, findUserByEmail, loginFailureStats, recordLoginFailures } from "./queries.ts";
import { createSession } from "./sessions.ts";

export type TLoginOptions = { email: string; password: string; clientAddress: string; userAgent: string | null };

/**
 * Failures are counted per e-mail and per client address inside a sliding window, in the
 * database, so the limit holds across any number of web processes. An address gets five times
 * the e-mail's allowance: an office behind one NAT address is not locked out by one person's
 * typos, while spraying many e-mails from one address is still stopped.
 */
const ADDRESS_FACTOR = 5;
export async function login(app: TAppContext, options: TLoginOptions) {
  const email = options.email.trim().toLowerCase();
  const keys = [`email:${email}`, `addr:${options.clientAddress}`];
  const { loginMaxAttempts, loginWindowMinutes } = app.config;
  const windowMs = loginWindowMinutes * 60_000;
  const now = new Date();
  const stats = await loginFailureStats(app.db, keys, new Date(now.getTime() - windowMs));
  const limitOf = (key: string) => (key.startsWith("addr:") ? loginMaxAttempts * ADDRESS_FACTOR : loginMaxAttempts);
  const blocking = stats.filter((s) => s.n >= limitOf(s.key));
  if (blocking.length > 0) {
    const freeAt = Math.max(...blocking.map((s) => s.oldest.getTime() + windowMs));
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new AppError("rate_limited", "Too many failed sign-in attempts; try again later", { retryAfterSeconds });
  }
  const user = await findUserByEmail(app.db, email);
  const ok = user ? await verifyPassword(user.passwordHash, options.password) : (await burnPasswordCheck(options.password), false);
  if (!user || !ok) {
    await recordLoginFailures(app.db, keys, now);
    throw new AppError("unauthenticated", "Wrong e-mail or password");
  }
  const session = await app.db.transaction(async (tx) => {
    await clearLoginFailures(tx, [`email:${email}`]);
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      actor: { userId: user.id, label: user.email },
      action: "session.login",
      objectType: "user",
      objectId: user.id,
      details: { address: options.clientAddress, userAgent: options.userAgent?.slice(0, 200) ?? null },
    });
    return createSession(app, tx, user.id, options.userAgent);
  });
  return { userId: user.id, session };
}
