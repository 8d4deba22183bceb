import type { TAppContext } from "../../context.ts";
import { conflict, invalid, notFound } from "../../lib/errors.ts";
import { actorOf, recordAudit } from "../audit/record-audit.ts";
import type { TAuth } from "./access.ts";
import { canSeeBrand } from "./permissions.ts";
import { deleteBrand, findBrand, findBrandByName, findClient, insertBrand, listBrandsByIds, renameBrand } from "./queries.ts";

/** The brands the caller may see, each with the caller's role on it. */
export async function listVisibleBrands(app: TAppContext, auth: TAuth) {
  const rows = await listBrandsByIds(app.db, [...auth.brandRoles.keys()]);
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    clientId: b.clientId,
    clientName: b.clientName,
    role: auth.brandRoles.get(b.id) ?? "client_viewer",
    createdAt: b.createdAt.toISOString(),
  }));
}

export async function getVisibleBrand(app: TAppContext, auth: TAuth, brandId: string) {
  const [brand] = canSeeBrand(auth, brandId) ? await listBrandsByIds(app.db, [brandId]) : [];
  if (!brand) throw notFound();
  return { ...brand, role: auth.brandRoles.get(brand.id) ?? "client_viewer", createdAt: brand.createdAt.toISOString() };
}

export async function createBrand(app: TAppContext, auth: TAuth, options: { clientId: string; name: string }) {
  return app.db.transaction(async (tx) => {
    if (!(await findClient(tx, auth.workspaceId, options.clientId))) throw invalid("clientId", "no such client in this workspace");
    if (await findBrandByName(tx, options.clientId, options.name))
      throw conflict(`This client already has a brand named "${options.name}"`);
    const brand = await insertBrand(tx, { workspaceId: auth.workspaceId, clientId: options.clientId, name: options.name.trim() });
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "brand.create",
      objectType: "brand",
      objectId: brand.id,
      brandId: brand.id,
      details: { name: brand.name, clientId: brand.clientId },
    });
    return brand;
  });
}

export async function updateBrand(app: TAppContext, auth: TAuth, brandId: string, name: string) {
  return app.db.transaction(async (tx) => {
    const before = await findBrand(tx, auth.workspaceId, brandId);
    if (!before) throw notFound();
    const other = await findBrandByName(tx, before.clientId, name);
    if (other && other.id !== brandId) throw conflict(`This client already has a brand named "${name}"`);
    const brand = await renameBrand(tx, brandId, name.trim());
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "brand.rename",
      objectType: "brand",
      objectId: brandId,
      brandId,
      details: { from: before.name, to: name },
    });
    return brand;
  });
}

export async function removeBrand(app: TAppContext, auth: TAuth, brandId: string): Promise<void> {
  await app.db.transaction(async (tx) => {
    const brand = await findBrand(tx, auth.workspaceId, brandId);
    if (!brand) throw notFound();
    await recordAudit(tx, {
      workspaceId: auth.workspaceId,
      actor: actorOf(auth),
      action: "brand.delete",
      objectType: "brand",
      objectId: brandId,
      details: { name: brand.name, clientId: brand.clientId },
    });
    await deleteBrand(tx, brandId);
  });
}
