import { expect, it } from "vitest";
import type { TestClient } from "../../test/client.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { brandMentions } from "../ingest/queries.ts";
import { brandAnalyticsCsv, youscanXlsx } from "./import-test-fixtures.ts";
import { IMPORT_MAX_BYTES } from "./upload-limits.ts";

type TBody = Record<string, unknown> & { error?: { code: string; message: string; fields?: { path: string; message: string }[] } };

const CSV = brandAnalyticsCsv([
  { date: "01.03.2026", time: "10:20", text: "Нортвинд: карта пришла\nза два дня", url: "https://vk.com/wall-5_1", author: "Олег", platform: "ВКонтакте", messageType: "Пост", sentiment: "Позитив" },
  { date: "02.03.2026", time: "11:00", text: "Про погоду", url: "https://t.me/weather/10", author: "Погода", platform: "Telegram", messageType: "Пост" },
]);

describeOnDatabases("import upload routes", (h) => {
  /** The file as the raw body, with the client's cookie and CSRF token (TestClient sends JSON only). */
  async function upload(client: TestClient | null, path: string, body: Uint8Array, headers: Record<string, string> = {}) {
    const all: Record<string, string> = { "content-type": "application/octet-stream", ...headers };
    if (client?.cookie) all.cookie = client.cookie;
    if (client?.csrfToken && !("x-csrf-token" in headers)) all["x-csrf-token"] = client.csrfToken;
    const response = await h().http.request(path, { method: "POST", headers: all, body: body as unknown as BodyInit });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as TBody };
  }

  async function workspace() {
    const { admin } = await signUpWorkspace(h());
    const { brandId, clientId } = await createClientAndBrand(admin);
    return { admin, brandId, clientId };
  }

  it("previews a file: format, preset, columns with their fields and first values, the first rows as read", async () => {
    const { admin, brandId } = await workspace();
    const res = await upload(admin, `/api/brands/${brandId}/import/preview?filename=ba.csv`, CSV);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ file: "ba.csv", format: "csv", preset: "brand_analytics", detectedPreset: "brand_analytics", problems: [], details: { delimiter: ";" } });
    const columns = res.body.columns as { name: string; field: string | null; samples: string[] }[];
    expect(columns.find((c) => c.name === "Площадка")).toEqual({ name: "Площадка", field: "source", samples: ["ВКонтакте", "Telegram"] });
    expect(columns.find((c) => c.name === "Дата")?.field).toBe("date");
    expect(columns.find((c) => c.name === "Аудитория")?.field).toBeNull();
    expect(res.body.preview).toEqual([
      expect.objectContaining({ row: 2, ok: true, sourceKind: "vk", kind: "post", publishedAt: "2026-03-01T07:20:00.000Z", sentiment: "positive" }),
      expect.objectContaining({ row: 3, ok: true, sourceKind: "telegram" }),
    ]);
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(0);

    // A mapping that leaves the text out is reported, not thrown.
    const broken = await upload(admin, `/api/brands/${brandId}/import/preview?mapping=${encodeURIComponent(JSON.stringify({ Текст: null, Заголовок: null }))}`, CSV);
    expect(broken.status).toBe(200);
    expect(broken.body.problems).toEqual([expect.stringContaining('"text"')]);
  });

  it("imports with the chosen mapping, returns the summary, audits it; the same file again adds nothing", async () => {
    const { admin, brandId } = await workspace();
    const mapping = encodeURIComponent(JSON.stringify({ Заголовок: null, Аудитория: null, Текст: "text" }));
    const first = await upload(admin, `/api/brands/${brandId}/import?filename=ba.csv&mapping=${mapping}&tz=UTC`, CSV);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ format: "csv", preset: "brand_analytics", read: 2, inserted: 2, rejected: 0, unmatched: 2, dryRun: false });
    const rows = await brandMentions(h().app.db, brandId);
    expect(rows.map((r) => r.publishedAt.toISOString()).sort()).toEqual(["2026-03-01T10:20:00.000Z", "2026-03-02T11:00:00.000Z"]);
    const again = await upload(admin, `/api/brands/${brandId}/import?filename=ba.csv`, CSV);
    expect(again.body).toMatchObject({ read: 2, inserted: 0, unchanged: 2 });
    const audit = await admin.get<{ entries: { action: string; actorLabel: string; details: Record<string, unknown> }[] }>(`/api/brands/${brandId}/audit?action=mentions.import`);
    expect(audit.body.entries).toHaveLength(2);
    expect(audit.body.entries[1]).toMatchObject({ actorLabel: expect.stringContaining("@"), details: { file: "ba.csv", inserted: 2 } });

    const dry = await upload(admin, `/api/brands/${brandId}/import?dryRun=true`, await youscanXlsx([{ date: new Date("2026-03-01T10:00:00Z"), source: "vk.com", postType: "Пост", author: "A", text: "Новый пост", url: "https://vk.com/wall-9_9" }]));
    expect(dry.body).toMatchObject({ format: "xlsx", preset: "youscan", dryRun: true, inserted: 1 });
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(2);
  });

  it("is for agency roles only: client roles get 403, strangers 404, the signed-out 401", async () => {
    const { admin, brandId, clientId } = await workspace();
    const specialist = await inviteUser(h(), admin, "specialist", { brandId });
    expect((await upload(specialist.client, `/api/brands/${brandId}/import/preview`, CSV)).status).toBe(200);
    for (const role of ["client_approver", "client_viewer"] as const) {
      const { client } = await inviteUser(h(), admin, role, { clientId });
      for (const path of [`/api/brands/${brandId}/import/preview`, `/api/brands/${brandId}/import`]) {
        const res = await upload(client, path, CSV);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.body.error?.code).toBe("forbidden");
      }
    }
    const other = await signUpWorkspace(h());
    expect((await upload(other.admin, `/api/brands/${brandId}/import`, CSV)).status).toBe(404);
    expect((await upload(null, `/api/brands/${brandId}/import`, CSV)).status).toBe(401);
    expect((await upload(admin, `/api/brands/${brandId}/import`, CSV, { "x-csrf-token": "wrong" })).body.error?.code).toBe("csrf_failed");
    expect(await brandMentions(h().app.db, brandId)).toHaveLength(0);
  });

  it("takes files above MAX_BODY_BYTES but not above its own limit; other routes keep the small JSON limit", async () => {
    const { admin, brandId } = await workspace();
    const maxBody = h().app.config.maxBodyBytes;
    // A CSV larger than the JSON limit: long texts, few rows.
    const longText = `Нортвинд ${"очень длинный отзыв ".repeat(Math.ceil((maxBody * 1.5) / 20 / 3))}`;
    const big = brandAnalyticsCsv([1, 2, 3].map((i) => ({ date: "01.03.2026", time: "10:00", text: `${longText}${i}`, author: `A${i}`, platform: "ВКонтакте", messageType: "Пост" })));
    expect(big.length).toBeGreaterThan(maxBody);
    const accepted = await upload(admin, `/api/brands/${brandId}/import/preview`, big);
    expect(accepted.status, JSON.stringify(accepted.body).slice(0, 300)).toBe(200);

    const tooBig = new Uint8Array(IMPORT_MAX_BYTES + 1);
    for (const path of [`/api/brands/${brandId}/import/preview`, `/api/brands/${brandId}/import`]) {
      const res = await upload(admin, path, tooBig);
      expect(res.status).toBe(413);
      expect(res.body.error?.code).toBe("payload_too_large");
    }
    const declared = await upload(admin, `/api/brands/${brandId}/import`, CSV, { "content-length": String(IMPORT_MAX_BYTES + 1) });
    expect(declared.status).toBe(413);

    // The exception is this route's only: a JSON route still refuses a body over MAX_BODY_BYTES,
    // and octet-stream is still refused elsewhere.
    const json = await admin.post<TBody>("/api/clients", { name: "x".repeat(maxBody + 10) });
    expect(json.status).toBe(413);
    const octet = await upload(admin, "/api/clients", new TextEncoder().encode('{"name":"x"}'), { "content-length": "12" });
    expect(octet.status).toBe(415);
  });

  it("refuses other body types, empty files and unreadable ones with a reason", async () => {
    const { admin, brandId } = await workspace();
    expect((await upload(admin, `/api/brands/${brandId}/import`, CSV, { "content-type": "text/csv" })).status).toBe(415);
    const json = await admin.request<TBody>("POST", `/api/brands/${brandId}/import`, { file: "x" });
    expect(json.status).toBe(415);
    const empty = await upload(admin, `/api/brands/${brandId}/import`, new Uint8Array(0));
    expect(empty.status).toBe(400);
    const xls = await upload(admin, `/api/brands/${brandId}/import?filename=old.xls`, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    expect(xls.status).toBe(400);
    expect(xls.body.error?.message).toMatch(/\.xls/);
    const badMapping = await upload(admin, `/api/brands/${brandId}/import?mapping=${encodeURIComponent('{"Текст":"body"}')}`, CSV);
    expect(badMapping.status).toBe(400);
    expect(badMapping.body.error?.fields?.[0]).toMatchObject({ path: "mapping", message: expect.stringContaining('"body"') });
    const unknownColumn = await upload(admin, `/api/brands/${brandId}/import?mapping=${encodeURIComponent('{"Нет такой":"text"}')}`, CSV);
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.error?.message).toMatch(/no column "Нет такой"/);
    expect((await upload(admin, `/api/brands/${brandId}/import?tz=Mars/Olympus`, CSV)).status).toBe(400);
  });
});
