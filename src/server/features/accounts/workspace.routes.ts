import { OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { THonoEnv } from "../../http/env.ts";
import { requireAdmin, requireAuth } from "../../http/env.ts";
import { ZEmail, ZLocale, ZName, ZRole, ZUuid, brandParams, errors, jsonBody, jsonOk, noContent } from "../../http/route-kit.ts";
import { validationHook } from "../../http/validation.ts";
import { createInvitation, listWorkspaceInvitations, revokeWorkspaceInvitation } from "./invitations.ts";
import { createClient, listClients, removeClient, updateClient } from "./manage-clients.ts";
import { createBrand, getVisibleBrand, listVisibleBrands, removeBrand, updateBrand } from "./manage-brands.ts";
import { addGrant, listUsers, removeGrant, removeUser } from "./manage-users.ts";

const ZBrand = z
  .object({ id: z.string(), name: z.string(), clientId: z.string(), clientName: z.string(), role: ZRole, createdAt: z.string() })
  .openapi("Brand");
const ZClient = z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).openapi("Client");
const ZGrant = z
  .object({ id: z.string(), role: ZRole, clientId: z.string().nullable(), clientName: z.string().nullable(),
    brandId: z.string().nullable(), brandName: z.string().nullable() })
  .openapi("Grant");
const ZScope = { clientId: ZUuid.nullable().optional(), brandId: ZUuid.nullable().optional() };
const id = (name: string) => z.object({ [name]: ZUuid.openapi({ param: { name, in: "path" } }) });
const clientParams = z.object({ clientId: ZUuid });
const userParams = z.object({ userId: ZUuid });
const presentClient = (c: { id: string; name: string; createdAt: Date }) => ({ ...c, createdAt: c.createdAt.toISOString() });

export const workspaceRoutes = new OpenAPIHono<THonoEnv>({ defaultHook: validationHook })
  // ----- brands (every signed-in user sees their own) -----
  .openapi(
    createRoute({ method: "get", path: "/api/brands", tags: ["brands"], summary: "Brands the caller may see",
      responses: { 200: jsonOk(z.object({ brands: z.array(ZBrand) })), 401: errors[401] } }),
    async (c) => c.json({ brands: await listVisibleBrands(c.get("app"), requireAuth(c)) }, 200),
  )
  .openapi(
    createRoute({ method: "get", path: "/api/brands/{brandId}", tags: ["brands"], summary: "One brand and the caller's role on it",
      request: { params: brandParams }, responses: { 200: jsonOk(z.object({ brand: ZBrand })), 401: errors[401], 404: errors[404] } }),
    async (c) => c.json({ brand: await getVisibleBrand(c.get("app"), requireAuth(c), c.req.valid("param").brandId) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/brands", tags: ["workspace"], summary: "Create a brand under a client (admin)",
      request: { body: jsonBody(z.strictObject({ clientId: ZUuid, name: ZName })) },
      responses: { 201: jsonOk(z.object({ brand: z.object({ id: z.string(), name: z.string(), clientId: z.string() }) })), 400: errors[400], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const brand = await createBrand(c.get("app"), requireAdmin(c), c.req.valid("json"));
      return c.json({ brand: { id: brand.id, name: brand.name, clientId: brand.clientId } }, 201);
    },
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/brands/{brandId}", tags: ["workspace"], summary: "Rename a brand (admin)",
      request: { params: brandParams, body: jsonBody(z.strictObject({ name: ZName })) },
      responses: { 200: jsonOk(z.object({ brand: z.object({ id: z.string(), name: z.string() }) })), 400: errors[400], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const brand = await updateBrand(c.get("app"), requireAdmin(c), c.req.valid("param").brandId, c.req.valid("json").name);
      return c.json({ brand: { id: brand?.id ?? "", name: brand?.name ?? "" } }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/brands/{brandId}", tags: ["workspace"], summary: "Delete a brand and everything of it (admin)",
      request: { params: brandParams }, responses: { 204: noContent, 404: errors[404] } }),
    async (c) => {
      await removeBrand(c.get("app"), requireAdmin(c), c.req.valid("param").brandId);
      return c.body(null, 204);
    },
  )
  // ----- clients -----
  .openapi(
    createRoute({ method: "get", path: "/api/clients", tags: ["workspace"], summary: "Clients with their brands (admin)",
      responses: { 200: jsonOk(z.object({ clients: z.array(ZClient.extend({ brands: z.array(z.object({ id: z.string(), name: z.string() })) })) })), 404: errors[404] } }),
    async (c) => c.json({ clients: await listClients(c.get("app"), requireAdmin(c)) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/clients", tags: ["workspace"], summary: "Create a client (admin)",
      request: { body: jsonBody(z.strictObject({ name: ZName })) },
      responses: { 201: jsonOk(z.object({ client: ZClient })), 400: errors[400], 409: errors[409] } }),
    async (c) => c.json({ client: presentClient(await createClient(c.get("app"), requireAdmin(c), c.req.valid("json").name)) }, 201),
  )
  .openapi(
    createRoute({ method: "patch", path: "/api/clients/{clientId}", tags: ["workspace"], summary: "Rename a client (admin)",
      request: { params: id("clientId"), body: jsonBody(z.strictObject({ name: ZName })) },
      responses: { 200: jsonOk(z.object({ client: ZClient })), 400: errors[400], 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { clientId } = clientParams.parse(c.req.valid("param"));
      const client = await updateClient(c.get("app"), requireAdmin(c), clientId, c.req.valid("json").name);
      return c.json({ client: client ? presentClient(client) : { id: clientId, name: "", createdAt: "" } }, 200);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/clients/{clientId}", tags: ["workspace"], summary: "Delete a client without brands (admin)",
      request: { params: id("clientId") }, responses: { 204: noContent, 404: errors[404], 409: errors[409] } }),
    async (c) => {
      await removeClient(c.get("app"), requireAdmin(c), clientParams.parse(c.req.valid("param")).clientId);
      return c.body(null, 204);
    },
  )
  // ----- users and grants -----
  .openapi(
    createRoute({ method: "get", path: "/api/users", tags: ["workspace"], summary: "Users with their grants (admin)",
      responses: { 200: jsonOk(z.object({ users: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), locale: ZLocale, createdAt: z.string(), grants: z.array(ZGrant) })) })), 404: errors[404] } }),
    async (c) => c.json({ users: await listUsers(c.get("app"), requireAdmin(c)) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/users/{userId}/grants", tags: ["workspace"], summary: "Give a user a role on the workspace, a client or a brand (admin)",
      request: { params: id("userId"), body: jsonBody(z.strictObject({ role: ZRole, ...ZScope })) },
      responses: { 201: jsonOk(z.object({ grant: z.object({ id: z.string(), role: ZRole, clientId: z.string().nullable(), brandId: z.string().nullable() }) })), 400: errors[400], 404: errors[404] } }),
    async (c) => {
      const { userId } = userParams.parse(c.req.valid("param"));
      const grant = await addGrant(c.get("app"), requireAdmin(c), userId, c.req.valid("json"));
      return c.json({ grant: { id: grant.id, role: grant.role, clientId: grant.clientId, brandId: grant.brandId } }, 201);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/users/{userId}/grants/{grantId}", tags: ["workspace"], summary: "Take a grant away (admin)",
      request: { params: z.object({ userId: ZUuid, grantId: ZUuid }) }, responses: { 204: noContent, 404: errors[404], 409: errors[409] } }),
    async (c) => {
      const { userId, grantId } = c.req.valid("param");
      await removeGrant(c.get("app"), requireAdmin(c), userId, grantId);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/users/{userId}", tags: ["workspace"], summary: "Delete a user (admin; not yourself)",
      request: { params: id("userId") }, responses: { 204: noContent, 404: errors[404], 409: errors[409] } }),
    async (c) => {
      await removeUser(c.get("app"), requireAdmin(c), userParams.parse(c.req.valid("param")).userId);
      return c.body(null, 204);
    },
  )
  // ----- invitations -----
  .openapi(
    createRoute({ method: "get", path: "/api/invitations", tags: ["workspace"], summary: "Invitations of the workspace (admin)",
      responses: { 200: jsonOk(z.object({ invitations: z.array(z.object({ id: z.string(), email: z.string(), role: ZRole, clientId: z.string().nullable(), brandId: z.string().nullable(), scopeName: z.string().nullable(), status: z.enum(["pending", "accepted", "revoked", "expired"]), expiresAt: z.string(), acceptedAt: z.string().nullable(), createdAt: z.string() })) })), 404: errors[404] } }),
    async (c) => c.json({ invitations: await listWorkspaceInvitations(c.get("app"), requireAdmin(c)) }, 200),
  )
  .openapi(
    createRoute({ method: "post", path: "/api/invitations", tags: ["workspace"], summary: "Invite a person by a single-use expiring link (admin)",
      request: { body: jsonBody(z.strictObject({ email: ZEmail, role: ZRole, ...ZScope, locale: ZLocale.optional() })) },
      responses: { 201: jsonOk(z.object({ invitation: z.object({ id: z.string(), email: z.string(), role: ZRole, expiresAt: z.string() }), link: z.string() })), 400: errors[400], 409: errors[409] } }),
    async (c) => {
      const { invitation, link } = await createInvitation(c.get("app"), requireAdmin(c), c.req.valid("json"));
      return c.json({ invitation: { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() }, link }, 201);
    },
  )
  .openapi(
    createRoute({ method: "delete", path: "/api/invitations/{invitationId}", tags: ["workspace"], summary: "Revoke a pending invitation (admin)",
      request: { params: id("invitationId") }, responses: { 204: noContent, 404: errors[404] } }),
    async (c) => {
      const { invitationId } = z.object({ invitationId: ZUuid }).parse(c.req.valid("param"));
      await revokeWorkspaceInvitation(c.get("app"), requireAdmin(c), invitationId);
      return c.body(null, 204);
    },
  );
