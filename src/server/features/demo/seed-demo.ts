import type { TAppContext, TExecutor } from "../../context.ts";
import type { TRole } from "../../db/schema/accounts.ts";
import { hashPassword } from "../../lib/passwords.ts";
import { newSecret } from "../../lib/tokens.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { type TDemoCasesResult, seedDemoCases } from "../cases/demo/seed-demo-cases.ts";
import { type TDemoSermResult, seedDemoSerm } from "../serm/demo/seed-demo-serm.ts";
import { type TDemoMentionsResult, seedDemoMentions } from "./demo-mentions.ts";
import {
  findBrandByName,
  findClientByName,
  findUserByEmail,
  findWorkspaceByName,
  insertBrand,
  insertClient,
  insertGrant,
  insertUser,
  insertWorkspace,
  listGrantsOfUsers,
  updateUser,
} from "../accounts/queries.ts";

export const DEMO_WORKSPACE = "Demo Agency";

/** Fictional clients and brands: two clients, three brands. */
const CLIENTS = [
  { name: "Northwind Group", brands: ["Northwind Bank", "Northwind Insurance"] },
  { name: "Пельменная №1", brands: ["Пельменная №1"] },
] as const;

type TDemoUser = { email: string; name: string; role: TRole; locale: "ru" | "en"; brand?: string };
const USERS: TDemoUser[] = [
  { email: "admin@demo.local", name: "Anna Admin", role: "admin", locale: "en" },
  { email: "specialist@demo.local", name: "Сергей Специалист", role: "specialist", locale: "ru" },
  { email: "client-a@demo.local", name: "Claire Client", role: "client_approver", locale: "en", brand: "Northwind Bank" },
  { email: "viewer-a@demo.local", name: "Victor Viewer", role: "client_viewer", locale: "en", brand: "Northwind Bank" },
];

export type TSeedDemoResult = {
  workspaceName: string;
  clients: number;
  brands: number;
  password: string;
  users: { email: string; role: TRole; scope: string | null }[];
  /** Ninety days of generated mentions per brand; `added` is 0 on a rerun. */
  /** Null when only the accounts were asked for. */
  mentions: TDemoMentionsResult | null;
  /** Negative-review cases in every state on the newest negatives; null with the mentions. */
  cases: TDemoCasesResult | null;
  /** Sixty days of search-result scans per brand (reputation environment); null with the mentions. */
  serm: TDemoSermResult | null;
};

/**
 * Idempotent: finds what exists by name and creates only what is missing; resets demo passwords.
 * Then the brands' semantic cores, paused sources and mentions (see demo-mentions.ts), stored
 * through the ingest pipeline in transactions of their own.
 */
export async function seedDemo(app: TAppContext, options: { password?: string; mentions?: boolean }): Promise<TSeedDemoResult> {
  const password = options.password ?? newSecret().slice(0, 16);
  const passwordHash = await hashPassword(password);
  const { brandIds, ...accounts } = await seedAccounts(app, passwordHash);
  const mentions = options.mentions === false ? null : await seedDemoMentions(app, brandIds);
  const cases = options.mentions === false ? null : await seedDemoCases(app, brandIds);
  const serm = options.mentions === false ? null : await seedDemoSerm(app, brandIds);
  return { ...accounts, password, mentions, cases, serm };
}

async function seedAccounts(app: TAppContext, passwordHash: string) {
  return app.db.transaction(async (tx) => {
    const workspace = await ensureWorkspace(tx);
    const brandIds = new Map<string, string>();
    for (const client of CLIENTS) {
      const clientRow = (await findClientByName(tx, workspace, client.name)) ?? (await insertClient(tx, workspace, client.name));
      for (const name of client.brands) {
        const brand =
          (await findBrandByName(tx, clientRow.id, name)) ??
          (await insertBrand(tx, { workspaceId: workspace, clientId: clientRow.id, name }));
        brandIds.set(name, brand.id);
      }
    }
    for (const demoUser of USERS) {
      const brandId = demoUser.brand ? (brandIds.get(demoUser.brand) ?? null) : null;
      const existing = await findUserByEmail(tx, demoUser.email);
      if (existing) {
        await updateUser(tx, existing.id, { passwordHash });
        const grants = await listGrantsOfUsers(tx, [existing.id]);
        if (!grants.some((g) => g.role === demoUser.role && g.brandId === brandId))
          await insertGrant(tx, { userId: existing.id, role: demoUser.role, clientId: null, brandId });
        continue;
      }
      const user = await insertUser(tx, { workspaceId: workspace, email: demoUser.email, name: demoUser.name, passwordHash, locale: demoUser.locale });
      await insertGrant(tx, { userId: user.id, role: demoUser.role, clientId: null, brandId });
    }
    await recordAudit(tx, { workspaceId: workspace, actor: { userId: null, label: "cli" }, action: "demo.seed", objectType: "workspace", objectId: workspace });
    return {
      workspaceName: DEMO_WORKSPACE,
      clients: CLIENTS.length,
      brands: brandIds.size,
      brandIds,
      users: USERS.map((u) => ({ email: u.email, role: u.role, scope: u.brand ?? null })),
    };
  });
}

async function ensureWorkspace(tx: TExecutor): Promise<string> {
  const existing = await findWorkspaceByName(tx, DEMO_WORKSPACE);
  return existing ? existing.id : insertWorkspace(tx, DEMO_WORKSPACE);
}
