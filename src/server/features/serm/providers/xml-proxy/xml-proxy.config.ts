import { z } from "zod";

/**
 * A Yandex-XML-compatible proxy: xmlstock (`https://xmlstock.com/yandex/xml/`, through Yandex
 * Search API), XMLRiver (`https://xmlriver.com/search_yandex/xml` for the live SERP,
 * `…/yandex/xml` through Search API) or any service answering Yandex XML to `user`, `key`,
 * `query`, `lr`, `groupby`, `page`. Live SERPs come a page of ten at a time; Search API based
 * endpoints can return the whole depth in one call through `groupby` (`pagination: "groupby"`).
 */
export const XMLSTOCK_ENDPOINT = "https://xmlstock.com/yandex/xml/";

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL" });

export const xmlProxyConfigSchema = z.strictObject({
  endpoint: httpUrl.default(XMLSTOCK_ENDPOINT),
  user: z.string().trim().min(1, "the user id is required"),
  key: z.string().trim().min(1, "the API key is required"),
  pagination: z.enum(["pages", "groupby"]).default("pages"),
  /** The number of the first result page: 0 as in Yandex XML, 1 for services that count from one. */
  firstPage: z.union([z.literal(0), z.literal(1)]).default(0),
  /** Yandex's family filter; reputation work needs to see everything. */
  filter: z.enum(["none", "moderate", "strict"]).default("none"),
});

export type TXmlProxyConfig = z.infer<typeof xmlProxyConfigSchema>;
