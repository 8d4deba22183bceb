import { stripCodeFences } from "./markdown-fence.ts";

/**
 * A model's reply draft made into plain text that fits the platform: no code fences, no
 * "Reply:" label, no quotes around the whole text, no markdown emphasis or headings (review
 * sites show them literally), and at most `maxLength` characters (code points) — cut at the
 * last sentence end when one is near, else at a word with "…".
 */
export type TSanitizedDraft = { text: string; truncated: boolean };

const LABEL = /^(?:reply|response|answer|draft|ответ|черновик(?: ответа)?)\s*:\s*/iu;
const QUOTES: readonly [string, string][] = [
  ['"', '"'],
  ["«", "»"],
  ["“", "”"],
  ["'", "'"],
];

export function sanitizeDraft(raw: string, maxLength: number, options: { cutMidSentence?: boolean } = {}): TSanitizedDraft {
  let text = stripCodeFences(raw.replace(/\r\n?/g, "\n"));
  text = text.replace(LABEL, "");
  text = unquote(text.trim());
  text = text
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/\*\*(.+?)\*\*/gs, "$1")
    .replace(/__(.+?)__/gs, "$1")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const chars = Array.from(text);
  if (chars.length <= maxLength && !options.cutMidSentence) return { text, truncated: false };
  return cut(chars, maxLength, options.cutMidSentence === true);
}

function unquote(text: string): string {
  for (const [open, close] of QUOTES) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close) && !text.slice(1, -1).includes(close)) return text.slice(1, -1).trim();
  }
  return text;
}

/**
 * The last full sentence within the limit if it keeps at least half of it; otherwise the last
 * whole word with "…". A text that fits is here only because the model was cut mid-sentence.
 */
function cut(all: readonly string[], maxLength: number, cutMidSentence: boolean): TSanitizedDraft {
  const tooLong = all.length > maxLength;
  const chars = all.slice(0, maxLength);
  const text = chars.join("");
  const sentenceEnd = lastSentenceEnd(text, tooLong ? all[maxLength] : undefined);
  if (sentenceEnd >= text.length * 0.5) {
    const kept = text.slice(0, sentenceEnd).trim();
    return { text: kept, truncated: tooLong || kept !== text.trim() };
  }
  if (!tooLong) return { text, truncated: cutMidSentence }; // no sentence end to fall back to: keep what came
  // Room for "…"; the head ends on a whole word when the character after it is a space.
  const head = chars.slice(0, -1).join("");
  const wholeWord = /\s/u.test(all[maxLength - 1] ?? " ");
  const space = head.search(/\s\S*$/u);
  const kept = wholeWord || space <= head.length * 0.6 ? head : head.slice(0, space);
  return { text: `${kept.trimEnd()}…`, truncated: true };
}

/**
 * Index just after the last ".", "!", "?" or "…" (with closing quotes/brackets) followed by a
 * space — or by the end, when what follows the cut (`next`) is a space or nothing.
 */
function lastSentenceEnd(text: string, next: string | undefined): number {
  let end = -1;
  for (const match of text.matchAll(/[.!?…]+["»”')\]]*(?=\s|$)/gu)) {
    const after = match.index + match[0].length;
    if (after < text.length || next === undefined || /\s/u.test(next)) end = after;
  }
  return end;
}
