import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TBrowserPool, createBrowserPool } from "./browser-pool.ts";
import { type TTestServer, chromiumForTests, ownBrowsers, sleep, startTestServer } from "./browser-test-kit.ts";
import { pngSize, readPng } from "./png.ts";

const chromium = chromiumForTests();

describe.skipIf(!chromium)("browser pool: screenshots and PDF in real Chromium", { timeout: 120_000 }, () => {
  let site: TTestServer;
  let pool: TBrowserPool;
  let inFlight = 0;
  let maxInFlight = 0;

  beforeAll(async () => {
    site = await startTestServer("127.0.0.1", async (req, res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (req.url === "/tall") return void res.end(`<body style="margin:0"><div style="height:20000px;background:#00f"></div>`);
      if (req.url?.startsWith("/slow")) {
        // Held until a second page asks too (or 3 s pass), so pages that may overlap do.
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        for (const started = Date.now(); inFlight < 2 && Date.now() - started < 3_000; ) await sleep(20);
        await sleep(200);
        inFlight--;
      }
      res.end(`<title>Отзывы</title><body style="margin:0"><div style="height:2000px;background:#0a0">Hello</div>`);
    });
    pool = createBrowserPool({ executablePath: chromium, allowLoopback: true, maxPages: 2 });
  });
  afterAll(async () => {
    await pool?.close();
    await site?.close();
  });

  it("photographs a page served locally: the whole page, 1280 px wide, with its title, final URL and HTML", async () => {
    const shot = await pool.screenshotUrl(`${site.origin}/`);
    expect(shot.mime).toBe("image/png");
    expect(pngSize(shot.image)).toEqual({ width: 1280, height: 2000 });
    expect(readPng(shot.image).pixel(10, 1500)).toEqual([0, 170, 0]);
    expect(shot).toMatchObject({ title: "Отзывы", finalUrl: `${site.origin}/` });
    expect(shot.html).toContain("Hello");

    const viewport = await pool.screenshotUrl(`${site.origin}/`, { fullPage: false, width: 800, height: 600 });
    expect(pngSize(viewport.image)).toEqual({ width: 800, height: 600 });
    const jpeg = await pool.screenshotUrl(`${site.origin}/`, { fullPage: false, format: "jpeg" });
    expect(jpeg.mime).toBe("image/jpeg");
    expect(jpeg.image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it("fails clearly when the address does not answer, or not in time", async () => {
    const gone = await startTestServer("127.0.0.1", () => undefined);
    await gone.close();
    await expect(pool.screenshotUrl(`${gone.origin}/`)).rejects.toThrow(/^Could not open 127\.0\.0\.1:\d+: /);
    const silent = await startTestServer("127.0.0.1", () => undefined); // never answers
    try {
      await expect(pool.screenshotUrl(`${silent.origin}/`, { timeoutMs: 2_000 })).rejects.toThrow(/Could not open .*Timeout|longer than 2000 ms/);
    } finally {
      await silent.close();
    }
  });

  it("cuts a very tall page at 10,000 px", async () => {
    const shot = await pool.screenshotUrl(`${site.origin}/tall`);
    expect(pngSize(shot.image)).toEqual({ width: 1280, height: 10_000 });
  });

  it("renders saved HTML with JavaScript off: a hostile script changes nothing, nothing is fetched, data: images show", async () => {
    const before = site.hits.length;
    const hostile = `<!doctype html><title>saved</title>
      <meta http-equiv="refresh" content="0;url=${site.origin}/refreshed">
      <body style="margin:0;background:#fff">
      <script>document.title = "pwned"; document.body.style.background = "#f00"; location.href = "${site.origin}/script";</script>
      <img src="${site.origin}/tracker.png" width="10" height="10">
      <link rel="stylesheet" href="${site.origin}/style.css">
      <iframe src="${site.origin}/frame"></iframe>
      <img style="display:block;position:absolute;left:0;top:200px" width="50" height="50"
        src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='50' height='50'%3E%3Crect width='50' height='50' fill='%2300f'/%3E%3C/svg%3E">`;
    const shot = await pool.screenshotHtml(hostile, { baseUrl: "https://yandex.ru/search/?text=x", fullPage: false });
    expect(shot.mime).toBe("image/png");
    const png = readPng(shot.image);
    expect(png.pixel(600, 100)).toEqual([255, 255, 255]); // not red: the script did not run
    expect(png.pixel(25, 225)).toEqual([0, 0, 255]); // the data: image
    await sleep(300); // a late refresh would have landed by now
    expect(site.hits.slice(before)).toEqual([]);
  });

  it("refuses a base URL that is not http(s)", async () => {
    await expect(pool.screenshotHtml("<p>x</p>", { baseUrl: "file:///etc/passwd" })).rejects.toThrow(/http\(s\)/);
  });

  it("prints HTML to a PDF with pages, in portrait and landscape", async () => {
    const html = `<h1>Отчёт за месяц</h1>${"<p>Упоминание бренда.</p>".repeat(150)}<script>document.body.innerHTML = ""</script>`;
    const portrait = await pool.pdf(html);
    expect(portrait.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = portrait.toString("latin1");
    expect((text.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const [width, height] = mediaBox(text);
    expect(width).toBeLessThan(height);
    expect(Math.round(width / 72 * 25.4)).toBe(210); // A4

    const landscape = await pool.pdf("<p>Коротко</p>", { landscape: true, marginMm: 5 });
    const [lw, lh] = mediaBox(landscape.toString("latin1"));
    expect(lw).toBeGreaterThan(lh);
    expect((landscape.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBe(1);
  });

  it("renders at most maxPages pages at once; the others wait their turn", async () => {
    maxInFlight = 0;
    const shots = await Promise.all([1, 2, 3, 4, 5].map((i) => pool.screenshotUrl(`${site.origin}/slow?${i}`, { fullPage: false })));
    expect(shots).toHaveLength(5);
    expect(maxInFlight).toBe(2);
    expect(pool.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it("starts a new Chromium after recycleAfterPages pages and after a crash", async () => {
    const others = new Set(ownBrowsers()); // the other pool's Chromium, if started
    const small = createBrowserPool({ executablePath: chromium, recycleAfterPages: 2 });
    try {
      for (let i = 0; i < 3; i++) await small.screenshotHtml(`<p>${i}</p>`, { fullPage: false });
      expect(small.stats().launches).toBe(2);
      // Kill the Chromium this pool runs now, as a crash would.
      const ours = ownBrowsers().filter((pid) => !others.has(pid));
      expect(ours.length).toBeGreaterThan(0);
      for (const pid of ours) process.kill(pid, "SIGKILL");
      await sleep(300);
      const after = await small.screenshotHtml("<p>after the crash</p>", { fullPage: false });
      expect(pngSize(after.image)).toEqual({ width: 1280, height: 900 });
      expect(small.stats().launches).toBe(3);
    } finally {
      await small.close();
    }
  });
});

function mediaBox(pdf: string): [number, number] {
  const match = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  return [Number(match?.[1]), Number(match?.[2])];
}
