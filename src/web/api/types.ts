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
  /** Not in docs/API.md; the server sends the language the inviter chose. */
  locale?: TLocale;
  workspaceName: string;
  scope: { clientName?: string | null; brandName?: string | null };
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

export type TInvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export type TInvitation = {
  id: string;
  email: string;
  role: TRole;
  clientId: string | null;
  brandId: string | null;
  scopeName: string | null;
  /** Not in docs/API.md; the server computes it (a revoked invitation stays listed). */
  status?: TInvitationStatus;
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

/** As the server sends it (docs/API.md lists created/retry/completed, which pg-boss 12 does not count). */
export type TQueue = {
  name: string;
  /** Set when this queue holds the dead letters of another queue. */
  deadLetterOf: string | null;
  queued: number;
  active: number;
  failed: number;
  total: number;
  cron: string | null;
  retryLimit: number;
};

export type TFailedJob = {
  id: string;
  queue: string;
  failedAt: string | null;
  createdAt?: string;
  attempts: number;
  error: string | null;
  data: unknown;
};

export type TApiToken = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/** Where a grant or an invitation applies: the whole workspace, one client or one brand. */
export type TScope = { clientId?: string; brandId?: string };
