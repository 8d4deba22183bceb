import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchRefusedError } from "../guarded-fetch.ts";
import { type TTestServer, startTestServer } from "./browser-test-kit.ts";
import { REFUSED_HEADER, type TSsrfProxy, startSsrfProxy } from "./ssrf-proxy.ts";

describe("the browser's proxy", () => {
  let site: TTestServer;
  let inside: TTestServer;
  let proxy: TSsrfProxy;
  const refused: FetchRefusedError[] = [];

  beforeAll(async () => {
    site = await startTestServer("127.0.0.1", (req, res) => void res.end(`hello ${req.url} ${req.headers.host}`));
    inside = await startTestServer("127.0.0.2", (_req, res) => void res.end("secret"));
    proxy = await startSsrfProxy({ allowLoopback: ["127.0.0.1"], onRefused: (e) => refused.push(e) });
  });
  afterAll(async () => {
    await proxy?.close();
    await site?.close();
    await inside?.close();
  });

  const proxyPort = () => Number(new URL(proxy.url).port);

  function viaProxy(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: proxyPort(), path: url, headers: { host: new URL(url).host } }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject).end();
    });
  }

  function connect(authority: string): Promise<{ status: number; reason: string | undefined; through?: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: proxyPort(), method: "CONNECT", path: authority });
      req.on("connect", (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          return resolve({ status: res.statusCode ?? 0, reason: res.headers[REFUSED_HEADER] as string | undefined });
        }
        let through = "";
        socket.setEncoding("utf8").on("data", (c: string) => (through += c));
        socket.on("end", () => resolve({ status: 200, reason: undefined, through }));
        socket.write(`GET /tunnelled HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
      });
      req.on("error", reject).end();
    });
  }

  it("forwards plain http to an allowed host, with its Host header", async () => {
    const res = await viaProxy(`${site.origin}/page?q=1`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(`hello /page?q=1 ${new URL(site.origin).host}`);
  });

  it("refuses plain http to any other address, saying why, without connecting", async () => {
    const res = await viaProxy(`${inside.origin}/admin`);
    expect(res.status).toBe(403);
    expect(res.headers[REFUSED_HEADER]).toMatch(/127\.0\.0\.2, a loopback address/);
    expect(inside.connections).toBe(0);
    expect(refused.at(-1)?.code).toBe("blocked_address");
  });

  it("tunnels CONNECT only to allowed hosts", async () => {
    const ok = await connect(new URL(site.origin).host);
    expect(ok.status).toBe(200);
    expect(ok.through).toContain("hello /tunnelled");
    const no = await connect(new URL(inside.origin).host);
    expect(no.status).toBe(403);
    expect(no.reason).toMatch(/loopback/);
    expect((await connect("169.254.169.254:80")).reason).toMatch(/link-local/);
    expect((await connect("no-port.example")).status).toBe(400);
    expect(inside.connections).toBe(0);
  });
});
