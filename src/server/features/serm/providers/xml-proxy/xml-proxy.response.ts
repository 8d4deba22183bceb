import type { TSerpPage } from "../collect-pages.ts";
import { SerpProviderError, type TSerpErrorKind } from "../provider.ts";
import { type TAnswer, retryAfterOf } from "../provider-http.ts";
import { readYandexXml } from "../yandex-xml.ts";

/**
 * A proxy answers with Yandex XML (HTTP 200 even for errors) and adds codes of its own for its
 * billing and keys, which differ from service to service and are not published in one place: a
 * code Yandex does not define is classified by its wording, and anything else stays `upstream`.
 */
export const XML_PROXY = "Yandex XML proxy";

const WORDING: readonly [RegExp, TSerpErrorKind][] = [
  [/баланс|недостаточно средств|оплат|тариф|balance|insufficient funds|payment|no credits/i, "quota"],
  [/лимит|слишком много запросов|частот|\blimit\b|too many requests|rate limit/i, "rate_limited"],
  [/ключ|пользовател|логин|авториз|доступ запрещ|\bkey\b|\buser\b|unauthori|access denied|\bip\b/i, "auth"],
];

export function classifyProxyError(_code: string, message: string): TSerpErrorKind | undefined {
  return WORDING.find(([pattern]) => pattern.test(message))?.[1];
}

export function readXmlProxyPage(res: TAnswer, now: Date, groupsOnPage: number): TSerpPage {
  if (res.status !== 200) {
    const message = `${XML_PROXY}: HTTP ${res.status}`;
    if (res.status === 401 || res.status === 403) throw new SerpProviderError("auth", message);
    if (res.status === 402) throw new SerpProviderError("quota", message);
    if (res.status === 429) throw new SerpProviderError("rate_limited", message, { retryAfterSeconds: retryAfterOf(res, now) });
    throw new SerpProviderError("upstream", message);
  }
  return readYandexXml(res.text(), { providerName: XML_PROXY, groupsOnPage, classifyError: classifyProxyError });
}
