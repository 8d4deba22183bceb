import type { Page, Response } from "playwright-core";
import { REFUSED_HEADER, UNREACHABLE_HEADER } from "./ssrf-proxy.ts";
import { vetUrl } from "./request-guard.ts";
import { type TCaptureOptions, capture } from "./screenshot.ts";

export type TScreenshotUrlResult = { image: Buffer; mime: string; finalUrl: string; title: string; html: string };

type TCaptureUrlOptions = TCaptureOptions & { timeoutMs: number; allowLoopback: boolean | readonly string[] | undefined };

/**
 * Opens a URL the way a person would and photographs it. The URL was vetted before this page
 * was opened; a redirect hop that the proxy refused is reported with the same reason.
 */
export async function captureUrl(page: Page, url: URL, options: TCaptureUrlOptions): Promise<TScreenshotUrlResult> {
  const started = Date.now();
  // Redirect hops of the main frame, so a refused one can be named.
  let navigationUrl = url.href;
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigationUrl = request.url();
  });

  let response: Response | null;
  try {
    response = await page.goto(url.href, { waitUntil: "domcontentloaded", timeout: Math.round(options.timeoutMs * 0.6) });
  } catch (error) {
    await vetUrl(navigationUrl, options.allowLoopback); // throws the refusal when that was the cause
    throw new Error(`Could not open ${url.host}: ${firstLine(error)}`, { cause: error });
  }
  const refusal = response?.headers()[REFUSED_HEADER];
  if (refusal !== undefined) {
    await vetUrl(navigationUrl, options.allowLoopback);
    throw new Error(`Could not open ${url.host}: ${refusal}`);
  }
  const unreachable = response?.headers()[UNREACHABLE_HEADER];
  if (unreachable !== undefined) throw new Error(`Could not open ${hostOf(navigationUrl)}: ${unreachable}`);

  // Images and styles finish loading; a page that never settles is taken as it is.
  const loadBudget = Math.round(options.timeoutMs * 0.75) - (Date.now() - started);
  if (loadBudget > 0) await page.waitForLoadState("load", { timeout: loadBudget }).catch(() => undefined);

  const shot = await capture(page, options);
  return { ...shot, finalUrl: page.url(), title: await page.title(), html: await page.content() };
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

const hostOf = (input: string): string => URL.parse(input)?.host ?? input;
