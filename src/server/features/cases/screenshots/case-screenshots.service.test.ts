import { existsSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { type TReplayServer, startReplayServer } from "../../../connectors/test-kit.ts";
import { DEBIAN_CHROMIUM } from "../../../lib/browser/chromium-path.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { type TOne, caseWorld, ingestItems, negativeItem } from "../cases.test-support.ts";
import { captureCaseScreenshots } from "./capture-case-screenshots.ts";

let page: TReplayServer | undefined;
afterAll(async () => {
  await page?.close();
});

// One real Chromium run: the job's default browser, a page on loopback, the picture in the blobs.
describeOnDatabases(
  "case screenshots in headless Chromium",
  (h) => {
    it.skipIf(!existsSync(DEBIAN_CHROMIUM))("captures the mention's page when the case opens and stores it by hash", async () => {
      page = await startReplayServer(() => ({
        headers: { "content-type": "text/html; charset=utf-8" },
        body: "<!doctype html><html><head><title>Отзыв</title></head><body style=\"background:#fee\"><h1>Нортвинд Банк — ужасный сервис</h1><p>Поддержка не отвечает третий день.</p></body></html>",
      }));
      const { admin, specialist, brandId, base } = await caseWorld(h());
      const { idOf } = await ingestItems(h(), brandId, "banki_ru", [negativeItem("s1", 30, { kind: "review", url: `${page.baseUrl}/review/1` })]);
      const opened = await specialist.post<TOne>(base, { mentionId: idOf("s1") });
      expect(opened.body.case.screenshot.status).toBe("pending");

      const result = await captureCaseScreenshots(h().app);
      expect(result).toMatchObject({ captured: 1, failed: 0 });
      const card = await admin.get<TOne>(`${base}/${opened.body.case.id}`);
      expect(card.body.case.screenshot).toMatchObject({ status: "captured", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const blob = await h().http.request(card.body.case.screenshot.url ?? "", { headers: { cookie: admin.cookie ?? "" } });
      expect(blob.status).toBe(200);
      expect(blob.headers.get("content-type")).toMatch(/^image\/(png|jpeg)/);
      const bytes = Buffer.from(await blob.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(1000);
      expect(page.requests.some((r) => r.path === "/review/1")).toBe(true);
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
