import { randomBytes } from "node:crypto";
import type { TRole } from "../db/schema/accounts.ts";
import { TestClient } from "./client.ts";
import type { THarness } from "./harness.ts";

export const PASSWORD = "correct-horse-battery";

const unique = () => randomBytes(4).toString("hex");

/** A new workspace through the public setup route (only works on an empty database) or the shell path. */
export async function signUpWorkspace(h: THarness, name = `Agency ${unique()}`) {
  const { createUserFromShell } = await import("../features/accounts/create-user-from-shell.ts");
  const email = `admin-${unique()}@test.local`;
  await createUserFromShell(h.app, { email, password: PASSWORD, role: "admin", locale: "en", workspaceName: name });
  const admin = await signIn(h, email);
  return { admin, email, workspaceName: name };
}

export async function signIn(h: THarness, email: string, password = PASSWORD): Promise<TestClient> {
  const client = new TestClient(h.http);
  const res = await client.post("/api/auth/login", { email, password });
  if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export async function createClientAndBrand(admin: TestClient, clientName = `Client ${unique()}`, brandName = `Brand ${unique()}`) {
  const client = await admin.post<{ client: { id: string } }>("/api/clients", { name: clientName });
  if (client.status !== 201) throw new Error(`client create failed: ${JSON.stringify(client.body)}`);
  const brand = await admin.post<{ brand: { id: string } }>("/api/brands", { clientId: client.body.client.id, name: brandName });
  if (brand.status !== 201) throw new Error(`brand create failed: ${JSON.stringify(brand.body)}`);
  return { clientId: client.body.client.id, brandId: brand.body.brand.id };
}

/** Invites and accepts: returns the new user's signed-in client. */
export async function inviteUser(
  h: THarness,
  admin: TestClient,
  role: TRole,
  scope: { clientId?: string; brandId?: string } = {},
): Promise<{ client: TestClient; email: string }> {
  const email = `${role}-${unique()}@test.local`;
  const inv = await admin.post<{ link: string }>("/api/invitations", { email, role, ...scope });
  if (inv.status !== 201) throw new Error(`invite failed: ${JSON.stringify(inv.body)}`);
  const token = inv.body.link.split("/invite/")[1];
  const client = new TestClient(h.http);
  const accepted = await client.post(`/api/invitations/${token}/accept`, { name: "Invited Person", password: PASSWORD });
  if (accepted.status !== 200) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return { client, email };
}
