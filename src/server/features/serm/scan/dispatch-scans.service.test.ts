import { expect, it } from "vitest";
import { createBrandRow } from "../../../test/monitoring-fixtures.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { insertQuery, saveSettingsRow } from "../config/queries.ts";
import { DEFAULT_REGION } from "../config/manage-queries.ts";
import { dispatchScans } from "./dispatch-scans.ts";
import { itemsOfScan, listBrandScans } from "./queries.ts";

describeOnDatabases("SERM scan dispatch", (h) => {
  it("starts each brand's scan once its local hour has come, once a day", async () => {
    const db = h().app.db;
    const { brandId } = await createBrandRow(db, "Нортвинд");
    await saveSettingsRow(db, { brandId, scansEnabled: true, scanHour: 6, timeZone: "Asia/Yekaterinburg", engineProviders: { yandex: "serpapi" }, providerConfigs: { serpapi: { apiKey: "k" } } });
    await insertQuery(db, { brandId, text: "нортвинд отзывы", engines: ["yandex", "google"], region: DEFAULT_REGION });
    const { brandId: idle } = await createBrandRow(db, "Без запросов");
    await saveSettingsRow(db, { brandId: idle, scansEnabled: true, scanHour: 0, timeZone: "UTC", engineProviders: { yandex: "serpapi" } });

    // 00:30 UTC is 05:30 in Yekaterinburg: too early.
    expect((await dispatchScans(h().app, new Date("2026-11-20T00:30:00Z"))).created).toBe(0);
    expect((await dispatchScans(h().app, new Date("2026-11-20T01:05:00Z"))).created).toBe(1);
    expect((await dispatchScans(h().app, new Date("2026-11-20T01:10:00Z"))).created).toBe(0);
    const [scan] = await listBrandScans(db, brandId, 10);
    expect(scan).toMatchObject({ day: "2026-11-20", trigger: "schedule", status: "queued" });
    // Google has no provider: a failed item from the start, saying why.
    const items = await itemsOfScan(db, scan?.id ?? "");
    expect(items.map((i) => [i.engine, i.status, i.error])).toEqual(
      expect.arrayContaining([["yandex", "pending", null], ["google", "failed", "no provider is chosen for google"]]),
    );
    // The next local day gets its own scan; a brand without queries never gets one.
    expect((await dispatchScans(h().app, new Date("2026-11-21T02:00:00Z"))).created).toBe(1);
    expect(await listBrandScans(db, idle, 10)).toHaveLength(0);
  });
});
