import { expect, it } from "vitest";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { SECRET_MASK } from "../../sources/source-secrets.ts";
import { findSettingsRow } from "./queries.ts";

type TErr = { error: { code: string; fields?: { path: string; message: string }[] } };
type TQueryView = { id: string; text: string; engines: string[]; region: Record<string, unknown>; depth: number; device: string; frequency: number | null; enabled: boolean };
type TSettingsBody = { settings: { providerConfigs: Record<string, Record<string, unknown>> | null; engineProviders: Record<string, string>; scansEnabled: boolean; timeZone: string }; providers: { id: string }[]; ctrTables: unknown[] };

const KEY = "serpapi-key-0123456789abcdef";
const paths = (res: { body: unknown }) => ((res.body as TErr).error.fields ?? []).map((f) => f.path).sort();

describeOnDatabases("SERM configuration routes", (h) => {
  async function setup() {
    const { admin } = await signUpWorkspace(h());
    const { brandId, clientId } = await createClientAndBrand(admin, undefined, "Нортвинд Банк");
    return { admin, brandId, clientId, base: `/api/brands/${brandId}/serm` };
  }

  it("creates, lists, changes and deletes queries; validation names each field", async () => {
    const { admin, base } = await setup();
    const created = await admin.post<{ query: TQueryView }>(`${base}/queries`, { text: "  Нортвинд   Банк отзывы ", engines: ["yandex", "google", "yandex"], frequency: 4000, depth: 20, region: { country: "RU" } });
    expect(created.status).toBe(201);
    expect(created.body.query).toMatchObject({ text: "Нортвинд Банк отзывы", engines: ["yandex", "google"], frequency: 4000, depth: 20, device: "desktop", enabled: true, region: { yandex: "213", country: "ru", lang: "ru", location: null } });

    const bad = await admin.post<TErr>(`${base}/queries`, { text: "", engines: [], depth: 15, region: { yandex: "Moscow" }, extra: 1 });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(["depth", "engines", "extra", "region.yandex", "text"]);
    const engine = await admin.post<TErr>(`${base}/queries`, { text: "x", engines: ["altavista"] });
    expect(paths(engine)).toEqual(["engines.0"]);
    const duplicate = await admin.post<TErr>(`${base}/queries`, { text: "нортвинд банк ОТЗЫВЫ", engines: ["google"] });
    expect(duplicate.status).toBe(400);
    expect(paths(duplicate)).toEqual(["text"]);
    // Same text on mobile is another query.
    expect((await admin.post(`${base}/queries`, { text: "нортвинд банк отзывы", engines: ["google"], device: "mobile" })).status).toBe(201);

    const id = created.body.query.id;
    const changed = await admin.patch<{ query: TQueryView }>(`${base}/queries/${id}`, { enabled: false, frequency: null, region: { location: "Moscow,Moscow,Russia" } });
    expect(changed.body.query).toMatchObject({ enabled: false, frequency: null, region: { yandex: "213", country: "ru", location: "Moscow,Moscow,Russia" } });
    expect(paths(await admin.patch(`${base}/queries/${id}`, { depth: 30 }))).toEqual(["depth"]);
    expect((await admin.get<{ queries: TQueryView[] }>(`${base}/queries`)).body.queries).toHaveLength(2);
    expect((await admin.delete(`${base}/queries/${id}`)).status).toBe(204);
    expect((await admin.delete(`${base}/queries/${id}`)).status).toBe(404);
  });

  it("suggests the usual reputation queries from the brand name and its key persons", async () => {
    const { admin, base, brandId } = await setup();
    await admin.post(`/api/brands/${brandId}/rules`, { group: "persons", name: "Иван Петров", query: '"Иван Петров"' });
    await admin.post(`${base}/queries`, { text: "Нортвинд Банк", engines: ["yandex"] });
    const res = await admin.get<{ suggestions: { text: string; kind: string }[] }>(`${base}/queries/suggestions`);
    const texts = res.body.suggestions.map((s) => s.text);
    expect(texts).toEqual(expect.arrayContaining(["Нортвинд Банк отзывы", "Нортвинд Банк reviews", "Нортвинд Банк обман", "Нортвинд Банк работодатель", "Иван Петров", "Иван Петров Нортвинд Банк"]));
    expect(texts).not.toContain("Нортвинд Банк");
  });

  it("settings: defaults, validation by field, secrets masked and kept, never shown to client roles", async () => {
    const { admin, base, brandId } = await setup();
    const initial = await admin.get<TSettingsBody>(`${base}/settings`);
    expect(initial.body.settings).toMatchObject({ scansEnabled: false, timeZone: "Europe/Moscow", engineProviders: {}, providerConfigs: {} });
    expect(initial.body.providers.map((p) => p.id)).toEqual(expect.arrayContaining(["serpapi", "yandex_cloud", "dataforseo", "yandex_xml_proxy", "brave"]));
    expect(initial.body.ctrTables.length).toBeGreaterThan(3);

    const bad = await admin.request("PUT", `${base}/settings`, {
      engineProviders: { bing: "brave", google: "nope" },
      providerConfigs: { serpapi: { apiKey: "" }, unknown: {} },
      timeZone: "Mars/Olympus",
      ctrTable: "sistrix-2020",
      exDepth: 20,
      scansEnabled: true,
      scanHour: 24,
    });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(["scanHour"]);
    const semantic = await admin.request("PUT", `${base}/settings`, {
      engineProviders: { bing: "brave", google: "nope" },
      providerConfigs: { serpapi: { apiKey: "" }, unknown: {} },
      timeZone: "Mars/Olympus",
      ctrTable: "sistrix-2020",
      exDepth: 20,
    });
    expect(semantic.status).toBe(400);
    expect(paths(semantic)).toEqual(["engineProviders.bing", "engineProviders.google", "exDepth", "providerConfigs.serpapi.apiKey", "providerConfigs.unknown", "timeZone"]);
    expect(paths(await admin.request("PUT", `${base}/settings`, { scansEnabled: true }))).toEqual(["scansEnabled"]);
    expect(paths(await admin.request("PUT", `${base}/settings`, { engineProviders: { google: "serpapi" } }))).toEqual(["providerConfigs.serpapi"]);
    expect(paths(await admin.request("PUT", `${base}/settings`, { engineProviders: { google: "serpapi" }, providerConfigs: { serpapi: { apiKey: SECRET_MASK } } }))).toEqual(["providerConfigs.serpapi.apiKey"]);

    const saved = await admin.request<TSettingsBody & { recomputing: boolean }>("PUT", `${base}/settings`, {
      engineProviders: { google: "serpapi", yandex: "serpapi" },
      providerConfigs: { serpapi: { apiKey: KEY, keepHtml: true } },
      scansEnabled: true,
      scanHour: 7,
      timeZone: "Asia/Yekaterinburg",
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.settings).toMatchObject({ scansEnabled: true, engineProviders: { google: "serpapi", yandex: "serpapi" }, providerConfigs: { serpapi: { apiKey: SECRET_MASK, keepHtml: true } } });
    expect(saved.body.recomputing).toBe(false);
    expect(JSON.stringify(saved.body)).not.toContain(KEY);
    // The mask sent back keeps the key; another field changes.
    const again = await admin.request<TSettingsBody>("PUT", `${base}/settings`, { providerConfigs: { serpapi: { apiKey: SECRET_MASK, keepHtml: false } }, ctrTable: "awr-2020-mobile" });
    expect(again.status).toBe(200);
    expect((await findSettingsRow(h().app.db, brandId))?.providerConfigs.serpapi).toMatchObject({ apiKey: KEY, keepHtml: false });
    expect(JSON.stringify((await admin.get(`${base}/settings`)).body)).not.toContain(KEY);

    const viewer = (await inviteUser(h(), admin, "client_viewer", { brandId })).client;
    const seen = await viewer.get<TSettingsBody>(`${base}/settings`);
    expect(seen.status).toBe(200);
    expect(seen.body.settings.providerConfigs).toBeNull();
    expect((await viewer.request("PUT", `${base}/settings`, { scanHour: 3 })).status).toBe(403);

    const audit = await admin.get<{ entries: { action: string; details: { changed?: string[] } }[] }>(`/api/brands/${brandId}/audit`);
    const updates = audit.body.entries.filter((e) => e.action === "serm.settings.update");
    expect(updates).toHaveLength(2);
    expect(JSON.stringify(updates)).not.toContain(KEY);
    expect(updates[0]?.details.changed).toEqual(["ctrTable", "providerConfigs.serpapi.keepHtml"]);
  });

  it("client roles read everything and change nothing (403); agency roles may", async () => {
    const { admin, base, brandId } = await setup();
    const approver = (await inviteUser(h(), admin, "client_approver", { brandId })).client;
    const query = await admin.post<{ query: TQueryView }>(`${base}/queries`, { text: "Нортвинд", engines: ["yandex"] });
    const writes: [string, string, unknown][] = [
      ["POST", `${base}/queries`, { text: "x", engines: ["yandex"] }],
      ["PATCH", `${base}/queries/${query.body.query.id}`, { enabled: false }],
      ["DELETE", `${base}/queries/${query.body.query.id}`, undefined],
      ["PUT", `${base}/settings`, { scanHour: 5 }],
      ["PUT", `${base}/labels`, { url: "https://otzovik.com/x", labelClass: "negative" }],
      ["PUT", `${base}/site-defaults`, { pattern: "nortvind.ru", siteClass: "own" }],
      ["POST", `${base}/scans`, undefined],
    ];
    for (const [method, path, body] of writes) expect((await approver.request(method, path, body)).status, `${method} ${path}`).toBe(403);
    for (const path of ["queries", "queries/suggestions", "settings", "labels", "site-defaults", "scans", "scans/latest", "ex", "sites"]) {
      expect((await approver.get(`${base}/${path}`)).status, path).toBe(200);
    }
    const specialist = (await inviteUser(h(), admin, "specialist", { brandId })).client;
    expect((await specialist.post(`${base}/queries`, { text: "Нортвинд отзывы", engines: ["yandex"] })).status).toBe(201);
  });

  it("manual labels: a T or a class per normalized URL, validated by field, audited", async () => {
    const { admin, base, brandId } = await setup();
    const set = await admin.request<{ label: { id: string; urlKey: string; t: number; tonalityClass: string; colour: { band: string } }; resultsChanged: number }>("PUT", `${base}/labels`, {
      url: "https://www.otzovik.com/reviews/northwind/?utm_source=x",
      labelClass: "negative",
      note: "paid reviews",
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.label).toMatchObject({ urlKey: "https://otzovik.com/reviews/northwind", t: -100, tonalityClass: "negative", colour: { band: "critical" } });
    const replaced = await admin.request<{ label: { id: string; t: number } }>("PUT", `${base}/labels`, { url: "https://otzovik.com/reviews/northwind", t: 35 });
    expect(replaced.body.label).toMatchObject({ id: set.body.label.id, t: 35 });
    expect(paths(await admin.request("PUT", `${base}/labels`, { url: "https://x.ru/", t: 10, labelClass: "own" }))).toEqual(["t"]);
    expect(paths(await admin.request("PUT", `${base}/labels`, { url: "ftp://x.ru/", t: 10 }))).toEqual(["url"]);
    expect(paths(await admin.request("PUT", `${base}/labels`, { url: "https://x.ru/", t: 101 }))).toEqual(["t"]);
    expect(paths(await admin.request("PUT", `${base}/labels`, { url: "https://x.ru/", t: 1, validFrom: "2026-02-01T00:00:00Z", validUntil: "2026-01-01T00:00:00Z" }))).toEqual(["validUntil"]);
    expect((await admin.get<{ labels: unknown[] }>(`${base}/labels`)).body.labels).toHaveLength(1);
    expect((await admin.delete(`${base}/labels/${set.body.label.id}`)).status).toBe(200);
    expect((await admin.delete(`${base}/labels/${set.body.label.id}`)).status).toBe(404);
    const audit = await admin.get<{ entries: { action: string }[] }>(`/api/brands/${brandId}/audit`);
    expect(audit.body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["serm.label.set", "serm.label.clear"]));
  });

  it("site defaults: the built-in table with the brand's entries over it", async () => {
    const { admin, base } = await setup();
    type TEntry = { id: string | null; pattern: string; siteClass: string; origin: string; effectiveT: number | null; needsReview: boolean };
    const initial = await admin.get<{ entries: TEntry[] }>(`${base}/site-defaults`);
    expect(initial.body.entries.find((e) => e.pattern === "otzovik.com")).toMatchObject({ origin: "default", siteClass: "review", effectiveT: 0, needsReview: true });
    expect(initial.body.entries.find((e) => e.pattern === "ripoffreport.com")).toMatchObject({ siteClass: "complaint", effectiveT: -100 });
    const own = await admin.request<{ entry: TEntry }>("PUT", `${base}/site-defaults`, { pattern: "https://www.Nortvind-Bank.ru/", siteClass: "own" });
    expect(own.body.entry).toMatchObject({ pattern: "nortvind-bank.ru", origin: "custom", effectiveT: 100 });
    const over = await admin.request<{ entry: TEntry }>("PUT", `${base}/site-defaults`, { pattern: "otzovik.com", siteClass: "complaint", t: -60 });
    expect(over.body.entry).toMatchObject({ origin: "custom", effectiveT: -60 });
    expect(paths(await admin.request("PUT", `${base}/site-defaults`, { pattern: "not a site", siteClass: "own" }))).toEqual(["pattern"]);
    expect(paths(await admin.request("PUT", `${base}/site-defaults`, { pattern: "x.ru", siteClass: "friendly" }))).toEqual(["siteClass"]);
    const entries = (await admin.get<{ entries: TEntry[] }>(`${base}/site-defaults`)).body.entries;
    expect(entries.filter((e) => e.pattern === "otzovik.com")).toHaveLength(1);
    expect((await admin.delete(`${base}/site-defaults/${over.body.entry.id}`)).status).toBe(200);
    const back = (await admin.get<{ entries: TEntry[] }>(`${base}/site-defaults`)).body.entries.find((e) => e.pattern === "otzovik.com");
    expect(back).toMatchObject({ origin: "default", siteClass: "review" });
  });
});
