import type { BrowserContext } from "playwright-core";
import { FetchRefusedError, vetHost } from "../guarded-fetch.ts";
import { REFUSED_HEADER } from "./ssrf-proxy.ts";

/**
 * page.route for every request of a context: the first check, with a clear reason, before
 * Chromium opens anything. (Redirect hops are not routed by Playwright; the SSRF proxy covers
 * those, and pins the address.) A document given here is served from memory at its URL, so a
 * saved HTML page renders at its own address without any request leaving the machine.
 */
export type TGuardOptions = {
  /** false: nothing but the document goes out (data: URIs never reach the network anyway). */
  network: boolean;
  allowLoopback?: boolean | readonly string[];
  document?: { url: string; html: string };
};

export type TRequestGuard = { readonly refused: readonly FetchRefusedError[] };

const VET_TIMEOUT_MS = 10_000;

export async function guardRequests(context: BrowserContext, options: TGuardOptions): Promise<TRequestGuard> {
  const refused: FetchRefusedError[] = [];
  let documentServed = false;
  await context.route("**/*", async (route) => {
    const request = route.request();
    try {
      if (options.document && !documentServed && request.isNavigationRequest() && sameUrl(request.url(), options.document.url)) {
        documentServed = true;
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: options.document.html });
        return;
      }
      if (!options.network) throw new FetchRefusedError("blocked_address", hostOf(request.url()), "this rendering is offline");
      await vetUrl(request.url(), options.allowLoopback);
      await route.continue();
    } catch (error) {
      if (error instanceof FetchRefusedError) refused.push(error);
      // An aborted navigation would put Chromium's error page in place of the document (a meta
      // refresh would blank a saved page); 204 No Content keeps what is shown, as browsers do.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/[^\x20-\x7e]/g, "?");
      const refuse = request.isNavigationRequest()
        ? route.fulfill({ status: 204, headers: { [REFUSED_HEADER]: reason } })
        : route.abort("blockedbyclient");
      await refuse.catch(() => undefined);
    }
  });
  return { refused };
}

/** guardedFetch's rules for one URL: http(s) only, every address of the host public. */
export async function vetUrl(input: string, allowLoopback: boolean | readonly string[] | undefined): Promise<URL> {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new FetchRefusedError("bad_scheme", "(unparseable URL)", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchRefusedError("bad_scheme", url.host || `a ${url.protocol} URL`, `only http and https are fetched, not ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  try {
    await vetHost(host, { allowLoopback }, AbortSignal.timeout(VET_TIMEOUT_MS));
  } catch (error) {
    if (error instanceof FetchRefusedError) throw error;
    throw new FetchRefusedError("timeout", host, `the name did not resolve within ${VET_TIMEOUT_MS} ms`, { cause: error });
  }
  return url;
}

function sameUrl(a: string, b: string): boolean {
  const strip = (u: string) => u.replace(/#.*$/, "");
  try {
    return strip(new URL(a).href) === strip(new URL(b).href);
  } catch {
    return false;
  }
}

function hostOf(input: string): string {
  try {
    return new URL(input).host || input.slice(0, input.indexOf(":") + 1);
  } catch {
    return "(unparseable URL)";
  }
}
