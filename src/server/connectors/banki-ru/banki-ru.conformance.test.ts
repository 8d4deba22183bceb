import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type TReplayServer, drainConnector, startReplayServer } from "../test-kit.ts";
import { bankiRuConfigSchema } from "./banki-ru.config.ts";
import { bankiRuConnector } from "./banki-ru.connector.ts";

// A real recorded banki.ru answer lives in the shared fixtures folder, which is not part of the
// project (its source has no license file). When that folder is on this machine, the connector
// must read the recording as it reads its own fixtures.
const dir = process.env.REPUTE_SHARED_FIXTURES ?? "/work/shared/fixtures/sources";
const file = join(dir, "bankiru_responses_list_ajax.json");

describe.skipIf(!existsSync(file))("banki.ru conformance with the real recording (skips when the shared fixtures are absent)", () => {
  let server: TReplayServer | undefined;
  afterAll(async () => server?.close());

  it("maps every review of the recorded page", async () => {
    const recorded = JSON.parse(readFileSync(file, "utf8")) as { data: { id: number; grade: number | null; agentAnswerText: string | null; company: { code: string } }[] };
    server = await startReplayServer((req) => ({ body: req.query.get("page") === "1" ? recorded : { data: [], total: 0 } }));
    const code = recorded.data[0]?.company.code ?? "";
    const { items, finalCursor } = await drainConnector(bankiRuConnector, bankiRuConfigSchema.parse({ bank: code, baseUrl: server.baseUrl }));

    expect(items).toHaveLength(recorded.data.length);
    expect(items.map((i) => i.externalId)).toEqual(recorded.data.map((r) => String(r.id)));
    expect(JSON.parse(finalCursor ?? "null")).toEqual({ maxId: Math.max(...recorded.data.map((r) => r.id)) });
    for (const [i, item] of items.entries()) {
      const source = recorded.data[i];
      expect(item.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
      expect(item.text.length).toBeGreaterThan(0);
      expect(item.text).not.toMatch(/<\/?p>/);
      expect(item.target).toMatchObject({ kind: "bank", externalId: code });
      expect(item.rating).toEqual(source?.grade ? { value: source.grade, scale: 5 } : undefined);
      expect(item.ownerReply !== undefined).toBe(Boolean(source?.agentAnswerText));
    }
  });
});
