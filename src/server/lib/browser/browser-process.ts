import { type Browser, chromium } from "playwright-core";
import type { TLogger } from "../logger.ts";

/**
 * One Chromium process, launched when first needed and launched again when it has crashed or
 * has rendered `recycleAfterPages` pages (a long-lived renderer only grows). A retired process
 * closes once the pages still open in it are done.
 */
export type TBrowserProcess = {
  /** A connected browser and the function that hands it back when the page is done. */
  acquire(): Promise<{ browser: Browser; release(): void }>;
  close(): Promise<void>;
  readonly launches: number;
};

export type TBrowserProcessOptions = {
  executablePath: string | undefined;
  /** Every connection of the browser goes through this proxy, loopback included. */
  proxyUrl: () => Promise<string>;
  recycleAfterPages: number;
  logger: TLogger | undefined;
};

type THandle = { browser: Browser; pages: number; open: number; retired: boolean };

const ARGS = [
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-domain-reliability",
  "--disable-breakpad",
  "--mute-audio",
  // WebRTC would otherwise send UDP around the proxy.
  "--force-webrtc-ip-handling-policy=disable_non_proxied_udp",
];

export function createBrowserProcess(options: TBrowserProcessOptions): TBrowserProcess {
  let current: Promise<THandle> | undefined;
  let launches = 0;
  let closed = false;
  const all = new Set<THandle>();

  async function launch(): Promise<THandle> {
    const browser = await chromium.launch({
      executablePath: options.executablePath,
      headless: true,
      args: ARGS,
      proxy: { server: await options.proxyUrl() },
      timeout: 30_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    launches++;
    if (closed) {
      await browser.close().catch(() => undefined);
      throw new Error("the browser pool is closed");
    }
    const handle: THandle = { browser, pages: 0, open: 0, retired: false };
    all.add(handle);
    browser.on("disconnected", () => {
      all.delete(handle);
      if (!handle.retired && !closed) options.logger?.warn({ pages: handle.pages }, "chromium exited; the next page starts a new one");
      handle.retired = true;
    });
    options.logger?.debug({ executablePath: options.executablePath ?? "(playwright default)", version: browser.version() }, "chromium started");
    return handle;
  }

  function retire(handle: THandle): void {
    handle.retired = true;
    if (handle.open === 0) void handle.browser.close().catch(() => undefined);
  }

  async function live(retries = 1): Promise<THandle> {
    const pending = current ?? (current = launch());
    try {
      const handle = await pending;
      if (!handle.retired && handle.browser.isConnected()) return handle;
    } catch (error) {
      if (current === pending) current = undefined;
      throw error;
    }
    if (current === pending) current = undefined;
    if (retries <= 0) throw new Error("chromium exited right after it started");
    return live(retries - 1);
  }

  return {
    async acquire() {
      if (closed) throw new Error("the browser pool is closed");
      const handle = await live();
      handle.pages++;
      handle.open++;
      // New pages go to a new process; this one closes after its last page.
      if (handle.pages >= options.recycleAfterPages) handle.retired = true;
      let released = false;
      return {
        browser: handle.browser,
        release() {
          if (released) return;
          released = true;
          handle.open--;
          if (handle.retired && handle.open === 0) retire(handle);
        },
      };
    },
    async close() {
      closed = true;
      const pending = current;
      current = undefined;
      await pending?.catch(() => undefined);
      await Promise.all([...all].map((h) => h.browser.close().catch(() => undefined)));
      all.clear();
    },
    get launches() {
      return launches;
    },
  };
}
