import { afterAll, expect, it } from "vitest";
import { type TReplayResponse, type TReplayServer, startReplayServer } from "../../../connectors/test-kit.ts";
import created from "../../../connectors/vk/__fixtures__/wall.createComment.json" with { type: "json" };
import { vkError, vkRoutes } from "../../../connectors/vk/vk.test-support.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { insertSource } from "../../sources/queries.ts";
import { type TErr, type TOne, caseWorld, ingestItems, negativeItem } from "../cases.test-support.ts";
import { captureCaseScreenshots } from "../screenshots/capture-case-screenshots.ts";

const GROUP = 987654;
const TOKEN = "vk1.a.NorthwindCommunityToken_0123456789";
const APPROVED = "Анна, простите за ожидание!\nДеньги вернём в течение 3 дней.";

/** A fake VK API whose next answer the test chooses; every request kept. */
let vkAnswer: () => TReplayResponse = () => ({ body: created });
const NO_ANSWER_YET = "<html><body><p>Ответа пока нет</p></body></html>";
let pageHtml = NO_ANSWER_YET;
const servers: TReplayServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describeOnDatabases(
  "publishing an approved response",
  (h) => {
    async function approvedCase(mode: "community" | "search") {
      const w = await caseWorld(h());
      const vk = await startReplayServer(vkRoutes({ "wall.createComment": () => vkAnswer() }));
      servers.push(vk);
      const source = await insertSource(h().app.db, {
        brandId: w.brandId,
        connector: "vk",
        name: "Сообщество",
        config: { mode, accessToken: TOKEN, ...(mode === "community" ? { groupId: GROUP } : { query: "Нортвинд" }), baseUrl: vk.baseUrl },
        ownPlace: mode === "community",
        intervalMinutes: 15,
        status: "paused",
      });
      const item = negativeItem("p1", 30, {
        replyCapability: mode === "community" ? "api" : "manual_link",
        replyTarget: { owner_id: `-${GROUP}`, post_id: "2051", comment_id: "2060" },
        url: `https://vk.com/wall-${GROUP}_2051?reply=2060`,
      });
      const { idOf } = await ingestItems(h(), w.brandId, "vk", [item], { sourceId: source.id });
      const opened = await w.specialist.post<TOne>(w.base, { mentionId: idOf("p1") });
      const caseUrl = `${w.base}/${opened.body.case.id}`;
      await w.specialist.post(`${caseUrl}/responses`, { text: APPROVED, propose: true });
      return { ...w, vk, caseUrl, caseId: opened.body.case.id, approve: () => w.approver.post(`${caseUrl}/transitions`, { action: "approve" }) };
    }

    it("publishes to VK through the connector only after an approval, and records the answer's URL and id", async () => {
      vkAnswer = () => ({ body: created });
      const { specialist, approver, admin, vk, caseUrl, caseId, approve, brandId } = await approvedCase("community");
      expect((await specialist.get<TOne>(caseUrl)).body.case.publishVia).toBe("api");
      const early = await specialist.post<TErr>(`${caseUrl}/publish`, {});
      expect(early.status).toBe(409);
      expect(early.body.error.message).toMatch(/approval/);
      expect(vk.requests).toHaveLength(0);
      await approve();
      expect((await approver.post<TErr>(`${caseUrl}/publish`, {})).status).toBe(403);

      vkAnswer = () => vkError(5, "User authorization failed: access_token has expired.");
      const expired = await specialist.post<TErr>(`${caseUrl}/publish`, {});
      expect(expired.status).toBe(409);
      expect(expired.body.error.message).toMatch(/renew the token/);
      expect(expired.body.error.message).not.toContain(TOKEN);

      vkAnswer = () => vkError(100, "One of the parameters specified was missing or invalid: message is too long");
      const tooLong = await specialist.post<TErr>(`${caseUrl}/publish`, {});
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields?.[0]).toMatchObject({ path: "text", message: expect.stringContaining("message is too long") });

      vkAnswer = () => vkError(9, "Flood control: too much captcha requests");
      const flood = await specialist.post<TErr>(`${caseUrl}/publish`, {});
      expect(flood.status).toBe(429);
      expect(flood.headers.get("retry-after")).toBe("60");
      expect((await specialist.get<TOne>(caseUrl)).body.case.state).toBe("approved");

      vkAnswer = () => ({ body: created });
      const published = await specialist.post<TOne>(`${caseUrl}/publish`, {});
      expect(published.status).toBe(200);
      expect(published.body.case).toMatchObject({
        state: "published",
        publication: { how: "api", url: `https://vk.com/wall-${GROUP}_2051?reply=2080&thread=2060`, externalId: `-${GROUP}_2051_c2080`, confirmation: "confirmed" },
      });
      const sent = new URLSearchParams(vk.requests.at(-1)?.body);
      expect(Object.fromEntries(sent)).toMatchObject({ owner_id: `-${GROUP}`, post_id: "2051", reply_to_comment: "2060", from_group: String(GROUP), message: APPROVED, guid: `${caseId}:1`, access_token: TOKEN });
      expect((await specialist.post<TErr>(`${caseUrl}/publish`, {})).status).toBe(409);
      expect((await specialist.post<TOne>(`${caseUrl}/transitions`, { action: "resolve" })).body.case.state).toBe("resolved");

      const audit = await admin.get<{ entries: { action: string; details: { kind?: string } }[] }>(`/api/brands/${brandId}/audit?action=case.publish`);
      expect(audit.body.entries.map((e) => e.details.kind ?? e.action).sort()).toEqual(["auth", "case.publish", "rate_limited", "text_rejected"]);
    });

    it("publishes by hand elsewhere: fetches the page and records confirmed or not_found, then screenshots it", async () => {
      pageHtml = NO_ANSWER_YET; // each database's run starts before the moderators let the answer through
      const { specialist, approve, caseUrl, brandId, viewer } = await approvedCase("search");
      expect((await specialist.get<TOne>(caseUrl)).body.case.publishVia).toBe("manual");
      expect((await specialist.post<TErr>(`${caseUrl}/publish`, {})).status).toBe(409);
      await approve();
      const pages = await startReplayServer((req) => (req.path === "/answer" ? { headers: { "content-type": "text/html; charset=utf-8" }, body: pageHtml } : { status: 404, body: "no" }));
      servers.push(pages);

      expect((await specialist.post<TErr>(`${caseUrl}/publish-manual`, { url: "javascript:alert(1)" })).status).toBe(400);
      const privateAddress = await specialist.post<TErr>(`${caseUrl}/publish-manual`, { url: "http://10.1.2.3/answer" });
      expect(privateAddress.status).toBe(400);
      expect(privateAddress.body.error.fields?.[0]?.path).toBe("url");

      const missing = await specialist.post<TOne & { check: { status: string } }>(`${caseUrl}/publish-manual`, { url: `${pages.baseUrl}/answer` });
      expect(missing.status).toBe(200);
      expect(missing.body.check.status).toBe("not_found");
      expect(missing.body.case).toMatchObject({ state: "published", publication: { how: "manual", url: `${pages.baseUrl}/answer`, confirmation: "not_found" } });

      // The platform's moderators let the answer through; checking again confirms it.
      pageHtml = `<html><body><div class="official-answer"><p>Анна, простите за ожидание!</p><p>Деньги вернём в&nbsp;течение 3 дней.</p></div></body></html>`;
      const again = await specialist.post<TOne & { check: { status: string } }>(`${caseUrl}/publication/check`, {});
      expect(again.body.check.status).toBe("confirmed");
      expect(again.body.case.publication?.confirmation).toBe("confirmed");

      // Screenshots: the mention's page and the published answer, stored by hash in the brand's blobs.
      const shots: string[] = [];
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("page")]);
      const browser = {
        async screenshotUrl(url: string) {
          shots.push(url);
          return { image: png, mime: "image/png", finalUrl: url, title: "", html: "" };
        },
      };
      const result = await captureCaseScreenshots(h().app, { browser });
      expect(result.captured).toBeGreaterThanOrEqual(2);
      expect(shots).toContain(`${pages.baseUrl}/answer`);
      const card = await viewer.get<TOne>(caseUrl);
      expect(card.body.case.screenshot).toMatchObject({ status: "captured", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(card.body.case.publication?.screenshot).toMatchObject({ status: "captured", hash: card.body.case.screenshot.hash });
      expect((await viewer.get(card.body.case.screenshot.url ?? "")).status).toBe(200);
      expect(card.body.case.screenshot.url).toBe(`/api/brands/${brandId}/blobs/${card.body.case.screenshot.hash}`);
    });
  },
  { env: { FETCH_ALLOW_LOOPBACK: "true" } },
);
