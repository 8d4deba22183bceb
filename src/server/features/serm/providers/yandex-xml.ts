import type { TSerpItem, TSerpPage } from "./collect-pages.ts";
import { SerpProviderError, type TSerpErrorKind } from "./provider.ts";
import { type TXmlElement, childElements, firstChild, parseXml, path, textOf } from "./xml-tree.ts";

/**
 * Yandex's XML result format (`<yandexsearch>`), as Yandex Search API returns it (v2 inside
 * `rawData`) and as the Russian XML proxies (xmlstock, XMLRiver) relay it:
 * - each `<group>` is one place in the results, in order; its first `<doc>` is the result;
 * - XMLRiver marks non-organic blocks with `<contenttype>video</contenttype>` (and the like):
 *   only `organic` or unmarked groups are results;
 * - `<error code="15">` means the engine found nothing: an empty page, not a failure;
 * - any other `<error>` is classified by its code (reference/error-codes.md of Yandex Search API).
 */
export type TYandexXmlOptions = {
  providerName: string;
  /** Groups asked for on this page; fewer back means the engine has no more. */
  groupsOnPage: number;
  /** Codes the caller knows beyond Yandex's own (a proxy's balance or key errors). */
  classifyError?: (code: string, message: string) => TSerpErrorKind | undefined;
};

export const YANDEX_NO_RESULTS = "15";

/** Yandex Search API error codes → kinds; `field` where the code is about one request field. */
const YANDEX_ERROR_KINDS: Readonly<Record<string, { kind: TSerpErrorKind; field?: string }>> = {
  "1": { kind: "bad_request", field: "query" }, // query syntax error
  "2": { kind: "bad_request", field: "query" }, // empty query
  "18": { kind: "bad_request" }, // invalid parameters, or a page past position 1000
  "19": { kind: "bad_request" }, // incompatible parameters
  "20": { kind: "upstream" }, // unknown error
  "31": { kind: "auth" }, // folder not registered with Search API
  "32": { kind: "quota" }, // daily limit exceeded
  "33": { kind: "auth" }, // IP address not allowed
  "37": { kind: "bad_request" }, // missing or mutually exclusive parameters
  "42": { kind: "auth" }, // key failed authentication or lacks the role
  "44": { kind: "auth" }, // IP address no longer supported
  "48": { kind: "auth" }, // search type differs from the registered one
  "55": { kind: "rate_limited" }, // requests per second exceeded
  "100": { kind: "upstream" }, // taken for a robot (captcha)
};

export function readYandexXml(xml: string, options: TYandexXmlOptions): TSerpPage {
  const name = options.providerName;
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new SerpProviderError("markup_changed", `${name}: ${parsed.reason}`);
  if (parsed.root.name !== "yandexsearch") {
    throw new SerpProviderError("markup_changed", `${name}: expected <yandexsearch>, got <${parsed.root.name}>`);
  }
  const response = firstChild(parsed.root, "response");
  if (!response) throw new SerpProviderError("markup_changed", `${name}: the XML has no <response>`);
  const requestId = textOf(firstChild(response, "reqid")) || undefined;

  const error = firstChild(response, "error");
  if (error) {
    const code = error.attrs.code ?? "";
    if (code === YANDEX_NO_RESULTS) return withOptional({ items: [], isLast: true }, { requestId, totalFound: 0 });
    throw yandexXmlError(code, textOf(error), options);
  }

  const groups = childElements(path(response, "results", "grouping") ?? emptyElement, "group");
  const items: TSerpItem[] = [];
  for (const group of groups) {
    const item = groupToItem(group, name);
    if (item) items.push(item);
  }
  return withOptional({ items, isLast: groups.length < options.groupsOnPage }, { requestId, totalFound: foundAll(response) });
}

/** The error an `<error code>` stands for; the message is Yandex's own text (no key in it). */
export function yandexXmlError(code: string, message: string, options: TYandexXmlOptions): SerpProviderError {
  const known = YANDEX_ERROR_KINDS[code];
  const kind = known?.kind ?? options.classifyError?.(code, message) ?? "upstream";
  const text = `${options.providerName}: error ${code || "without a code"}${message ? ` (${message})` : ""}`;
  return new SerpProviderError(kind, text, { providerCode: code || undefined, field: known?.field });
}

const emptyElement: TXmlElement = { name: "", attrs: {}, children: [] };

function groupToItem(group: TXmlElement, providerName: string): TSerpItem | undefined {
  const doc = firstChild(group, "doc");
  if (!doc) throw new SerpProviderError("markup_changed", `${providerName}: a <group> without a <doc>`);
  const contentType = textOf(firstChild(doc, "contenttype") ?? firstChild(group, "contenttype"));
  if (contentType && contentType !== "organic") return undefined;
  const url = textOf(firstChild(doc, "url"));
  if (!url) throw new SerpProviderError("markup_changed", `${providerName}: a <doc> without a <url>`);
  const passages = childElements(firstChild(doc, "passages") ?? emptyElement, "passage").map(textOf).filter(Boolean);
  const snippet = passages.length > 0 ? passages.join(" ") : textOf(firstChild(doc, "headline"));
  return { url, title: textOf(firstChild(doc, "title")), snippet };
}

/** `<found priority="all">` of the response: the engine's estimate of matching documents. */
function foundAll(response: TXmlElement): number | undefined {
  const found = childElements(response, "found");
  const all = found.find((f) => f.attrs.priority === "all") ?? found[0];
  const n = Number(textOf(all));
  return all && Number.isFinite(n) ? n : undefined;
}

function withOptional(page: TSerpPage, extra: { requestId?: string; totalFound?: number }): TSerpPage {
  if (extra.requestId !== undefined) page.requestId = extra.requestId;
  if (extra.totalFound !== undefined) page.totalFound = extra.totalFound;
  return page;
}
