/**
 * Marks over untrusted text, as data: the text is cut at the marked offsets and each piece is
 * rendered as a React text node (inside <mark> when marked), so nothing in a mention is ever
 * read as HTML.
 */
export type TMarkKind = "rule" | "search";
export type TMarkRange = { start: number; end: number; kind: TMarkKind };
export type TSegment = { text: string; marks: TMarkKind[] };

/** The text split at every range boundary; overlapping rule and search marks both apply. */
export function segments(text: string, ranges: readonly TMarkRange[]): TSegment[] {
  const valid = ranges
    .map((r) => ({ ...r, start: Math.max(0, Math.floor(r.start)), end: Math.min(text.length, Math.floor(r.end)) }))
    .filter((r) => r.end > r.start);
  if (valid.length === 0) return text ? [{ text, marks: [] }] : [];
  const cuts = new Set<number>([0, text.length]);
  for (const r of valid) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: TSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const marks = [...new Set(valid.filter((r) => r.start <= start && r.end >= end).map((r) => r.kind))].sort();
    const last = out.at(-1);
    const piece = text.slice(start, end);
    if (last && sameMarks(last.marks, marks)) last.text += piece;
    else out.push({ text: piece, marks });
  }
  return out;
}

function sameMarks(a: readonly TMarkKind[], b: readonly TMarkKind[]): boolean {
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

export type TWindow = { start: number; end: number };

/**
 * The parts of a long text shown while it is collapsed: its beginning, cut at a word boundary,
 * and — when no mark falls inside that — a short passage around the first mark, so the reader
 * always sees why the mention is here. A short text is shown whole.
 */
export function collapsedWindows(text: string, ranges: readonly { start: number; end: number }[], limit: number): TWindow[] {
  if (text.length <= limit * 1.2) return [{ start: 0, end: text.length }];
  const head = { start: 0, end: wordEnd(text, limit) };
  const first = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start)[0];
  if (!first || first.end <= head.end) return [head];
  const shortHead = { start: 0, end: wordEnd(text, Math.floor(limit / 2)) };
  const around = { start: wordStart(text, Math.max(shortHead.end, first.start - 100)), end: wordEnd(text, first.end + 100) };
  return around.start <= shortHead.end ? [{ start: 0, end: around.end }] : [shortHead, around];
}

/** Just before the last space at or before `i` (within 40 characters), else `i`. */
function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const space = text.lastIndexOf(" ", i);
  return space > i - 40 && space > 0 ? space : i;
}

/** Just after the first space at or after `i` (within 40 characters), else `i`. */
function wordStart(text: string, i: number): number {
  if (i <= 0) return 0;
  const space = text.indexOf(" ", i);
  return space !== -1 && space < i + 40 ? space + 1 : i;
}

/** Only web addresses are links; `javascript:`, `data:` and the like are shown as nothing. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.toString() : null;
  } catch {
    return null;
  }
}
