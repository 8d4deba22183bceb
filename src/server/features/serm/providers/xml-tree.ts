import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * XML read into a small ordered tree. Yandex XML mixes text and markup (`<title><hlword>Brand
 * </hlword> reviews</title>`), so fast-xml-parser runs with `preserveOrder`; values stay strings
 * (a title "2024" must not become a number) and whitespace is kept until text is collapsed.
 */
export type TXmlElement = { name: string; attrs: Record<string, string>; children: TXmlNode[] };
export type TXmlNode = TXmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
});

export type TXmlParseResult = { ok: true; root: TXmlElement } | { ok: false; reason: string };

/** The document's root element, or why there is none. */
export function parseXml(xml: string): TXmlParseResult {
  const body = xml.replace(/^\uFEFF/, "").trim();
  if (!body.startsWith("<")) return { ok: false, reason: "the answer is not XML" };
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { ok: false, reason: `the XML is malformed (${valid.err.msg})` };
  const root = toNodes(parser.parse(body)).find((node): node is TXmlElement => typeof node !== "string" && !node.name.startsWith("?"));
  return root ? { ok: true, root } : { ok: false, reason: "the XML has no root element" };
}

export function childElements(element: TXmlElement, name?: string): TXmlElement[] {
  return element.children.filter((c): c is TXmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function firstChild(element: TXmlElement | undefined, name: string): TXmlElement | undefined {
  return element ? childElements(element, name)[0] : undefined;
}

/** First element at a path of child names (`path(root, "response", "results")`). */
export function path(element: TXmlElement | undefined, ...names: string[]): TXmlElement | undefined {
  let current = element;
  for (const name of names) current = firstChild(current, name);
  return current;
}

/** All text inside, markup dropped, whitespace collapsed. */
export function textOf(element: TXmlElement | undefined): string {
  if (!element) return "";
  return rawText(element).replace(/\s+/g, " ").trim();
}

function rawText(element: TXmlElement): string {
  return element.children.map((c) => (typeof c === "string" ? c : rawText(c))).join("");
}

/** fast-xml-parser's ordered output: `[{tag: [...children], ":@": {attrs}}, {"#text": "..."}]`. */
function toNodes(value: unknown): TXmlNode[] {
  if (!Array.isArray(value)) return [];
  const nodes: TXmlNode[] = [];
  for (const entry of value as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    for (const [key, content] of Object.entries(record)) {
      if (key === ":@") continue;
      if (key === "#text") nodes.push(String(content));
      else nodes.push({ name: key, attrs: toAttrs(record[":@"]), children: toNodes(content) });
    }
  }
  return nodes;
}

function toAttrs(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}
