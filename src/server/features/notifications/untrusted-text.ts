/**
 * Helpers for putting text we did not write (mention excerpts, authors, responses, brand names)
 * into e-mails and messages: escaping, flattening to one line, shortening, vetting links.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Safe in element content and in double- or single-quoted attributes (also Telegram's HTML mode). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

// C0/C1 controls (tab and newline handled by the callers), and the bidi embedding, override
// and isolate marks that can make a hostile text read backwards ("gpj.exe" → "exe.jpg").
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line: for names, subjects, headers. Every run of whitespace becomes one space. */
export function singleLine(text: string): string {
  return text.replace(CONTROLS, "").replace(/\s+/g, " ").trim();
}

/** Paragraphs kept (at most one blank line between them), everything else as in singleLine. */
export function multiLine(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROLS, "")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const ELLIPSIS = "…";

/**
 * At most `max` UTF-16 units, ending in "…" when shortened. Cuts between code points, never
 * inside a surrogate pair, and prefers the last word boundary when one is near.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const budget = max - ELLIPSIS.length;
  let cut = 0;
  for (const ch of text) {
    if (cut + ch.length > budget) break;
    cut += ch.length;
  }
  let head = text.slice(0, cut);
  // Mid-word: back up to the last space when that loses little.
  const space = /\s/.test(text[cut] ?? " ") ? -1 : head.search(/\s\S*$/);
  if (space > budget * 0.8) head = head.slice(0, space);
  return head.trimEnd() + ELLIPSIS;
}

/** The URL when it is an absolute http(s) URL, else null: nothing else becomes a link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
