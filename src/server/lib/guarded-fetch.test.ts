import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { FetchRefusedError, type TGuardedFetchOptions, type TLookup, guardedFetch, reputeUserAgent } from "./guarded-fetch.ts";

// Every server here listens on 127.0.0.1; refusals must happen before any connection, so the
// non-loopback addresses below are never contacted.

type TServer = { port: number; url: (path?: string) => string; connections: () => number; close: () => Promise<void> };
const servers: TServer[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TServer> {
  let connections = 0;
  const server = createServer(handler);
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const s: TServer = {
    port,
    url: (path = "/") => `http://127.0.0.1:${port}${path}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(s);
  return s;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Counts TCP connection attempts undici makes, whoever the target. */
let connectAttempts = 0;
const onConnect = () => connectAttempts++;
beforeEach(() => {
  connectAttempts = 0;
  subscribe("undici:client:beforeConnect", onConnect);
});
afterEach(() => unsubscribe("undici:client:beforeConnect", onConnect));

const fakeDns = (table: Record<string, string[]>): TLookup & { calls: string[] } => {
  const calls: string[] = [];
  const lookup = async (host: string) => {
    calls.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(lookup, { calls });
};

async function refusal(url: string, options: TGuardedFetchOptions = {}): Promise<FetchRefusedError> {
  const error = await guardedFetch(url, { timeoutMs: 3000, connectTimeoutMs: 1000, ...options }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FetchRefusedError)) throw new Error(`expected a FetchRefusedError, got ${String(error)}`);
  return error;
}

const loopback = { allowLoopback: true } as const;

describe("guardedFetch refuses before connecting", () => {
  it.each([
    ["http://10.0.0.1/", "10.0.0.1"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["http://192.168.1.1:8080/admin", "192.168.1.1"],
    ["http://100.64.0.1/", "100.64.0.1"],
    ["http://0.0.0.0:3000/", "0.0.0.0"],
    ["http://[fd00::1]/", "fd00::1"],
    ["http://[fe80::1]/", "fe80::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe"],
    ["http://[64:ff9b::10.0.0.1]/", "64:ff9b::a00:1"],
    ["http://[2002:c0a8:101::1]/", "2002:c0a8:101::1"],
    ["http://[::]/", "::"],
    ["http://224.0.0.1/", "224.0.0.1"],
    ["http://255.255.255.255/", "255.255.255.255"],
    ["http://192.0.2.1/", "192.0.2.1"],
  ])("%s, even with loopback allowed", async (url, host) => {
    const error = await refusal(url, loopback);
    expect(error.code).toBe("blocked_address");
    expect(error.host).toBe(host);
    expect(error.message).toContain(host);
    expect(connectAttempts).toBe(0);
  });

  it.each(["http://127.0.0.1/", "http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://[::1]/", "http://localhost/", "http://api.localhost/"])(
    "%s (loopback) unless loopback is allowed",
    async (url) => {
      const lookup = fakeDns({});
      const error = await refusal(url, { lookup });
      expect(error.code).toBe("blocked_address");
      expect(error.message).toMatch(/loopback/);
      expect(lookup.calls).toEqual([]); // localhost is never asked of DNS
      expect(connectAttempts).toBe(0);
    },
  );

  it.each(["file:///etc/passwd", "ftp://example.com/", "data:text/plain,hi", "javascript:alert(1)", "gopher://127.0.0.1:6379/_INFO"])(
    "%s: only http and https",
    async (url) => {
      const error = await refusal(url, loopback);
      expect(error.code).toBe("bad_scheme");
      expect(connectAttempts).toBe(0);
    },
  );

  it("does not echo an unparseable URL, which may hold secrets", async () => {
    const error = await refusal("http://user:hunter2secret@exa mple.com/");
    expect(error.code).toBe("bad_scheme");
    expect(error.message).not.toContain("hunter2secret");
  });

  it("never puts URL credentials in the message", async () => {
    const error = await refusal("http://alice:s3cr3t-pw@127.0.0.1/private");
    expect(error.code).toBe("blocked_address");
    expect(error.message).not.toMatch(/s3cr3t|alice/);
    expect(error.host).toBe("127.0.0.1");
  });

  it("refuses a name that resolves to loopback or a private address", async () => {
    const lookup = fakeDns({ "evil.example": ["127.0.0.1"], "intranet.example": ["10.0.0.5"] });
    const toLoopback = await refusal("http://evil.example/", { lookup });
    expect(toLoopback.code).toBe("blocked_address");
    expect(toLoopback.message).toBe("Fetch from evil.example refused: it resolves to 127.0.0.1, a loopback address");
    const toPrivate = await refusal("http://intranet.example/", { lookup, ...loopback });
    expect(toPrivate.code).toBe("blocked_address");
    expect(toPrivate.message).toContain("10.0.0.5, a private address");
    expect(lookup.calls).toEqual(["evil.example", "intranet.example"]);
    expect(connectAttempts).toBe(0);
  });

  it("refuses when any one of the resolved addresses is not public", async () => {
    const lookup = fakeDns({ "mixed.example": ["127.0.0.1", "10.0.0.5"], "mixed6.example": ["::1", "fe80::1"] });
    expect((await refusal("http://mixed.example/", { lookup, ...loopback })).code).toBe("blocked_address");
    expect((await refusal("http://mixed6.example/", { lookup, ...loopback })).message).toContain("fe80::1, a link-local address");
    expect(connectAttempts).toBe(0);
  });

  it("names IPv4 hidden in IPv6 answers", async () => {
    const lookup = fakeDns({ "nat64.example": ["64:ff9b::a9fe:a9fe"] });
    const error = await refusal("http://nat64.example/", { lookup, ...loopback });
    expect(error.message).toContain("64:ff9b::a9fe:a9fe, a link-local address (IPv4 inside a nat64 IPv6 address)");
  });

  it("reports a name that does not resolve as a network error", async () => {
    const lookup = fakeDns({ "empty.example": [] });
    expect((await refusal("http://nowhere.example/", { lookup })).code).toBe("network");
    expect((await refusal("http://nowhere.example/", { lookup })).message).toContain("ENOTFOUND");
    expect((await refusal("http://empty.example/", { lookup })).code).toBe("network");
  });

  it("times out a resolver that never answers", async () => {
    const error = await refusal("http://slow.example/", { lookup: () => new Promise(() => undefined), timeoutMs: 200 });
    expect(error.code).toBe("timeout");
  });
});

describe("guardedFetch fetches", () => {
  it("returns status, headers, final URL, body, text and json, with an honest User-Agent", async () => {
    const server = await serve((req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.end(JSON.stringify({ ua: req.headers["user-agent"], path: req.url }));
    });
    const res = await guardedFetch(server.url("/x?y=1#frag"), loopback);
    expect(res.status).toBe(200);
    expect(res.url).toBe(server.url("/x?y=1"));
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(res.json<{ ua: string; path: string }>()).toEqual({ ua: reputeUserAgent(), path: "/x?y=1" });
    expect(reputeUserAgent()).toBe("Repute/0.1.0 (+https://repute.invalid/bot; reputation monitoring; self-hosted)");
    expect(res.text()).toBe(res.body.toString("utf8"));
  });

  it("lets the contact URL, method, headers and body be chosen", async () => {
    const server = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () =>
        res.end(JSON.stringify({ method: req.method, type: req.headers["content-type"], ua: req.headers["user-agent"], x: req.headers["x-api"], body: Buffer.concat(chunks).toString() })),
      );
    });
    const form = await guardedFetch(server.url(), { ...loopback, method: "post", body: new URLSearchParams({ q: "доставка" }), contactUrl: "https://example.org/about" });
    expect(form.json()).toEqual({
      method: "POST",
      type: "application/x-www-form-urlencoded;charset=UTF-8",
      ua: "Repute/0.1.0 (+https://example.org/about; reputation monitoring; self-hosted)",
      body: "q=%D0%B4%D0%BE%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B0",
    });
    const json = await guardedFetch(server.url(), { ...loopback, method: "PUT", headers: { "Content-Type": "application/json", "X-Api": "k" }, body: '{"a":1}' });
    expect(json.json()).toMatchObject({ method: "PUT", type: "application/json", x: "k", body: '{"a":1}' });
    const raw = await guardedFetch(server.url(), { ...loopback, method: "POST", body: Buffer.from([1, 2, 3]) });
    expect(raw.json()).toEqual({ method: "POST", ua: reputeUserAgent(), body: "\u0001\u0002\u0003" }); // no content type invented
  });

  it("sends URL credentials as Basic auth and leaves them out of the final URL", async () => {
    const server = await serve((req, res) => res.end(req.headers.authorization ?? "none"));
    const res = await guardedFetch(`http://alice:s%40cret@127.0.0.1:${server.port}/feed`, loopback);
    expect(res.text()).toBe(`Basic ${Buffer.from("alice:s@cret").toString("base64")}`);
    expect(res.url).toBe(server.url("/feed"));
  });

  it("connects to the vetted address only: a second, different DNS answer is never asked for", async () => {
    const server = await serve((req, res) => res.end(req.headers.host));
    let answers = 0;
    const rebinding: TLookup = async () => [{ address: answers++ === 0 ? "127.0.0.1" : "10.0.0.5", family: 4 }];
    const res = await guardedFetch(`http://rebind.example:${server.port}/`, { lookup: rebinding, allowLoopback: ["rebind.example"] });
    expect(res.text()).toBe(`rebind.example:${server.port}`); // Host stays the name
    expect(answers).toBe(1);
    expect(server.connections()).toBe(1);
  });

  it("reports a refused connection as a network error", async () => {
    const server = await serve((_req, res) => res.end());
    const url = server.url();
    await server.close();
    const error = await refusal(url, loopback);
    expect(error.code).toBe("network");
    expect(error.message).toContain("ECONNREFUSED");
  });
});

describe("redirects", () => {
  it("re-checks every hop: a 'public' site redirecting to loopback is refused", async () => {
    const target = await serve((_req, res) => res.end("secret"));
    const site = await serve((_req, res) => res.writeHead(302, { location: target.url("/admin") }).end());
    const lookup = fakeDns({ "public.example": ["127.0.0.1"] });
    const url = `http://public.example:${site.port}/`;
    // Loopback is open for public.example only, standing in for a public address.
    const error = await refusal(url, { lookup, allowLoopback: ["public.example"] });
    expect(error.code).toBe("blocked_address");
    expect(error.host).toBe("127.0.0.1");
    expect(site.connections()).toBe(1);
    expect(target.connections()).toBe(0);

    const allowed = await guardedFetch(url, { lookup, allowLoopback: true });
    expect(allowed.text()).toBe("secret");
    expect(allowed.url).toBe(target.url("/admin"));
  });

  it.each([
    ["http://evil.example/", "blocked_address"],
    ["http://169.254.169.254/latest/meta-data/iam", "blocked_address"],
    ["http://[::ffff:10.0.0.1]/", "blocked_address"],
    ["file:///etc/passwd", "bad_scheme"],
  ])("refuses a redirect to %s", async (location, code) => {
    const site = await serve((_req, res) => res.writeHead(301, { location }).end());
    const error = await refusal(site.url(), { ...loopback, lookup: fakeDns({ "evil.example": ["10.0.0.5"] }) });
    expect(error.code).toBe(code);
    expect(connectAttempts).toBe(1); // the first hop only
  });

  it("follows five redirects and refuses the sixth", async () => {
    const server = await serve((req, res) => {
      const n = Number(req.url?.slice(1));
      if (n > 0) res.writeHead(302, { location: `/${n - 1}` }).end();
      else res.end("landed");
    });
    expect((await guardedFetch(server.url("/5"), loopback)).text()).toBe("landed");
    const error = await refusal(server.url("/6"), loopback);
    expect(error.code).toBe("too_many_redirects");
    expect(error.message).toContain("more than 5 redirects");
    expect((await refusal(server.url("/1"), { ...loopback, maxRedirects: 0 })).code).toBe("too_many_redirects");
  });

  it("turns POST into GET on 303 and 302, keeps it on 307", async () => {
    const server = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.url === "/303" || req.url === "/302" || req.url === "/307") res.writeHead(Number(req.url.slice(1)), { location: "/echo" }).end();
        else res.end(`${req.method} ${req.headers["content-type"] ?? "-"} ${Buffer.concat(chunks).toString() || "-"}`);
      });
    });
    const post = { ...loopback, method: "POST", body: "payload" };
    expect((await guardedFetch(server.url("/303"), post)).text()).toBe("GET - -");
    expect((await guardedFetch(server.url("/302"), post)).text()).toBe("GET - -");
    expect((await guardedFetch(server.url("/307"), post)).text()).toBe("POST text/plain;charset=UTF-8 payload");
  });

  it("drops credentials when the redirect leaves the origin", async () => {
    const echo = (req: IncomingMessage, res: ServerResponse) => res.end(`${req.headers.authorization ?? "-"} ${req.headers.cookie ?? "-"} ${req.headers["x-keep"] ?? "-"}`);
    const other = await serve(echo);
    const site = await serve((req, res) => {
      if (req.url === "/same") res.writeHead(302, { location: "/echo" }).end();
      else if (req.url === "/away") res.writeHead(302, { location: other.url("/echo") }).end();
      else echo(req, res);
    });
    const options = { ...loopback, headers: { Authorization: "Bearer t0ken", Cookie: "sid=1", "X-Keep": "yes" } };
    expect((await guardedFetch(site.url("/same"), options)).text()).toBe("Bearer t0ken sid=1 yes");
    expect((await guardedFetch(site.url("/away"), options)).text()).toBe("- - yes");
  });
});

describe("cookie jar", () => {
  /** A site that, like banki.ru, answers without its session cookie with a 302 that sets it. */
  const handshake = () => {
    const seen: string[] = [];
    return Object.assign(
      (req: IncomingMessage, res: ServerResponse) => {
        seen.push(`${req.url} ${req.headers.cookie ?? "-"}`);
        if (!/(^|; )sid=s1(;|$)/.test(req.headers.cookie ?? "")) {
          res.writeHead(302, { location: req.url ?? "/", "set-cookie": ["sid=s1; Path=/; HttpOnly", "region=77; Max-Age=3600"] }).end();
        } else res.end(`ok ${req.headers.cookie}`);
      },
      { seen },
    );
  };

  it("keeps the cookies a redirect sets, sends them on the next hop and hands them back", async () => {
    const handler = handshake();
    const site = await serve(handler);
    const cookies = new Map<string, Map<string, string>>();
    const first = await guardedFetch(site.url("/list?page=1"), { ...loopback, cookies });
    expect(first.status).toBe(200);
    expect(first.text()).toBe("ok sid=s1; region=77");
    expect(handler.seen).toEqual(["/list?page=1 -", "/list?page=1 sid=s1; region=77"]);
    expect(cookies.get(site.url("/").slice(0, -1))).toEqual(new Map([["sid", "s1"], ["region", "77"]]));

    // The caller's next fetch with the same jar needs no handshake.
    await guardedFetch(site.url("/list?page=2"), { ...loopback, cookies });
    expect(handler.seen.slice(2)).toEqual(["/list?page=2 sid=s1; region=77"]);
  });

  it("keeps nothing without a jar: the handshake never ends", async () => {
    const handler = handshake();
    const site = await serve(handler);
    expect((await refusal(site.url("/list"), loopback)).code).toBe("too_many_redirects");
    expect(handler.seen.every((line) => line.endsWith(" -"))).toBe(true);
  });

  it("merges with the caller's Cookie header, the jar winning by name", async () => {
    const site = await serve((req, res) => res.end(req.headers.cookie ?? "-"));
    const origin = site.url("/").slice(0, -1);
    const cookies = new Map([[origin, new Map([["sid", "fresh"]])]]);
    const answer = await guardedFetch(site.url(), { ...loopback, cookies, headers: { Cookie: "lang=ru; sid=stale" } });
    expect(answer.text()).toBe("lang=ru; sid=fresh");
  });

  it("forgets a cookie deleted with Max-Age=0 or a past Expires; Max-Age wins over Expires", async () => {
    const site = await serve((_req, res) =>
      res
        .writeHead(200, {
          "set-cookie": [
            "a=; Max-Age=0",
            "b=gone; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            "c=kept; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            "=nameless",
          ],
        })
        .end(),
    );
    const origin = site.url("/").slice(0, -1);
    const cookies = new Map([[origin, new Map([["a", "1"], ["b", "2"], ["keep", "3"]])]]);
    await guardedFetch(site.url(), { ...loopback, cookies });
    expect(cookies.get(origin)).toEqual(new Map([["keep", "3"], ["c", "kept"]]));
  });

  it("never sends one origin's cookies to another", async () => {
    const other = await serve((req, res) => res.writeHead(200, { "set-cookie": "theirs=t" }).end(req.headers.cookie ?? "-"));
    const site = await serve((req, res) => {
      if (req.headers.cookie) res.writeHead(302, { location: other.url("/echo") }).end();
      else res.writeHead(302, { location: "/again", "set-cookie": "ours=o" }).end();
    });
    const cookies = new Map<string, Map<string, string>>();
    const answer = await guardedFetch(site.url(), { ...loopback, cookies });
    expect(answer.text()).toBe("-");
    expect(cookies.get(site.url("/").slice(0, -1))).toEqual(new Map([["ours", "o"]]));
    expect(cookies.get(other.url("/").slice(0, -1))).toEqual(new Map([["theirs", "t"]]));
  });
});

describe("limits", () => {
  it("refuses a body whose Content-Length is over the limit without reading it", async () => {
    const server = await serve((_req, res) => res.writeHead(200, { "content-length": 2048 }).end(Buffer.alloc(2048)));
    const error = await refusal(server.url(), { ...loopback, maxBytes: 1024 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("limit of 1024 bytes");
  });

  it("aborts an endless stream at the limit and names the limit", async () => {
    let closedEarly = false;
    const server = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024, 120);
      const timer = setInterval(() => res.write(chunk), 1);
      res.on("close", () => {
        clearInterval(timer);
        closedEarly = !res.writableFinished;
      });
    });
    const error = await refusal(server.url(), { ...loopback, maxBytes: 1024 * 1024, timeoutMs: 10_000 });
    expect(error.code).toBe("too_large");
    expect(error.message).toBe("Fetch from 127.0.0.1 refused: the body is larger than the limit of 1 MB (1048576 bytes)");
    await expect.poll(() => closedEarly).toBe(true);
  });

  it("accepts a body of exactly the limit", async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(1000, 97)));
    expect((await guardedFetch(server.url(), { ...loopback, maxBytes: 1000 })).body.length).toBe(1000);
  });

  it("holds decompressed output to the limit (gzip bomb)", async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const server = await serve((_req, res) => res.writeHead(200, { "content-encoding": "gzip" }).end(bomb));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal(server.url(), { ...loopback, maxBytes: 1024 * 1024 });
    expect(error.code).toBe("too_large");
  });

  it("times out a server that never answers", async () => {
    const server = await serve(() => undefined);
    const error = await refusal(server.url(), { ...loopback, timeoutMs: 300 });
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("within 300 ms");
  });

  it("times out a body that stalls halfway", async () => {
    const server = await serve((_req, res) => res.writeHead(200, { "content-length": 100 }).write("half"));
    expect((await refusal(server.url(), { ...loopback, timeoutMs: 300 })).code).toBe("timeout");
  });

  it("passes the caller's own cancellation through as it is", async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user went away")), 50);
    await expect(guardedFetch(server.url(), { ...loopback, signal: controller.signal })).rejects.toThrow("user went away");
  });
});

describe("content encodings", () => {
  const text = "Отзыв о доставке: всё пришло вовремя. ".repeat(50);
  const encodings: [string, (b: Buffer) => Buffer][] = [
    ["gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["deflate", zlib.deflateRawSync], // what some servers send under that name
    ["br", zlib.brotliCompressSync],
    ["gzip, br", (b) => zlib.brotliCompressSync(zlib.gzipSync(b))],
  ];
  it.each(encodings)("decodes %s", async (encoding, compress) => {
    const server = await serve((req, res) => {
      expect(req.headers["accept-encoding"]).toBe("gzip, deflate, br");
      res.writeHead(200, { "content-encoding": encoding, "content-type": "text/plain; charset=utf-8" }).end(compress(Buffer.from(text)));
    });
    const res = await guardedFetch(server.url(), loopback);
    expect(res.text()).toBe(text);
  });

  it("reports corrupt or unknown encodings as network errors", async () => {
    const server = await serve((req, res) => res.writeHead(200, { "content-encoding": req.url === "/zstd" ? "zstd" : "gzip" }).end("not gzip at all"));
    expect((await refusal(server.url("/gz"), loopback)).message).toContain("gzip body is corrupt");
    expect((await refusal(server.url("/zstd"), loopback)).message).toContain("unsupported Content-Encoding zstd");
  });
});

/** A single-byte encoder built by inverting TextDecoder, so the test bytes are the real thing. */
function encode(text: string, label: string): Buffer {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 255; b >= 0; b--) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${label} has no ${ch}`);
      return b;
    }),
  );
}

describe("charsets", () => {
  // The whole alphabet, ё included, in both cases: the two encodings order it differently.
  const russian = "Ёлки-палки, сервис ужасный! абвгдеёжзийклмнопрстуфхцчшщъыьэюя АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";

  it.each([
    ["windows-1251 from Content-Type", "text/html; charset=windows-1251", (t: string) => encode(t, "windows-1251")],
    ["koi8-r from Content-Type", "text/plain; charset=KOI8-R", (t: string) => encode(t, "koi8-r")],
    ["koi8-r from <meta charset>", "text/html", (t: string) => Buffer.concat([Buffer.from('<!doctype html><html><head><meta charset="koi8-r"><title>x</title></head><body>'), encode(t, "koi8-r")])],
    ["windows-1251 from <meta http-equiv>", "text/html", (t: string) => Buffer.concat([Buffer.from('<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251"></head>'), encode(t, "windows-1251")])],
    ["windows-1251 from an RSS <?xml encoding?>", "application/rss+xml", (t: string) => Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss><title>'), encode(t, "windows-1251")])],
    ["UTF-8 by default", "text/plain", (t: string) => Buffer.from(t)],
    ["UTF-8 by its BOM, over a wrong header", "text/plain; charset=windows-1251", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)])],
    ["the header over a contradicting <meta>", "text/html; charset=koi8-r", (t: string) => Buffer.concat([Buffer.from('<meta charset="windows-1251">'), encode(t, "koi8-r")])],
    ["UTF-8 when the label is unknown", "text/plain; charset=x-klingon", (t: string) => Buffer.from(t)],
  ])("decodes %s", async (_name, contentType, bytes) => {
    const server = await serve((_req, res) => res.writeHead(200, { "content-type": contentType }).end(bytes(russian)));
    const res = await guardedFetch(server.url(), loopback);
    expect(res.text()).toContain(russian);
    expect(res.text()).not.toContain("\uFFFD");
  });

  it("decodes the punctuation only windows-1251 has", async () => {
    const quote = "Жалоба №5 — «Щука» съела ёжика…";
    const server = await serve((_req, res) => res.writeHead(200, { "content-type": "text/plain; charset=cp1251" }).end(encode(quote, "windows-1251")));
    expect((await guardedFetch(server.url(), loopback)).text()).toBe(quote);
  });

  it("decodes a gzipped windows-1251 page", async () => {
    const page = Buffer.concat([Buffer.from('<meta charset="windows-1251">'), encode(russian, "windows-1251")]);
    const server = await serve((_req, res) => res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(zlib.gzipSync(page)));
    expect((await guardedFetch(server.url(), loopback)).text()).toContain(russian);
  });
});
