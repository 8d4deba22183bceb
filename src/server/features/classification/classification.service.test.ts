import { expect, it } from "vitest";
import type { TConnectorItem } from "../../connectors/connector.ts";
import { type TIngestTarget, ingestBatch } from "../ingest/ingest-batch.ts";
import { defaultIngestClassifier } from "../ingest/ingest-classifier.ts";
import { brandMatcher } from "../ingest/matcher-cache.ts";
import { normalizeItem } from "../ingest/normalize-item.ts";
import { brandMentions } from "../ingest/queries.ts";
import { insertRule } from "../semantic-core/queries.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { type THarness, describeOnDatabases } from "../../test/harness.ts";
import { item } from "../../test/monitoring-fixtures.ts";
import { classifierForBrand } from "./brand-classifier.ts";

const NOW = new Date("2026-11-20T12:00:00Z");
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12)).toISOString();

type TMention = {
  id: string;
  sentiment: { label: string; confidence: number | null; origin: string | null } | null;
  negativeType: { type: string; origin: string | null; reaction: { en: string; ru: string } } | null;
  aspects: string[];
};
type TQueue = { items: TMention[]; total: number; nextCursor: string | null };
type TAccuracy = { verified: number; correct: number; accuracy: number | null; weeks: { n: number }[]; confusion: Record<string, Record<string, number>> };
type TSettings = { adaptation: { corrections: number }; provider: Record<string, unknown> | null };
type TErr = { error: { code: string; fields?: { path: string }[] } };

/** Through the real pipeline with the built-in model and the brand's adjustment, as a sync does. */
async function ingest(h: THarness, brandId: string, items: TConnectorItem[]) {
  const target: TIngestTarget = { brandId, sourceId: null, origin: "connector", keepUnmatched: true, connectorVersion: "test@1" };
  return h.app.db.transaction(async (tx) => {
    const classifier = await classifierForBrand(tx, brandId, await defaultIngestClassifier(), h.app.config);
    return ingestBatch(tx, target, items.map((i) => normalizeItem("vk", i, NOW)), { matcher: await brandMatcher(tx, brandId), classifier, now: NOW });
  });
}

const TEXTS = [
  "Нортвинд Банк — ужасный сервис, курьер опоздал на три дня, деньги списали дважды, верните деньги!",
  "Спасибо Нортвинд, всё отлично, менеджер помог быстро",
  "Нортвинд открыл новое отделение на Тверской",
  "Northwind support is terrible, waited 2 hours on the phone and nobody helped",
  "Northwind app update is out today",
  "Ну Нортвинд конечно молодцы, опять приложение не работает",
];

describeOnDatabases("classification in the loop", (h) => {
  it("types negatives with a recommended reaction, queues the least sure first, and learns from confirmations and corrections", async () => {
    const { admin } = await signUpWorkspace(h());
    const { brandId } = await createClientAndBrand(admin, "Client", "Нортвинд");
    await insertRule(h().app.db, { brandId, group: "brand", name: "Нортвинд", query: "нортвинд* OR northwind" });
    await ingest(h(), brandId, TEXTS.map((text, i) => item({ externalId: `m${i}`, text, publishedAt: day(1 + i) })));
    const idOf = Object.fromEntries((await brandMentions(h().app.db, brandId)).map((r) => [r.externalId, r.id])) as Record<string, string>;

    // Every mention has aspects; a negative one a type with its reaction.
    const feed = await admin.get<{ items: TMention[] }>(`/api/brands/${brandId}/mentions?folded=false`);
    const first = feed.body.items.find((m) => m.id === idOf.m0);
    expect(first?.sentiment?.label).toBe("negative");
    expect(first?.negativeType).toMatchObject({ type: "complaint", origin: "model" });
    expect(first?.negativeType?.reaction.ru.length).toBeGreaterThan(10);
    expect(first?.aspects).toEqual(expect.arrayContaining(["delivery"]));
    expect(feed.body.items.filter((m) => m.sentiment?.label !== "negative").every((m) => m.negativeType === null)).toBe(true);

    // The queue: least sure first, paged without gaps or repeats.
    const seen: TMention[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: TQueue } = await admin.get<TQueue>(`/api/brands/${brandId}/classification/review-queue?limit=4${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(TEXTS.length);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.id).sort()).toEqual(Object.values(idOf).sort());
    const confidences = seen.map((m) => m.sentiment?.confidence ?? 0);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect((await admin.get<TErr>(`/api/brands/${brandId}/classification/review-queue?cursor=nonsense`)).body.error.fields?.[0]?.path).toBe("cursor");

    // One keystroke: confirm one label, correct another; both leave the queue and are remembered.
    const machineOf = (id: string) => seen.find((m) => m.id === id)?.sentiment?.label;
    const wrong = machineOf(idOf.m5 as string) === "negative" ? "neutral" : "negative";
    expect((await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [idOf.m1], action: "confirm_sentiment" })).body).toEqual({ updated: 1 });
    expect((await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [idOf.m5], action: "set_sentiment", sentiment: wrong })).body).toEqual({ updated: 1 });
    const queue = await admin.get<TQueue>(`/api/brands/${brandId}/classification/review-queue?limit=50`);
    expect(queue.body.total).toBe(TEXTS.length - 2);
    expect(queue.body.items.map((m) => m.id)).not.toContain(idOf.m1);

    const accuracy = await admin.get<TAccuracy>(`/api/brands/${brandId}/classification/accuracy`);
    expect(accuracy.body).toMatchObject({ verified: 2, correct: 1, accuracy: 0.5 });
    expect(accuracy.body.confusion[machineOf(idOf.m5 as string) as string]?.[wrong]).toBe(1);
    expect(accuracy.body.weeks.reduce((n, w) => n + w.n, 0)).toBe(2);

    // Corrections taught the brand's adjustment; new mentions are labelled with it.
    const settings = await admin.get<TSettings>(`/api/brands/${brandId}/classification/settings`);
    expect(settings.body.adaptation.corrections).toBe(2);
    await ingest(h(), brandId, [item({ externalId: "later", text: TEXTS[5] as string, publishedAt: day(20) })]);
    const later = (await brandMentions(h().app.db, brandId)).find((r) => r.externalId === "later");
    expect(later?.sentimentModel).toMatch(/\+brand\.2$/);

    // Types: only negatives have one; a specialist's type is kept and logged.
    const negId = idOf.m0 as string;
    expect((await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [negId, idOf.m1], action: "set_negative_type", negativeType: "attack" })).body).toEqual({ updated: 1 });
    const detail = await admin.get<{ items: TMention[] }>(`/api/brands/${brandId}/mentions?folded=false`);
    expect(detail.body.items.find((m) => m.id === negId)?.negativeType).toMatchObject({ type: "attack", origin: "specialist" });
    const typeAccuracy = await admin.get<TAccuracy>(`/api/brands/${brandId}/classification/accuracy?field=negative_type`);
    expect(typeAccuracy.body).toMatchObject({ verified: 1, correct: 0 });
    // A mention that stops being negative loses its type.
    await admin.post(`/api/brands/${brandId}/mentions/bulk`, { ids: [negId], action: "set_sentiment", sentiment: "neutral" });
    const after = await admin.get<{ items: TMention[] }>(`/api/brands/${brandId}/mentions?folded=false`);
    expect(after.body.items.find((m) => m.id === negId)?.negativeType).toBeNull();
  });

  it("keeps the provider key secret, validates it by field, and lets only agency roles change it", async () => {
    const { admin } = await signUpWorkspace(h());
    const { brandId, clientId } = await createClientAndBrand(admin, "Client", "Нортвинд");
    const provider = { enabled: true, baseUrl: "https://llm.example.com/v1", model: "gpt-4o-mini", apiKey: "sk-very-secret-123" };
    const put = await admin.put<TSettings>(`/api/brands/${brandId}/classification/provider`, { provider });
    expect(put.status).toBe(200);
    expect(JSON.stringify(put.body)).not.toContain("sk-very-secret-123");
    // Sending the mask back keeps the stored key.
    const masked = put.body.provider?.apiKey;
    expect((await admin.put<TSettings>(`/api/brands/${brandId}/classification/provider`, { provider: { ...provider, apiKey: masked, model: "other" } })).status).toBe(200);
    const bad = await admin.put<TErr>(`/api/brands/${brandId}/classification/provider`, { provider: { ...provider, baseUrl: "ftp://x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]?.path).toBe("provider.baseUrl");
    const { client: viewer } = await inviteUser(h(), admin, "client_approver", { clientId });
    expect((await viewer.put(`/api/brands/${brandId}/classification/provider`, { provider: null })).status).toBe(403);
    expect((await viewer.get(`/api/brands/${brandId}/classification/settings`)).status).toBe(200);
    expect((await admin.post<TSettings>(`/api/brands/${brandId}/classification/reset-adaptation`, {})).body.adaptation.corrections).toBe(0);
  });
});
