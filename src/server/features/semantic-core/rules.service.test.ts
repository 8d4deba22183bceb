import { expect, it } from "vitest";
import { ingestBatch } from "../ingest/ingest-batch.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { item, keywordTestClassifier } from "../../test/monitoring-fixtures.ts";
import type { TPreviewResult } from "./preview-rule.ts";

type TErr = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type TRule = { id: string; group: string; name: string; query: string; variants: { variant: string; kind: string; from: string }[]; enabled: boolean; matchedMentions: number; updatedAt: string };

const TEXTS = [
  "Сбербанк открыл новый офис на Тверской",
  "Sberbank opened a new office, says the press release",
  "C,th,fyr — так выглядит название, набранное не в той раскладке",
  "Сбербнак опять уронил приложение, пишут пользователи",
  "Погода в Москве хорошая, дождя не будет",
];

describeOnDatabases("semantic-core rules of a brand", (h) => {
  async function setup() {
    const { admin } = await signUpWorkspace(h());
    const { brandId } = await createClientAndBrand(admin);
    return { admin, brandId, base: `/api/brands/${brandId}/rules` };
  }

  /** Stores mentions as the pipeline does, matched against the brand's current rules. */
  async function ingest(brandId: string, texts: readonly string[]) {
    const now = new Date();
    await h().app.db.transaction(async (tx) =>
      ingestBatch(
        tx,
        { brandId, sourceId: null, origin: "import", keepUnmatched: true, connectorVersion: null },
        texts.map((text, i) => normalizeItem("other", item({ externalId: `m-${brandId}-${i}`, text, publishedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString() }), now)),
        { matcher: await brandMatcher(tx, brandId), classifier: keywordTestClassifier, now },
      ),
    );
  }

  it("creates, lists, changes and deletes rules, touching updatedAt on every change, with audit entries", async () => {
    const { admin, base, brandId } = await setup();
    const created = await admin.post<{ rule: TRule }>(base, {
      group: "brand",
      name: " Сбербанк ",
      query: "сбербанк OR сбер*",
      variants: [{ variant: "Sberbank", kind: "translit", from: "Сбербанк" }],
    });
    expect(created.status).toBe(201);
    expect(created.body.rule).toMatchObject({ group: "brand", name: "Сбербанк", enabled: true, matchedMentions: 0, variants: [{ variant: "Sberbank", kind: "translit", from: "Сбербанк" }] });
    const id = created.body.rule.id;
    await admin.post(base, { group: "exclusions", name: "Ветер", query: '"северный ветер"' });

    const disabled = await admin.patch<{ rule: TRule }>(`${base}/${id}`, { enabled: false });
    expect(disabled.body.rule.enabled).toBe(false);
    expect(new Date(disabled.body.rule.updatedAt).getTime()).toBeGreaterThan(new Date(created.body.rule.updatedAt).getTime());
    const requery = await admin.patch<{ rule: TRule }>(`${base}/${id}`, { query: "сбербанк", group: "products" });
    expect(new Date(requery.body.rule.updatedAt).getTime()).toBeGreaterThan(new Date(disabled.body.rule.updatedAt).getTime());

    const list = await admin.get<{ rules: TRule[] }>(base);
    expect(list.body.rules.map((r) => [r.group, r.name, r.query, r.enabled])).toEqual([
      ["products", "Сбербанк", "сбербанк", false],
      ["exclusions", "Ветер", '"северный ветер"', true],
    ]);

    expect((await admin.delete(`${base}/${id}`)).status).toBe(204);
    expect((await admin.patch(`${base}/${id}`, { enabled: true })).status).toBe(404);
    const audit = await admin.get<{ entries: { action: string; details: Record<string, unknown> }[] }>(`/api/brands/${brandId}/audit?action=rule.`);
    expect(audit.body.entries.map((e) => e.action).sort()).toEqual(["rule.create", "rule.create", "rule.delete", "rule.update", "rule.update"]);
    expect(audit.body.entries.find((e) => e.action === "rule.update" && (e.details.changed as string[]).includes("query"))?.details).toMatchObject({
      changed: ["group", "query"],
      query: { from: "сбербанк OR сбер*", to: "сбербанк" },
    });
  });

  it("refuses a query with a syntax error, naming the field and the column", async () => {
    const { admin, base } = await setup();
    const open = await admin.post<TErr>(base, { group: "brand", name: "X", query: "сбер AND (банк" });
    expect(open.status).toBe(400);
    expect(open.body.error.fields).toEqual([{ path: "query", message: expect.stringMatching(/expected "\)".*column 15/) }]);
    const near = await admin.post<TErr>(base, { group: "brand", name: "X", query: "сбер NEAR банк" });
    expect(near.body.error.fields?.[0]).toEqual({ path: "query", message: expect.stringMatching(/expected a distance.*position 5.*column 6/) });
    const variant = await admin.post<TErr>(base, { group: "brand", name: "X", query: "сбер", variants: [{ variant: "ok", kind: "manual", from: "" }, { variant: "!!!", kind: "manual", from: "" }] });
    expect(variant.body.error.fields?.[0]?.path).toBe("variants.1.variant");
    const { body } = await admin.post<{ rule: TRule }>(base, { group: "brand", name: "X", query: "сбер" });
    const patch = await admin.patch<TErr>(`${base}/${body.rule.id}`, { query: "сбер AND" });
    expect(patch.body.error.fields?.[0]).toEqual({ path: "query", message: expect.stringContaining("a term after AND") });
    expect((await admin.get<{ rules: TRule[] }>(base)).body.rules.map((r) => r.query)).toEqual(["сбер"]);
  });

  it("generates variants of a name with the user's abbreviations", async () => {
    const { admin, base } = await setup();
    const res = await admin.post<{ variants: { variant: string; kind: string; from: string }[] }>(`${base}/variants`, { name: "Сбербанк", abbreviations: ["Сбер", " "] });
    expect(res.status).toBe(200);
    expect(res.body.variants).toContainEqual({ variant: "Sberbank", kind: "translit", from: "Сбербанк" });
    expect(res.body.variants).toContainEqual({ variant: "C,th,fyr", kind: "layout", from: "Сбербанк" });
    expect(res.body.variants).toContainEqual({ variant: "Сбербнак", kind: "typo", from: "Сбербанк" });
    expect(res.body.variants).toContainEqual({ variant: "Сбер", kind: "abbreviation", from: "Сбербанк" });
    expect(res.body.variants.filter((v) => v.kind === "abbreviation")).toHaveLength(1);
  });

  it("previews how many stored mentions the query and each variant match, with highlighted samples", async () => {
    const { admin, base, brandId } = await setup();
    await ingest(brandId, TEXTS);
    const res = await admin.post<TPreviewResult>(`${base}/preview`, { query: "сбербанк", variants: ["Sberbank", "C,th,fyr", "Сбербнак", "Тинькофф"] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      error: null,
      scanned: 5,
      capped: false,
      total: 4,
      query: 1,
      variants: [
        { variant: "Sberbank", matches: 1, error: null },
        { variant: "C,th,fyr", matches: 1, error: null },
        { variant: "Сбербнак", matches: 1, error: null },
        { variant: "Тинькофф", matches: 0, error: null },
      ],
    });
    // Newest first; each highlight points at the word that matched.
    expect(res.body.sample.map((s) => s.snippet.slice(s.highlights[0]?.start, s.highlights[0]?.end))).toEqual(["Сбербнак", "C,th,fyr", "Sberbank", "Сбербанк"]);

    // Variants that spell one word differently each count; one that cannot be searched says why.
    const odd = await admin.post<TPreviewResult>(`${base}/preview`, { variants: ["SBERBANK", "sberbank", "new office", "!!!"] });
    expect(odd.body).toMatchObject({ query: null, total: 1 });
    expect(odd.body.variants).toEqual([
      { variant: "SBERBANK", matches: 1, error: null },
      { variant: "sberbank", matches: 1, error: null },
      { variant: "new office", matches: 1, error: null },
      { variant: "!!!", matches: 0, error: expect.stringContaining("letter or digit") },
    ]);

    const capped = await admin.post<TPreviewResult>(`${base}/preview`, { query: "сбербанк OR sberbank", limit: 2 });
    expect(capped.body).toMatchObject({ scanned: 2, capped: true, total: 0, query: 0 });
    const all = await admin.post<TPreviewResult>(`${base}/preview`, { query: "сбербанк OR sberbank", limit: 5 });
    expect(all.body).toMatchObject({ scanned: 5, capped: false, total: 2 });

    const broken = await admin.post<TPreviewResult>(`${base}/preview`, { query: "сбер AND (банк" });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ valid: false, scanned: 0, error: { position: 14, column: 15, expected: '")" to close the "(" at position 9', found: null } });
  });

  it("counts the stored mentions each rule matched", async () => {
    const { admin, base, brandId } = await setup();
    const brand = await admin.post<{ rule: TRule }>(base, { group: "brand", name: "Сбербанк", query: "сбербанк", variants: [{ variant: "Sberbank", kind: "translit", from: "Сбербанк" }] });
    const weather = await admin.post<{ rule: TRule }>(base, { group: "topics", name: "Погода", query: "погода OR дождь" });
    const idle = await admin.post<{ rule: TRule }>(base, { group: "competitors", name: "Тинькофф", query: "тинькофф" });
    await ingest(brandId, TEXTS);
    const counts = new Map((await admin.get<{ rules: TRule[] }>(base)).body.rules.map((r) => [r.id, r.matchedMentions]));
    expect(counts.get(brand.body.rule.id)).toBe(2);
    expect(counts.get(weather.body.rule.id)).toBe(1);
    expect(counts.get(idle.body.rule.id)).toBe(0);
    const changed = await admin.patch<{ rule: TRule }>(`${base}/${brand.body.rule.id}`, { name: "Сбер" });
    expect(changed.body.rule.matchedMentions).toBe(2);
  });

  it("lets client roles read the rules and nothing more", async () => {
    const { admin, base, brandId } = await setup();
    const { body } = await admin.post<{ rule: TRule }>(base, { group: "brand", name: "X", query: "икс" });
    const viewer = (await inviteUser(h(), admin, "client_viewer", { brandId })).client;
    expect((await viewer.get<{ rules: TRule[] }>(base)).body.rules).toHaveLength(1);
    const refused = [
      await viewer.post(base, { group: "brand", name: "Y", query: "игрек" }),
      await viewer.patch(`${base}/${body.rule.id}`, { enabled: false }),
      await viewer.delete(`${base}/${body.rule.id}`),
      await viewer.post(`${base}/variants`, { name: "X" }),
      await viewer.post(`${base}/preview`, { query: "икс" }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    const specialist = (await inviteUser(h(), admin, "specialist", { brandId })).client;
    expect((await specialist.patch<{ rule: TRule }>(`${base}/${body.rule.id}`, { enabled: false })).body.rule.enabled).toBe(false);
  });
});
