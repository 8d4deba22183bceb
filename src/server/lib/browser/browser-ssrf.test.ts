import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchRefusedError } from "../guarded-fetch.ts";
import { type TBrowserPool, createBrowserPool } from "./browser-pool.ts";
import { type TTestServer, chromiumForTests, sleep, startTestServer } from "./browser-test-kit.ts";
import { pngSize } from "./png.ts";

const chromium = chromiumForTests();

/**
 * The same address rules as guardedFetch, in a real browser. Only loopback servers take part:
 * 127.0.0.1 is the site, 127.0.0.2 stands for the internal network the page must not reach.
 * Private and metadata addresses are refused before any page opens, so no packet leaves.
 */
describe.skipIf(!chromium)("browser pool: every request is held to the SSRF rules", { timeout: 120_000 }, () => {
  let site: TTestServer;
  let inside: TTestServer;
  let strict: TBrowserPool;
  let siteOnly: TBrowserPool;

  beforeAll(async () => {
    inside = await startTestServer("127.0.0.2", (_req, res) => void res.end("secret"));
    const target = inside.origin;
    site = await startTestServer("127.0.0.1", (req, res) => {
      if (req.url === "/redirect") return void res.writeHead(302, { location: `${target}/admin` }).end();
      if (req.url === "/redirect-img") return void res.writeHead(302, { location: `${target}/via-redirect.png` }).end();
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (req.url !== "/leaky") return void res.end("<title>Site</title><p>Hello</p>");
      res.end(`<!doctype html><title>Leaky</title>
        <link rel="preconnect" href="${target}">
        <link rel="stylesheet" href="${target}/style.css">
        <img src="${target}/pixel.png"><img src="/redirect-img">
        <iframe src="${target}/frame"></iframe>
        <script>
          fetch("${target}/fetch").catch(() => {});
          navigator.sendBeacon("${target}/beacon", "x");
          try { new WebSocket("${target.replace("http", "ws")}/ws"); } catch {}
          addEventListener("load", () => setTimeout(() => { location.href = "${target}/navigate"; }, 50));
        </script>`);
    });
    strict = createBrowserPool({ executablePath: chromium, allowLoopback: false });
    siteOnly = createBrowserPool({ executablePath: chromium, allowLoopback: ["127.0.0.1"] });
  });
  afterAll(async () => {
    await strict?.close();
    await siteOnly?.close();
    await site?.close();
    await inside?.close();
  });

  it("refuses navigation to loopback, metadata, private and hidden addresses, and other schemes, before any page opens", async () => {
    const port = new URL(site.origin).port;
    const refusals: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/`, /127\.0\.0\.1, a loopback address/],
      [`http://localhost:${port}/`, /loopback/],
      ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254, a link-local address/],
      ["http://10.0.0.1/", /10\.0\.0\.1, a private address/],
      [`http://[::ffff:127.0.0.1]:${port}/`, /IPv4 inside/],
      [`http://0x7f.1:${port}/`, /loopback/],
      ["file:///etc/passwd", /only http and https/],
      ["chrome://version", /only http and https/],
    ];
    for (const [url, reason] of refusals) {
      const error = await strict.screenshotUrl(url).then(() => undefined, (e: unknown) => e);
      expect(error, url).toBeInstanceOf(FetchRefusedError);
      expect(String(error), url).toMatch(reason);
    }
    expect(site.connections).toBe(0);
    expect(strict.stats().launches).toBe(0);
  });

  it("lets saved HTML with sub-resources allowed reach nothing on loopback", async () => {
    const html = `<img src="${site.origin}/a.png"><link rel="stylesheet" href="${site.origin}/b.css"><iframe src="${site.origin}/c"></iframe>`;
    const shot = await strict.screenshotHtml(html, { allowSubresources: true, fullPage: false });
    expect(pngSize(shot.image)).toEqual({ width: 1280, height: 900 });
    await sleep(300);
    expect(site.connections).toBe(0);
  });

  it("photographs an allowed page whose images, styles, frames, scripts and redirects reach for another address: none gets there", async () => {
    const shot = await siteOnly.screenshotUrl(`${site.origin}/leaky`, { fullPage: false });
    expect(shot.title).toBe("Leaky");
    expect(shot.finalUrl).toBe(`${site.origin}/leaky`);
    await sleep(500);
    expect(site.hits).toContain("/redirect-img"); // the first hop was allowed; its redirect was not
    expect(inside.hits).toEqual([]);
    expect(inside.connections).toBe(0);
  });

  it("fails a navigation redirected to a refused address, naming it", async () => {
    const error = await siteOnly.screenshotUrl(`${site.origin}/redirect`).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FetchRefusedError);
    expect(String(error)).toMatch(/127\.0\.0\.2, a loopback address/);
    expect(inside.connections).toBe(0);
  });
});
