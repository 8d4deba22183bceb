import type { TExecutor } from "../../context.ts";
import type { TLocale, TRole } from "../../db/schema/accounts.ts";
import { conflict, invalid } from "../../lib/errors.ts";
import { PASSWORD_MIN_LENGTH, hashPassword } from "../../lib/passwords.ts";
import { type TActor, recordAudit } from "../audit/record-audit.ts";
import { findUserByEmail, insertGrant, insertUser } from "./queries.ts";
import { assertScope } from "./roles.ts";

export type TCreateUserOptions = {
  workspaceId: string;
  email: string;
  name: string;
  password: string;
  locale: TLocale;
  role: TRole;
  clientId?: string | null;
  brandId?: string | null;
  actor: TActor;
};

/** Creates a user with one grant. Run inside a transaction. */
export async function createUser(db: TExecutor, options: TCreateUserOptions) {
  const email = options.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw invalid("email", "not an e-mail address");
  if (options.password.length < PASSWORD_MIN_LENGTH)
    throw invalid("password", `must be at least ${PASSWORD_MIN_LENGTH} characters`);
  const scope = { clientId: options.clientId ?? null, brandId: options.brandId ?? null };
  assertScope(options.role, scope);
  if (await findUserByEmail(db, email)) throw conflict(`A user with e-mail ${email} already exists`);
  const user = await insertUser(db, {
    workspaceId: options.workspaceId,
    email,
    name: options.name.trim() || email,
    passwordHash: await hashPassword(options.password),
    locale: options.locale,
  });
  await insertGrant(db, { userId: user.id, role: options.role, ...scope });
  await recordAudit(db, {
    workspaceId: options.workspaceId,
    actor: options.actor,
    action: "user.create",
    objectType: "user",
    objectId: user.id,
    brandId: scope.brandId,
    details: { email, role: options.role, ...scope },
  });
  return user;
}
