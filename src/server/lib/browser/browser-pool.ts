import type { BrowserContextOptions, Page } from "playwright-core";
import type { TLogger } from "../logger.ts";
import { createBrowserProcess } from "./browser-process.ts";
import { type TScreenshotUrlResult, captureUrl } from "./capture-url.ts";
import { defaultChromiumPath } from "./chromium-path.ts";
import { type TGuardOptions, guardRequests, vetUrl } from "./request-guard.ts";
import { type TImageFormat, capture } from "./screenshot.ts";
import { createSemaphore } from "./semaphore.ts";
import { type TSsrfProxy, startSsrfProxy } from "./ssrf-proxy.ts";

/**
 * Screenshots and PDFs in one shared headless Chromium. Each page gets a fresh context (no
 * cookies or storage shared), at most `maxPages` are open at once and the rest wait in line.
 * Every request a page makes is held to guardedFetch's rules twice: page.route vets it before
 * Chromium sends it, and Chromium's only way out is a local proxy that vets every connection
 * (redirect hops included) and connects to exactly the vetted address.
 */
export type TBrowserPoolOptions = {
  /** Default: Debian's /usr/bin/chromium when present, else playwright-core's own Chromium. */
  executablePath?: string;
  /** Pages rendered at once; the rest queue. Default 2. */
  maxPages?: number;
  /** Tests only: let 127.0.0.0/8 and ::1 through, for every host (true) or the named hosts. */
  allowLoopback?: boolean | readonly string[];
  logger?: TLogger;
  /** Start a new Chromium after this many pages, so memory does not creep up. Default 100. */
  recycleAfterPages?: number;
};

export type TScreenshotUrlOptions = {
  width?: number;
  height?: number;
  /** Default true; cut at 10,000 px. */
  fullPage?: boolean;
  /** For the whole page: navigation, loading and the picture. Default 30,000. */
  timeoutMs?: number;
  format?: TImageFormat;
};

export type TScreenshotHtmlOptions = {
  /** The address the HTML is shown at, for its relative links; nothing is fetched from it. */
  baseUrl?: string;
  width?: number;
  height?: number;
  fullPage?: boolean;
  format?: TImageFormat;
  /** Default false: no network at all, only the HTML and data: URIs. true: vetted like screenshotUrl. */
  allowSubresources?: boolean;
  timeoutMs?: number;
};

export type TPdfOptions = { format?: "A4"; landscape?: boolean; marginMm?: number; timeoutMs?: number };

export type TBrowserPool = {
  screenshotUrl(url: string, opts?: TScreenshotUrlOptions): Promise<TScreenshotUrlResult>;
  screenshotHtml(html: string, opts?: TScreenshotHtmlOptions): Promise<{ image: Buffer; mime: string }>;
  pdf(html: string, opts?: TPdfOptions): Promise<Buffer>;
  close(): Promise<void>;
  /** Pages rendering now, pages waiting, Chromium processes started so far. */
  stats(): { active: number; waiting: number; launches: number };
};

export type { TImageFormat, TScreenshotUrlResult };

const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 900;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Where an HTML string is shown when no base URL is given; `.invalid` never resolves. */
const OFFLINE_DOCUMENT_URL = "https://document.invalid/";

type TPageJob = { javaScript: boolean; width: number; height: number; timeoutMs: number; guard: TGuardOptions };

export function createBrowserPool(options: TBrowserPoolOptions = {}): TBrowserPool {
  const allowLoopback = options.allowLoopback ?? false;
  const slots = createSemaphore(options.maxPages ?? 2);
  let proxy: Promise<TSsrfProxy> | undefined;
  const proxyUrl = async () => (await (proxy ??= startSsrfProxy({ allowLoopback, onRefused: logRefusal }))).url;
  const chromiumProcess = createBrowserProcess({
    executablePath: options.executablePath ?? defaultChromiumPath(),
    proxyUrl,
    recycleAfterPages: options.recycleAfterPages ?? 100,
    logger: options.logger,
  });
  let closed = false;

  function logRefusal(error: Error): void {
    options.logger?.info({ reason: error.message }, "browser request refused");
  }

  async function withPage<T>(job: TPageJob, render: (page: Page) => Promise<T>): Promise<T> {
    if (closed) throw new Error("the browser pool is closed");
    const release = await slots.acquire();
    try {
      const { browser, release: done } = await chromiumProcess.acquire();
      const contextOptions: BrowserContextOptions = {
        viewport: { width: job.width, height: job.height },
        javaScriptEnabled: job.javaScript,
        serviceWorkers: "block",
        acceptDownloads: false,
        deviceScaleFactor: 1,
      };
      const context = await browser.newContext(contextOptions).catch((error: unknown) => {
        done();
        throw error;
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        void context.close().catch(() => undefined);
      }, job.timeoutMs);
      try {
        await guardRequests(context, job.guard);
        const page = await context.newPage();
        page.setDefaultTimeout(job.timeoutMs);
        return await render(page);
      } catch (error) {
        if (timedOut) throw new Error(`The page took longer than ${job.timeoutMs} ms to render`, { cause: error });
        throw error;
      } finally {
        clearTimeout(timer);
        await context.close().catch(() => undefined);
        done();
      }
    } finally {
      release();
    }
  }

  return {
    async screenshotUrl(url, opts = {}) {
      // Refused before any page opens: the reason is guardedFetch's own.
      const vetted = await vetUrl(url, allowLoopback);
      const width = opts.width ?? DEFAULT_WIDTH;
      const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const guard = { network: true, allowLoopback };
      return withPage({ javaScript: true, width, height: opts.height ?? DEFAULT_HEIGHT, timeoutMs, guard }, (page) =>
        captureUrl(page, vetted, { width, fullPage: opts.fullPage ?? true, format: opts.format ?? "png", timeoutMs, allowLoopback }),
      );
    },

    async screenshotHtml(html, opts = {}) {
      const url = documentUrl(opts.baseUrl);
      const width = opts.width ?? DEFAULT_WIDTH;
      const guard = { network: opts.allowSubresources ?? false, allowLoopback, document: { url, html } };
      const job = { javaScript: false, width, height: opts.height ?? DEFAULT_HEIGHT, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, guard };
      return withPage(job, async (page) => {
        await page.goto(url, { waitUntil: "load" });
        return capture(page, { width, fullPage: opts.fullPage ?? true, format: opts.format ?? "png" });
      });
    },

    async pdf(html, opts = {}) {
      const url = OFFLINE_DOCUMENT_URL;
      const guard = { network: false, document: { url, html } };
      const job = { javaScript: false, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, guard };
      return withPage(job, async (page) => {
        await page.goto(url, { waitUntil: "load" });
        const margin = `${opts.marginMm ?? 15}mm`;
        return page.pdf({
          format: opts.format ?? "A4",
          landscape: opts.landscape ?? false,
          margin: { top: margin, right: margin, bottom: margin, left: margin },
          printBackground: true,
        });
      });
    },

    async close() {
      closed = true;
      await chromiumProcess.close();
      await (await proxy?.catch(() => undefined))?.close();
    },

    stats: () => ({ active: slots.active, waiting: slots.waiting, launches: chromiumProcess.launches }),
  };
}

/** A base URL must be http(s): a file: or chrome: page would be read by the browser itself. */
function documentUrl(baseUrl: string | undefined): string {
  if (baseUrl === undefined) return OFFLINE_DOCUMENT_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("baseUrl is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`baseUrl must be http(s), not ${url.protocol}`);
  return url.href;
}
