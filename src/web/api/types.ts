/** Shapes of the HTTP API as documented in docs/API.md. */

export type TLocale = "ru" | "en";
export type TRole = "admin" | "specialist" | "client_approver" | "client_viewer";
export const ROLES: readonly TRole[] = ["admin", "specialist", "client_approver", "client_viewer"];

export type TUser = {
  id: string;
  email: string;
  name: string;
  locale: TLocale;
  activeBrandId: string | null;
  isAdmin: boolean;
  workspaceId: string;
  workspaceName: string;
};

export type TSession = { user: TUser; csrfToken: string };

export type TSetupStatus = { needsSetup: boolean };

export type THealth = { status: "ok"; database: "pglite" | "postgres"; version: string; uptimeSeconds: number };

export type TInvitationPreview = {
  email: string;
  role: TRole;
  workspaceName: string;
  scope: { clientName?: string; brandName?: string };
  expiresAt: string;
};

export type TBrand = { id: string; name: string; clientId: string; clientName: string; role: TRole };

export type TClient = { id: string; name: string; createdAt: string; brands: { id: string; name: string }[] };

export type TGrant = {
  id: string;
  role: TRole;
  clientId: string | null;
  clientName: string | null;
  brandId: string | null;
  brandName: string | null;
};

export type TWorkspaceUser = {
  id: string;
  email: string;
  name: string;
  locale: TLocale;
  createdAt: string;
  grants: TGrant[];
};

export type TInvitation = {
  id: string;
  email: string;
  role: TRole;
  clientId: string | null;
  brandId: string | null;
  scopeName: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
};

export type TAuditEntry = {
  id: string;
  at: string;
  actor: { id: string; email: string } | null;
  actorLabel?: string;
  action: string;
  objectType: string;
  objectId: string | null;
  brandId: string | null;
  brandName: string | null;
  details: Record<string, unknown>;
};

export type TAuditPage = { entries: TAuditEntry[]; nextCursor: string | null };

export type TQueue = {
  name: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
  cron: string | null;
};

export type TFailedJob = {
  id: string;
  queue: string;
  failedAt: string | null;
  attempts: number;
  error: string | null;
  data: unknown;
};

export type TApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** Where a grant or an invitation applies: the whole workspace, one client or one brand. */
export type TScope = { clientId?: string; brandId?: string };
