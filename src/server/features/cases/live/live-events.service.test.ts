import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { type TConnectorItem, defineConnector } from "../../../connectors/connector.ts";
import { registerConnector } from "../../../connectors/registry.ts";
import type { TestClient } from "../../../test/client.ts";
import { createClientAndBrand, inviteUser } from "../../../test/factories.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { keywordTestClassifier } from "../../../test/monitoring-fixtures.ts";
import { syncSource } from "../../ingest/sync-source.ts";
import { insertSource } from "../../sources/queries.ts";
import { caseWorld, negativeItem } from "../cases.test-support.ts";
import { dispatchNotifications } from "../notify/dispatch-notifications.ts";

/** A source whose next page the test decides. */
let nextItems: TConnectorItem[] = [];
const liveConnector = defineConnector({
  id: "test-live-source",
  version: "1",
  sourceKind: "vk",
  title: { en: "Live test", ru: "Живой тест" },
  configSchema: z.strictObject({}),
  secretFields: [],
  capabilities: { keywordSearch: false, placeReviews: false, ownPageComments: true, reply: false },
  isOwnPlace: () => true,
  rateLimit: { limit: 100, intervalMs: 1000 },
  defaultIntervalMinutes: 5,
  async fetch() {
    const items = nextItems;
    nextItems = [];
    return { items, nextCursor: null, hasMore: false };
  },
});
let unregister: (() => void) | undefined;
beforeAll(() => {
  unregister = registerConnector(liveConnector);
});
afterAll(() => unregister?.());

type TEvent = { event: string; data: unknown };

/** Reads server-sent events off a response as they come. */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async next(wanted: (e: TEvent) => boolean, timeoutMs = 15_000): Promise<TEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) {
            const parsed = { event, data: JSON.parse(data) as unknown };
            if (wanted(parsed)) return parsed;
          }
          cut = buffer.indexOf("\n\n");
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no such event in time");
        const chunk = await Promise.race([reader.read(), new Promise<"timeout">((r) => setTimeout(() => r("timeout"), left))]);
        if (chunk === "timeout") throw new Error("no such event in time");
        if (chunk.done) throw new Error("the stream ended");
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}

type TCounts = { brands: { brandId: string; newCases: number; open: number; overdue: number }[] };

describeOnDatabases("the live counter of new negatives (server-sent events)", (h) => {
  const open = async (client: TestClient, query = "") => {
    const res = await h().http.request(`/api/events${query}`, { headers: { cookie: client.cookie ?? "" } });
    return res;
  };

  it("sends the counters at once and again when an ingested negative opens a case; tenant-scoped", async () => {
    const { admin, specialist, brandId } = await caseWorld(h());
    const other = await createClientAndBrand(admin, undefined, "Чужой бренд");
    const outsider = await inviteUser(h(), admin, "specialist", { brandId: other.brandId });
    const source = await insertSource(h().app.db, { brandId, connector: liveConnector.id, name: "Стена", config: {}, ownPlace: true, intervalMinutes: 5 });

    expect((await h().http.request("/api/events")).status).toBe(401);
    expect((await open(outsider.client, `?brandId=${brandId}`)).status).toBe(404);

    const res = await open(specialist);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const stream = sseReader(res);
    const first = await stream.next((e) => e.event === "counts");
    expect(first.data).toEqual({ brands: [{ brandId, newCases: 0, open: 0, overdue: 0 }] });

    const strangerStream = sseReader(await open(outsider.client));
    const theirs = (await strangerStream.next((e) => e.event === "counts")).data as TCounts;
    expect(theirs.brands.map((b) => b.brandId)).toEqual([other.brandId]);

    nextItems = [negativeItem("live-1", 10)];
    const outcome = await syncSource(h().app, source.id, { classifier: keywordTestClassifier });
    expect(outcome).toMatchObject({ status: "ok", stats: { inserted: 1 } });
    const after = (await stream.next((e) => e.event === "counts")).data as TCounts;
    expect(after.brands).toEqual([{ brandId, newCases: 1, open: 1, overdue: 0 }]);

    // The new_negative notice reaches the specialist's in-app inbox, pushed on the same stream.
    await dispatchNotifications(h().app, { mailer: null });
    const pushed = await stream.next((e) => e.event === "notification");
    expect(pushed.data).toMatchObject({ brandId, kind: "new_negative", event: { kind: "new_negative", brandName: "Нортвинд" } });
    await expect(strangerStream.next((e) => e.event === "counts" || e.event === "notification", 3_000)).rejects.toThrow(/in time/);

    await stream.close();
    await strangerStream.close();
  });
});
