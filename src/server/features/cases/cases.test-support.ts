import type { TConnectorItem } from "../../connectors/connector.ts";
import type { TestClient } from "../../test/client.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import type { THarness } from "../../test/harness.ts";
import { item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";
import { type TIngestTarget, ingestBatch } from "../ingest/ingest-batch.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { brandMentions } from "../ingest/queries.ts";
import { insertRule } from "../semantic-core/queries.ts";

/** Test support for the negative-reviews service tests: a brand with its people and mentions. */
export type TErr = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

export type TCaseBody = {
  id: string;
  state: string;
  stateReason: string | null;
  dueAt: string;
  overdue: boolean;
  assignee: { id: string; name: string | null } | null;
  opened: { how: string; by: { id: string } | null };
  mention: { id: string; text: string; sourceKind: string; negativeType: { type: string; reaction: { en: string } } | null; sentiment: { label: string } | null };
  latestResponse: { id: string; version: number; text: string } | null;
  approval: { responseId: string; ofLatest: boolean } | null;
  publication: { how: string; url: string | null; externalId: string | null; confirmation: string | null; screenshot: { status: string | null; hash: string | null } } | null;
  publishVia: "api" | "manual";
  screenshot: { status: string; hash: string | null; url: string | null };
  actions: string[];
};
export type TOne = { case: TCaseBody };

export const person = async (client: TestClient) => (await client.get<{ user: { id: string; name: string } }>("/api/auth/session")).body.user;

/** A workspace admin, a brand "Нортвинд" with a semantic core, its specialist, approver and viewer. */
export async function caseWorld(h: THarness) {
  const { admin, email: adminEmail } = await signUpWorkspace(h);
  const { brandId, clientId } = await createClientAndBrand(admin, undefined, "Нортвинд");
  await insertRule(h.app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд* OR northwind" });
  const specialist = await inviteUser(h, admin, "specialist", { brandId });
  const approver = await inviteUser(h, admin, "client_approver", { clientId });
  const viewer = await inviteUser(h, admin, "client_viewer", { brandId });
  const ids = {
    admin: (await person(admin)).id,
    specialist: (await person(specialist.client)).id,
    approver: (await person(approver.client)).id,
    viewer: (await person(viewer.client)).id,
  };
  return { admin, adminEmail, brandId, clientId, specialist: specialist.client, specialistEmail: specialist.email, approver: approver.client, approverEmail: approver.email, viewer: viewer.client, ids, base: `/api/brands/${brandId}/cases` };
}

export const RECENT = (minutesAgo: number, now = new Date()) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();

/** Stores items through the pipeline as a connector of `kind` would; returns mention ids by external id. */
export async function ingestItems(h: THarness, brandId: string, kind: string, items: TConnectorItem[], options: { sourceId?: string | null; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const target: TIngestTarget = { brandId, sourceId: options.sourceId ?? null, origin: "connector", keepUnmatched: true, connectorVersion: "test@1" };
  const result = await h.app.db.transaction(async (tx) =>
    ingestBatch(tx, target, items.map((i) => normalizeItem(kind, i, now)), { matcher: await brandMatcher(tx, brandId), classifier: keywordTestClassifier, now }),
  );
  const all = await brandMentions(h.app.db, brandId);
  const byExternal = new Map(all.map((m) => [m.externalId, m.id]));
  return { inserted: result.insertedIds, idOf: (externalId: string) => byExternal.get(externalId) ?? "" };
}

/** A negative VK comment, published `minutesAgo`. */
export const negativeItem = (externalId: string, minutesAgo = 30, extra: Partial<TConnectorItem> = {}) =>
  item({ externalId, kind: "comment", text: `Нортвинд Банк: поддержка не отвечает третий день, ужас. Случай ${externalId}`, publishedAt: RECENT(minutesAgo), url: `https://vk.com/wall-1_${externalId}`, author: { name: "Анна К.", externalId: "555" }, ...extra });

export const positiveItem = (externalId: string, minutesAgo = 30) =>
  item({ externalId, kind: "comment", text: `Нортвинд Банк отлично решил мой вопрос, спасибо! ${externalId}`, publishedAt: RECENT(minutesAgo), url: `https://vk.com/wall-1_${externalId}`, author: { name: "Пётр" } });
