import { htmlToText } from "../../ingest/html-to-text.ts";

/**
 * Is the approved answer on the page? Both sides are reduced to what a reader sees (HTML to
 * text, entities decoded) with every run of whitespace — line breaks and no-break spaces
 * included — made one space, and typographic quotes and dashes made plain, since platforms
 * re-typeset answers. Letter case is kept: a page that shows the text shows it as written.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u00a0\u200b\u2028\u2029]+/g, " ")
    .trim();
}

export function pageHasText(page: string, isHtml: boolean, answer: string): boolean {
  const wanted = normalizeForMatch(answer);
  if (!wanted) return false;
  return normalizeForMatch(isHtml ? htmlToText(page) : page).includes(wanted);
}
