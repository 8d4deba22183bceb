import type { TConfig } from "../../../config.ts";
import type { TConfirmationStatus } from "../../../db/schema/cases.ts";
import { FetchRefusedError, guardedFetch } from "../../../lib/guarded-fetch.ts";
import { invalid } from "../../../lib/errors.ts";
import { pageHasText } from "./page-has-text.ts";

/**
 * Fetches the page a specialist says holds the published answer (guarded fetch: public
 * addresses only, size and time limits) and looks for the approved text on it. An address the
 * guard refuses is the person's mistake (400); a page that does not answer is `fetch_failed`.
 */
export type TPageCheck = { status: TConfirmationStatus; finalUrl: string; httpStatus: number | null; detail: string | null };

const PAGE_MAX_BYTES = 5 * 1024 * 1024;

export async function checkPublishedPage(config: Pick<TConfig, "fetchAllowLoopback" | "fetchContactUrl">, url: string, text: string): Promise<TPageCheck> {
  try {
    const res = await guardedFetch(url, {
      headers: { accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5" },
      maxBytes: PAGE_MAX_BYTES,
      timeoutMs: 20_000,
      contactUrl: config.fetchContactUrl,
      allowLoopback: config.fetchAllowLoopback,
    });
    if (res.status < 200 || res.status >= 300) return { status: "fetch_failed", finalUrl: res.url, httpStatus: res.status, detail: `HTTP ${res.status}` };
    const type = res.headers.get("content-type") ?? "";
    const isHtml = !/^text\/plain/i.test(type);
    return { status: pageHasText(res.text(), isHtml, text) ? "confirmed" : "not_found", finalUrl: res.url, httpStatus: res.status, detail: null };
  } catch (error) {
    if (!(error instanceof FetchRefusedError)) throw error;
    if (error.code === "blocked_address" || error.code === "bad_scheme") throw invalid("url", error.message);
    return { status: "fetch_failed", finalUrl: url, httpStatus: null, detail: error.message };
  }
}
