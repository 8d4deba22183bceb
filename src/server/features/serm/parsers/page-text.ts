import type { Cheerio } from "cheerio";

/** A DOM node as cheerio hands it out (text, element, comment, document). */
export type TDomNode = ReturnType<Cheerio<never>["contents"]>[number];

/** Elements that start a new line when rendered: their text is kept apart from their neighbours'. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "footer", "h1", "h2", "h3", "h4",
  "h5", "h6", "header", "hr", "li", "ol", "p", "section", "table", "td", "th", "tr", "ul",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/**
 * Whitespace collapsed, the invisible marks engines put around numbers (LRM, zero-width space,
 * soft hyphen) dropped, NBSP made a space.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u00ad\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** The text a reader sees: block elements separated by a space, scripts and styles left out. */
export function visibleText(nodes: ArrayLike<TDomNode>): string {
  const parts: string[] = [];
  const walk = (node: TDomNode) => {
    if (node.nodeType === 3) parts.push(node.data);
    else if ("children" in node) {
      const name = "name" in node ? node.name : "";
      if (SKIP.has(name)) return;
      const block = BLOCK.has(name);
      if (block) parts.push(" ");
      for (const child of node.children) walk(child);
      if (block) parts.push(" ");
    }
  };
  for (const node of Array.from(nodes)) walk(node);
  return cleanText(parts.join(""));
}
