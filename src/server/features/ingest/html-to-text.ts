import { Parser } from "htmlparser2";

/**
 * Plain text from an HTML fragment (a feed item's description, a VK post with links, a
 * banki.ru review): the words a reader sees, with paragraph and line breaks kept as newlines,
 * entities decoded, scripts and styles dropped. The text is then stored and matched; the HTML
 * is never rendered anywhere.
 */
const BLOCK = new Set([
  "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
  "blockquote", "pre", "section", "article", "header", "footer", "hr", "dd", "dt", "figcaption",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "svg"]);

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapse(html);
  let out = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name)) out += "\n";
      },
      ontext(text) {
        if (skipping === 0) out += text;
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && name !== "br" && name !== "hr") out += "\n";
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapse(out);
}

/** Spaces within lines collapsed, at most one blank line in a row, no padding. */
function collapse(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\f\v \u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
