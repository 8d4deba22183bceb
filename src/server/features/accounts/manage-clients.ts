import type { TAppContext } from "../../context.ts";
import { conflict, notFound } from "../../lib/errors.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import {
  countClientBrands,
  deleteClient,
  findClient,
  findClientByName,
  insertClient,
  listClientsWithBrands,
  renameClient,
} from "./queries.ts";

export async function listClients(app: TAppContext, auth: TAuth) {
  const rows = await listClientsWithBrands(app.db, auth.workspaceId);
  const byId = new Map<string, { id: string; name: string; createdAt: string; brands: { id: string; name: string }[] }>();
  for (const r of rows) {
    let client = byId.get(r.id);
    if (!client) {
      client = { id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), brands: [] };
      byId.set(r.id, client);
    }
    if (r.brandId && r.brandName) client.brands.push({ id: r.brandId, name: r.brandName });
  }
  return [...byId.values()];
}

export async function createClient(app: TAppContext, auth: TAuth, name: string) {
  return app.db.transaction(async (tx) => {
    if (await findClientByName(tx, auth.workspaceId, name)) throw conflict(`A client named "${name}" already exists`);
    const client = await insertClient(tx, auth.workspaceId, name.trim());
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "client.create",
      objectType: "client",
      objectId: client.id,
      details: { name: client.name },
    });
    return client;
  });
}

export async function updateClient(app: TAppContext, auth: TAuth, clientId: string, name: string) {
  return app.db.transaction(async (tx) => {
    const before = await findClient(tx, auth.workspaceId, clientId);
    if (!before) throw notFound();
    const other = await findClientByName(tx, auth.workspaceId, name);
    if (other && other.id !== clientId) throw conflict(`A client named "${name}" already exists`);
    const client = await renameClient(tx, clientId, name.trim());
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "client.rename",
      objectType: "client",
      objectId: clientId,
      details: { from: before.name, to: name },
    });
    return client;
  });
}

export async function removeClient(app: TAppContext, auth: TAuth, clientId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const client = await findClient(tx, auth.workspaceId, clientId);
    if (!client) throw notFound();
    if ((await countClientBrands(tx, clientId)) > 0) throw conflict("Delete or move the client's brands first");
    await deleteClient(tx, clientId);
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "client.delete",
      objectType: "client",
      objectId: clientId,
      details: { name: client.name },
    });
  });
}
