import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineConnector } from "../../connectors/connector.ts";
import { createBrandMatcher } from "../ingest/brand-matcher.ts";
import { ingestBatch } from "../ingest/ingest-batch.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";
import { registerConnector } from "./connector-catalogue.ts";
import { findBrandSource, updateSource } from "./queries.ts";
import { SECRET_MASK } from "./source-secrets.ts";

type TErr = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type TSource = {
  id: string;
  connector: string;
  connectorTitle: { en: string } | null;
  name: string;
  config: Record<string, unknown> | null;
  secretFields: string[];
  ownPlace: boolean;
  status: string;
  intervalMinutes: number;
  rateLimitPerMinute: number | null;
  expectedItemMinutes: number | null;
  rate: { limit: number; intervalMs: number } | null;
  health: string;
  nextRunAt: string;
  lastError: string | null;
  consecutiveFailures: number;
  mentionsCount: number;
};
type TOne = { source: TSource };

const TOKEN = "tok-super-secret-7f3a";
const testConnector = defineConnector({
  id: "test-source",
  version: "1",
  sourceKind: "other",
  title: { en: "Test source", ru: "Тестовый источник" },
  configSchema: z.strictObject({
    mode: z.enum(["search", "community"]),
    token: z.string().min(1, "the token is required"),
    query: z.string().min(1).optional(),
    pageUrl: z.url({ protocol: /^https?$/, error: "an http(s) URL" }).optional(),
    perRun: z.number().int().min(1).max(100).default(20),
  }),
  secretFields: ["token"],
  capabilities: { keywordSearch: true, placeReviews: false, ownPageComments: true, reply: false },
  isOwnPlace: (config) => config.mode === "community",
  rateLimit: { limit: 1, intervalMs: 1_000 },
  defaultIntervalMinutes: 2,
  async fetch() {
    return { items: [], nextCursor: null, hasMore: false };
  },
});

let unregister: (() => void) | undefined;
beforeAll(() => {
  unregister = registerConnector(testConnector);
});
afterAll(() => unregister?.());

const searchConfig = { mode: "search", token: TOKEN, query: "нортвинд" };

describeOnDatabases("sources of a brand", (h) => {
  async function setup() {
    const { admin } = await signUpWorkspace(h());
    const { brandId } = await createClientAndBrand(admin);
    const base = `/api/brands/${brandId}/sources`;
    return { admin, brandId, base };
  }

  it("lists the connector catalogue with each config as JSON Schema", async () => {
    const { admin } = await setup();
    const res = await admin.get<{ connectors: { id: string; secretFields: string[]; configSchema: { properties: Record<string, { default?: unknown; enum?: string[] }>; required: string[] } }[] }>("/api/connectors");
    expect(res.status).toBe(200);
    const entry = res.body.connectors.find((c) => c.id === "test-source");
    expect(entry).toMatchObject({ secretFields: ["token"], configSchema: { required: ["mode", "token"] } });
    expect(entry?.configSchema.properties.mode?.enum).toEqual(["search", "community"]);
    expect(entry?.configSchema.properties.perRun?.default).toBe(20);
    expect(entry).toMatchObject({ rateLimit: { limit: 1, intervalMs: 1_000 } });
  });

  it("validates a new source and names each bad field", async () => {
    const { admin, base } = await setup();
    const unknown = await admin.post<TErr>(base, { connector: "nope", name: "X", config: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([expect.objectContaining({ path: "connector" })]);
    const bad = await admin.post<TErr>(base, { connector: "test-source", name: "X", config: { mode: "wide", pageUrl: "ftp://x", extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.path).sort()).toEqual(["config.extra", "config.mode", "config.pageUrl", "config.token"]);
    const interval = await admin.post<TErr>(base, { connector: "test-source", name: "X", config: searchConfig, intervalMinutes: 4 });
    expect(interval.body.error.fields?.[0]?.path).toBe("intervalMinutes");
    const mask = await admin.post<TErr>(base, { connector: "test-source", name: "X", config: { ...searchConfig, token: SECRET_MASK } });
    expect(mask.body.error.fields?.[0]?.path).toBe("config.token");
    expect((await admin.get<{ sources: unknown[] }>(base)).body.sources).toHaveLength(0);
  });

  it("creates sources with the own-place flag from the connector unless given, never showing secrets", async () => {
    const { admin, base, brandId } = await setup();
    const search = await admin.post<TOne>(base, { connector: "test-source", name: "  Search  ", config: searchConfig });
    expect(search.status).toBe(201);
    expect(search.body.source).toMatchObject({
      name: "Search",
      ownPlace: false,
      status: "active",
      intervalMinutes: 5, // the connector's 2 minutes, raised to the minimum
      health: "pending",
      connectorTitle: { en: "Test source" },
      secretFields: ["token"],
      config: { mode: "search", token: SECRET_MASK, query: "нортвинд" },
    });
    const community = await admin.post<TOne>(base, { connector: "test-source", name: "Wall", config: { mode: "community", token: TOKEN }, intervalMinutes: 120 });
    expect(community.body.source).toMatchObject({ ownPlace: true, intervalMinutes: 120 });
    const forced = await admin.post<TOne>(base, { connector: "test-source", name: "Forced", config: searchConfig, ownPlace: true });
    expect(forced.body.source.ownPlace).toBe(true);

    const list = await admin.get<{ sources: TSource[] }>(base);
    expect(list.body.sources.map((s) => s.name)).toEqual(["Search", "Wall", "Forced"]);
    expect(JSON.stringify(list.body)).not.toContain(TOKEN);
    expect(JSON.stringify((await admin.get(`${base}/${search.body.source.id}`)).body)).not.toContain(TOKEN);
    expect((await findBrandSource(h().app.db, brandId, search.body.source.id))?.config.token).toBe(TOKEN);
  });

  it("validates the rate limit and the expected item period, naming the field", async () => {
    const { admin, base } = await setup();
    const cases: [Record<string, unknown>, string][] = [
      [{ rateLimitPerMinute: 0 }, "rateLimitPerMinute"],
      [{ rateLimitPerMinute: 6_001 }, "rateLimitPerMinute"],
      [{ rateLimitPerMinute: 1.5 }, "rateLimitPerMinute"],
      [{ rateLimitPerMinute: "10" }, "rateLimitPerMinute"],
      [{ expectedItemMinutes: 9 }, "expectedItemMinutes"],
      [{ expectedItemMinutes: 525_601 }, "expectedItemMinutes"],
    ];
    for (const [extra, path] of cases) {
      const res = await admin.post<TErr>(base, { connector: "test-source", name: "X", config: searchConfig, ...extra });
      expect(res.status, JSON.stringify(extra)).toBe(400);
      expect(res.body.error.fields?.map((f) => f.path)).toEqual([path]);
    }
    expect((await admin.get<{ sources: unknown[] }>(base)).body.sources).toHaveLength(0);
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig });
    const patched = await admin.patch<TErr>(`${base}/${body.source.id}`, { rateLimitPerMinute: 1, expectedItemMinutes: 5 });
    expect(patched.status).toBe(400);
    expect(patched.body.error.fields?.map((f) => f.path)).toEqual(["expectedItemMinutes"]);
    expect((await admin.get<TOne>(`${base}/${body.source.id}`)).body.source.rateLimitPerMinute).toBeNull();
  });

  it("stores the own rate limit and expected item period, shows the rate in effect, resets both with null", async () => {
    const { admin, base, brandId } = await setup();
    const plain = await admin.post<TOne>(base, { connector: "test-source", name: "Plain", config: searchConfig });
    expect(plain.body.source).toMatchObject({ rateLimitPerMinute: null, expectedItemMinutes: null, rate: { limit: 1, intervalMs: 1_000 } });
    const own = await admin.post<TOne>(base, {
      connector: "test-source",
      name: "Own",
      config: searchConfig,
      rateLimitPerMinute: 6_000,
      expectedItemMinutes: 525_600,
    });
    expect(own.status).toBe(201);
    expect(own.body.source).toMatchObject({ rateLimitPerMinute: 6_000, expectedItemMinutes: 525_600, rate: { limit: 6_000, intervalMs: 60_000 } });
    const id = own.body.source.id;
    expect(await findBrandSource(h().app.db, brandId, id)).toMatchObject({ rateLimitPerMinute: 6_000, expectedItemMinutes: 525_600 });

    const changed = await admin.patch<TOne>(`${base}/${id}`, { rateLimitPerMinute: 30, expectedItemMinutes: 10 });
    expect(changed.body.source).toMatchObject({ rateLimitPerMinute: 30, expectedItemMinutes: 10, rate: { limit: 30, intervalMs: 60_000 } });
    const unchanged = await admin.patch<TOne>(`${base}/${id}`, { rateLimitPerMinute: 30, name: "Own" });
    expect(unchanged.body.source.rateLimitPerMinute).toBe(30);
    const other = await admin.patch<TOne>(`${base}/${id}`, { name: "Still own" });
    expect(other.body.source).toMatchObject({ rateLimitPerMinute: 30, expectedItemMinutes: 10 }); // left out: kept
    const reset = await admin.patch<TOne>(`${base}/${id}`, { rateLimitPerMinute: null, expectedItemMinutes: null });
    expect(reset.status).toBe(200);
    expect(reset.body.source).toMatchObject({ rateLimitPerMinute: null, expectedItemMinutes: null, rate: { limit: 1, intervalMs: 1_000 } });
    expect(await findBrandSource(h().app.db, brandId, id)).toMatchObject({ rateLimitPerMinute: null, expectedItemMinutes: null });

    const audit = await admin.get<{ entries: { action: string; details: Record<string, unknown> }[] }>(`/api/brands/${brandId}/audit?action=source.`);
    const created = audit.body.entries.find((e) => e.action === "source.create" && e.details.name === "Own");
    expect(created?.details).toMatchObject({ rateLimitPerMinute: 6_000, expectedItemMinutes: 525_600 });
    const updates = audit.body.entries.filter((e) => e.action === "source.update").map((e) => e.details.changed);
    expect(updates).toHaveLength(3); // the unchanged PATCH is not audited
    expect(updates).toContainEqual(["rateLimitPerMinute", "expectedItemMinutes"]);
    expect(updates).toContainEqual(["name"]);
  });

  it("is stale when no new item came for longer than its expected period, ok again once the expectation is removed", async () => {
    const { admin, base } = await setup();
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig, expectedItemMinutes: 24 * 60 });
    const id = body.source.id;
    const now = Date.now();
    await updateSource(h().app.db, id, { lastRunAt: new Date(now), lastSuccessAt: new Date(now), lastItemAt: new Date(now - 2 * 24 * 60 * 60_000) });
    expect((await admin.get<TOne>(`${base}/${id}`)).body.source.health).toBe("stale");
    expect((await admin.get<{ sources: TSource[] }>(base)).body.sources[0]?.health).toBe("stale");
    expect((await admin.patch<TOne>(`${base}/${id}`, { expectedItemMinutes: 3 * 24 * 60 })).body.source.health).toBe("ok");
    expect((await admin.patch<TOne>(`${base}/${id}`, { expectedItemMinutes: 60 })).body.source.health).toBe("stale");
    expect((await admin.patch<TOne>(`${base}/${id}`, { expectedItemMinutes: null })).body.source.health).toBe("ok");
  });

  it("keeps a secret sent back as the mask or left out, replaces it when changed, restarts the cursor on a new target", async () => {
    const { admin, base, brandId } = await setup();
    const created = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig });
    const id = created.body.source.id;
    await updateSource(h().app.db, id, { cursor: "page-7", nextRunAt: new Date(Date.now() + 3_600_000) });

    const masked = await admin.patch<TOne>(`${base}/${id}`, { config: { ...created.body.source.config } });
    expect(masked.status).toBe(200);
    let row = await findBrandSource(h().app.db, brandId, id);
    expect(row?.config.token).toBe(TOKEN);
    expect(row?.cursor).toBe("page-7"); // nothing changed

    const omitted = await admin.patch<TOne>(`${base}/${id}`, { config: { mode: "search", query: "другое" } });
    expect(omitted.body.source.config).toMatchObject({ token: SECRET_MASK, query: "другое" });
    row = await findBrandSource(h().app.db, brandId, id);
    expect(row?.config.token).toBe(TOKEN);
    expect(row?.cursor).toBeNull();
    expect(row?.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now());

    await updateSource(h().app.db, id, { cursor: "page-9" });
    await admin.patch<TOne>(`${base}/${id}`, { config: { mode: "search", query: "другое", token: "tok-new" } });
    row = await findBrandSource(h().app.db, brandId, id);
    expect(row?.config.token).toBe("tok-new");
    expect(row?.cursor).toBe("page-9"); // a new credential is not a new target

    const bad = await admin.patch<TErr>(`${base}/${id}`, { config: { mode: "search", token: null } });
    expect(bad.body.error.fields?.[0]?.path).toBe("config.token");
    const renamed = await admin.patch<TOne>(`${base}/${id}`, { name: "Renamed", intervalMinutes: 60, ownPlace: true });
    expect(renamed.body.source).toMatchObject({ name: "Renamed", intervalMinutes: 60, ownPlace: true });

    const audit = await admin.get<{ entries: { action: string; details: Record<string, unknown> }[] }>(`/api/brands/${brandId}/audit?action=source.`);
    const updates = audit.body.entries.filter((e) => e.action === "source.update").map((e) => e.details.changed);
    expect(updates).toContainEqual(["config.query"]);
    expect(updates).toContainEqual(["config.token"]);
    expect(updates).toContainEqual(["name", "ownPlace", "intervalMinutes"]);
    expect(JSON.stringify(audit.body)).not.toMatch(/tok-/);
  });

  it("runs now: due at once and a sync job sent once per source", async () => {
    const { admin, base, brandId } = await setup();
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig });
    const id = body.source.id;
    await updateSource(h().app.db, id, { nextRunAt: new Date(Date.now() + 86_400_000) });
    // A queue that cannot take the job does not fail the request: the source is still due.
    const down = vi.spyOn(h().app.queue, "send").mockRejectedValue(new Error("queue down"));
    try {
      const unqueued = await admin.post<{ source: TSource; enqueued: boolean }>(`${base}/${id}/run`);
      expect(unqueued.status).toBe(200);
      expect(unqueued.body.enqueued).toBe(false);
      expect(new Date(unqueued.body.source.nextRunAt).getTime()).toBeLessThanOrEqual(Date.now());
    } finally {
      down.mockRestore();
    }

    const send = vi.spyOn(h().app.queue, "send").mockResolvedValue("job-1");
    try {
      const queued = await admin.post<{ enqueued: boolean }>(`${base}/${id}/run`);
      expect(queued.body.enqueued).toBe(true);
      expect(send).toHaveBeenCalledWith("sources.sync", { sourceId: id }, { singletonKey: id });
    } finally {
      send.mockRestore();
    }
    const audit = await admin.get<{ entries: { action: string }[] }>(`/api/brands/${brandId}/audit?action=source.run`);
    expect(audit.body.entries).toHaveLength(2);
  });

  it("pauses and resumes; a paused source does not run", async () => {
    const { admin, base } = await setup();
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig });
    const id = body.source.id;
    const paused = await admin.post<TOne>(`${base}/${id}/pause`);
    expect(paused.body.source).toMatchObject({ status: "paused", health: "paused" });
    expect((await admin.post<TErr>(`${base}/${id}/run`)).status).toBe(409);
    await updateSource(h().app.db, id, { nextRunAt: new Date(Date.now() + 86_400_000) });
    const resumed = await admin.post<TOne>(`${base}/${id}/resume`);
    expect(resumed.body.source).toMatchObject({ status: "active", health: "pending" });
    expect(new Date(resumed.body.source.nextRunAt).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("reports health, the last error and the mentions each source brought", async () => {
    const { admin, base, brandId } = await setup();
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: { mode: "community", token: TOKEN } });
    const id = body.source.id;
    const now = new Date();
    await h().app.db.transaction(async (tx) =>
      ingestBatch(
        tx,
        { brandId, sourceId: id, origin: "connector", keepUnmatched: true, connectorVersion: "test-source@1" },
        [item({ externalId: "a" }), item({ externalId: "b" }), item({ externalId: "c" })].map((i) => normalizeItem("other", i, now)),
        { matcher: createBrandMatcher("Нортвинд", []), classifier: keywordTestClassifier, now },
      ),
    );
    await updateSource(h().app.db, id, { lastRunAt: now, lastSuccessAt: now, itemsCollected: 3 });
    let source = (await admin.get<TOne>(`${base}/${id}`)).body.source;
    expect(source).toMatchObject({ health: "ok", mentionsCount: 3 });
    await updateSource(h().app.db, id, { consecutiveFailures: 2, lastError: "VK said: access denied", lastErrorKind: "auth" });
    source = (await admin.get<{ sources: TSource[] }>(base)).body.sources[0] as TSource;
    expect(source).toMatchObject({ health: "failing", lastError: "VK said: access denied", consecutiveFailures: 2, mentionsCount: 3 });
    await updateSource(h().app.db, id, { consecutiveFailures: 0, lastSuccessAt: new Date(Date.now() - 4 * 5 * 60_000) });
    expect((await admin.get<TOne>(`${base}/${id}`)).body.source.health).toBe("stale");

    expect((await admin.delete(`${base}/${id}`)).status).toBe(204);
    expect((await admin.get(`${base}/${id}`)).status).toBe(404);
    const audit = await admin.get<{ entries: { action: string }[] }>(`/api/brands/${brandId}/audit?action=source.delete`);
    expect(audit.body.entries).toHaveLength(1);
  });

  it("lets client roles see health but not configs, and write nothing; specialists configure", async () => {
    const { admin, base, brandId } = await setup();
    const { body } = await admin.post<TOne>(base, { connector: "test-source", name: "S", config: searchConfig });
    const id = body.source.id;
    const approver = (await inviteUser(h(), admin, "client_approver", { brandId })).client;
    const list = await approver.get<{ sources: TSource[] }>(base);
    expect(list.status).toBe(200);
    expect(list.body.sources[0]).toMatchObject({ id, health: "pending", config: null });
    const refused = [
      await approver.post(base, { connector: "test-source", name: "S2", config: searchConfig }),
      await approver.patch(`${base}/${id}`, { name: "Mine" }),
      await approver.post(`${base}/${id}/run`),
      await approver.post(`${base}/${id}/pause`),
      await approver.post(`${base}/${id}/resume`),
      await approver.delete(`${base}/${id}`),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await admin.get<{ sources: TSource[] }>(base)).body.sources).toMatchObject([{ name: "S", status: "active" }]);

    const specialist = (await inviteUser(h(), admin, "specialist", { brandId })).client;
    expect((await specialist.patch<TOne>(`${base}/${id}`, { name: "By specialist" })).body.source.name).toBe("By specialist");
    expect((await specialist.get<TOne>(`${base}/${id}`)).body.source.config).toMatchObject({ token: SECRET_MASK });
  });
});
