import { expect, it } from "vitest";
import type { TestClient } from "../../../test/client.ts";
import { describeOnDatabases } from "../../../test/harness.ts";
import { type TErr, type TOne, caseWorld, ingestItems, negativeItem } from "../cases.test-support.ts";
import { MAX_ATTACHMENT_BYTES } from "./attachment-types.ts";

type TAttachment = { hash: string; name: string; mime: string; size: number; url: string };
type TMessage = { id: string; author: { id: string; name: string }; text: string; mentions: string[]; attachments: TAttachment[] };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("fake image body")]);

describeOnDatabases("the case's chat", (h) => {
  async function world() {
    const w = await caseWorld(h());
    const { idOf } = await ingestItems(h(), w.brandId, "vk", [negativeItem("c1")]);
    const opened = await w.specialist.post<TOne>(w.base, { mentionId: idOf("c1") });
    return { ...w, caseUrl: `${w.base}/${opened.body.case.id}` };
  }
  /** Raw bytes as the body, with the client's cookie and CSRF token (TestClient sends only text). */
  async function upload(client: TestClient, caseUrl: string, name: string, bytes: Buffer, type = "application/octet-stream") {
    const res = await h().http.request(`${caseUrl}/attachments?name=${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { "content-type": type, cookie: client.cookie ?? "", "x-csrf-token": client.csrfToken ?? "" },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as { attachment: TAttachment } & TErr };
  }

  it("agency and client talk in the thread with @mentions; viewers read only", async () => {
    const { specialist, approver, viewer, caseUrl, ids } = await world();
    const first = await specialist.post<{ message: TMessage }>(`${caseUrl}/messages`, { text: "@Клиент, согласуйте, пожалуйста, формулировку", mentions: [ids.approver] });
    expect(first.status).toBe(201);
    expect(first.body.message).toMatchObject({ author: { id: ids.specialist }, mentions: [ids.approver] });
    await approver.post(`${caseUrl}/messages`, { text: "Уберите слово «компенсация»" });
    expect((await viewer.post<TErr>(`${caseUrl}/messages`, { text: "можно мне?" })).status).toBe(403);
    const stranger = await specialist.post<TErr>(`${caseUrl}/messages`, { text: "hi", mentions: ["00000000-0000-4000-8000-000000000000"] });
    expect(stranger.body.error.fields?.[0]?.path).toBe("mentions.0");
    expect((await specialist.post<TErr>(`${caseUrl}/messages`, { text: "   " })).status).toBe(400);
    const thread = await viewer.get<{ messages: TMessage[] }>(`${caseUrl}/messages`);
    expect(thread.body.messages.map((m) => m.text)).toEqual(["@Клиент, согласуйте, пожалуйста, формулировку", "Уберите слово «компенсация»"]);

    const inbox = await approver.get<{ items: { kind: string; event: { excerpt: string } }[]; unread: number }>("/api/notifications");
    expect(inbox.body.items[0]).toMatchObject({ kind: "chat_mention", event: { excerpt: "@Клиент, согласуйте, пожалуйста, формулировку" } });
    expect(inbox.body.unread).toBeGreaterThan(0);
    expect((await approver.post<{ marked: number }>("/api/notifications/read", { ids: "all" })).body.marked).toBe(inbox.body.unread);
  });

  it("takes attachments type-checked by their bytes and size-limited, stored by hash", async () => {
    const { specialist, approver, viewer, caseUrl, brandId } = await world();
    const shot = await upload(approver, caseUrl, "скриншот.png", PNG);
    expect(shot.status).toBe(201);
    expect(shot.body.attachment).toMatchObject({ name: "скриншот.png", mime: "image/png", size: PNG.length, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(shot.body.attachment.url).toBe(`/api/brands/${brandId}/blobs/${shot.body.attachment.hash}`);
    expect((await upload(approver, caseUrl, "скриншот.png", PNG)).body.attachment.hash).toBe(shot.body.attachment.hash);

    expect((await upload(specialist, caseUrl, "setup.exe", Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "latin1"))).status).toBe(415);
    const lying = await upload(specialist, caseUrl, "invoice.pdf", PNG);
    expect(lying.status).toBe(400);
    expect(lying.body.error.fields?.[0]?.path).toBe("name");
    expect((await upload(specialist, caseUrl, "big.txt", Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x61))).status).toBe(413);
    expect((await upload(specialist, caseUrl, "a.png", PNG, "application/json")).status).toBe(415);
    expect((await upload(viewer, caseUrl, "a.png", PNG)).status).toBe(403);

    const sent = await approver.post<{ message: TMessage }>(`${caseUrl}/messages`, { text: "Вот скриншот", attachments: [{ hash: shot.body.attachment.hash, name: "экран.png" }] });
    expect(sent.status).toBe(201);
    expect(sent.body.message.attachments).toEqual([{ hash: shot.body.attachment.hash, name: "экран.png", mime: "image/png", size: PNG.length, url: shot.body.attachment.url }]);
    const blob = await viewer.get(shot.body.attachment.url);
    expect(blob.status).toBe(200);
    const notUploaded = await approver.post<TErr>(`${caseUrl}/messages`, { text: "x", attachments: [{ hash: "0".repeat(64), name: "x.png" }] });
    expect(notUploaded.body.error.fields?.[0]?.path).toBe("attachments.0.hash");
    const renamed = await approver.post<TErr>(`${caseUrl}/messages`, { text: "x", attachments: [{ hash: shot.body.attachment.hash, name: "x.pdf" }] });
    expect(renamed.body.error.fields?.[0]?.path).toBe("attachments.0.name");
    const tooMany = await approver.post<TErr>(`${caseUrl}/messages`, { text: "x", attachments: Array.from({ length: 11 }, () => ({ hash: shot.body.attachment.hash, name: "a.png" })) });
    expect(tooMany.status).toBe(400);
  });
});
