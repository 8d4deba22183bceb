import { createHash, randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { TestClient } from "../../test/client.ts";
import { createClientAndBrand, inviteUser, signUpWorkspace } from "../../test/factories.ts";
import { describeOnDatabases } from "../../test/harness.ts";
import { getBlob, putBlob } from "./queries.ts";

type TErr = { error: { code: string; fields?: { path: string; message: string }[] } };

// A 1×1 PNG, and bytes that are not valid UTF-8, so a text round trip would show.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");

describeOnDatabases("blobs of a brand", (h) => {
  /** The raw response: the test client would decode the bytes as text. */
  async function download(caller: TestClient, path: string, headers: Record<string, string> = {}) {
    const res = await h().http.request(path, { headers: { ...headers, ...(caller.cookie ? { cookie: caller.cookie } : {}) } });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function setup() {
    const { admin } = await signUpWorkspace(h());
    const a = await createClientAndBrand(admin);
    const b = await createClientAndBrand(admin);
    return { admin, a, b };
  }

  it("stores bytes under their SHA-256 once, and reads them back exactly", async () => {
    const { a } = await setup();
    const bytes = Buffer.concat([PNG, randomBytes(1000), Buffer.from([0, 0xff, 0xfe])]);
    const hash = createHash("sha256").update(bytes).digest("hex");
    expect(await putBlob(h().app.db, a.brandId, bytes, "image/png")).toEqual({ hash, size: bytes.length });
    // Stored once: a second put of the same bytes changes nothing, not even the type.
    expect(await putBlob(h().app.db, a.brandId, bytes, "image/jpeg")).toEqual({ hash, size: bytes.length });
    const stored = await getBlob(h().app.db, a.brandId, hash);
    expect(stored?.mime).toBe("image/png");
    expect(stored?.size).toBe(bytes.length);
    expect(Buffer.isBuffer(stored?.bytes) && stored.bytes.equals(bytes)).toBe(true);
  });

  it("serves an image inline to every role of the brand, with its type and caching and sandbox headers", async () => {
    const { admin, a } = await setup();
    const { hash } = await putBlob(h().app.db, a.brandId, PNG, "image/png");
    const path = `/api/brands/${a.brandId}/blobs/${hash}`;
    const viewer = (await inviteUser(h(), admin, "client_viewer", { brandId: a.brandId })).client;
    for (const caller of [admin, viewer]) {
      const res = await download(caller, path);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(PNG)).toBe(true);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
      expect(res.headers.get("content-disposition")).toBe("inline");
    }
    const again = await download(admin, path, { "if-none-match": `"${hash}"` });
    expect(again.status).toBe(304);
  });

  it("serves anything but images and PDFs as a download", async () => {
    const { admin, a } = await setup();
    const html = await putBlob(h().app.db, a.brandId, Buffer.from("<script>alert(1)</script>"), "text/html; charset=utf-8");
    const res = await download(admin, `/api/brands/${a.brandId}/blobs/${html.hash}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${html.hash}"`);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    const odd = await putBlob(h().app.db, a.brandId, Buffer.from("x"), "text/plain\r\nSet-Cookie: a=b");
    const oddRes = await download(admin, `/api/brands/${a.brandId}/blobs/${odd.hash}`);
    expect(oddRes.headers.get("content-type")).toBe("application/octet-stream");
    expect(oddRes.headers.get("set-cookie")).toBeNull();
    const pdf = await putBlob(h().app.db, a.brandId, Buffer.from("%PDF-1.4 report"), "application/pdf");
    expect((await download(admin, `/api/brands/${a.brandId}/blobs/${pdf.hash}`)).headers.get("content-disposition")).toBe("inline");
  });

  it("answers 404 for another brand's hash, an unknown hash and a brand that is not the caller's", async () => {
    const { admin, a, b } = await setup();
    const { hash } = await putBlob(h().app.db, a.brandId, PNG, "image/png");
    expect((await download(admin, `/api/brands/${b.brandId}/blobs/${hash}`)).status).toBe(404);
    expect((await download(admin, `/api/brands/${a.brandId}/blobs/${"0".repeat(64)}`)).status).toBe(404);
    const viewerOfB = (await inviteUser(h(), admin, "client_viewer", { brandId: b.brandId })).client;
    expect((await download(viewerOfB, `/api/brands/${a.brandId}/blobs/${hash}`)).status).toBe(404);
    const stranger = (await signUpWorkspace(h())).admin;
    expect((await download(stranger, `/api/brands/${a.brandId}/blobs/${hash}`)).status).toBe(404);
    // The same bytes stored for brand B are B's own copy.
    await putBlob(h().app.db, b.brandId, PNG, "image/png");
    expect((await download(viewerOfB, `/api/brands/${b.brandId}/blobs/${hash}`)).status).toBe(200);
  });

  it("names the hash field when it is not a SHA-256", async () => {
    const { admin, a } = await setup();
    for (const bad of ["abc", "Z".repeat(64), "A".repeat(64), `${"0".repeat(64)}0`]) {
      const res = await admin.get<TErr>(`/api/brands/${a.brandId}/blobs/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.fields?.[0]?.path, bad).toBe("hash");
    }
  });
});
