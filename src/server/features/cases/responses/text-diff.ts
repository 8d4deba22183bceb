/**
 * A word-level diff between two response versions, for a reader to see what changed: runs of
 * equal, deleted and inserted text whose `equal` + `delete` parts spell the old text and whose
 * `equal` + `insert` parts spell the new one. Words, whitespace runs and single punctuation marks
 * are the units; the common head and tail are cut first, and a longest common subsequence is
 * computed over what is left (at most MAX_CELLS of its table, else the middle is one replacement).
 */
export type TDiffOp = { op: "equal" | "delete" | "insert"; text: string };

const TOKEN = /\s+|[\p{L}\p{N}\p{M}_]+|[^\s\p{L}\p{N}\p{M}_]/gu;
const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function diffWords(before: string, after: string): TDiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  const ops: TDiffOp[] = [];
  const push = (op: TDiffOp["op"], text: string) => {
    if (!text) return;
    const last = ops.at(-1);
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  push("equal", a.slice(0, head).join(""));
  for (const op of middle(midA, midB)) push(op.op, op.text);
  push("equal", a.slice(a.length - tail).join(""));
  return ops;
}

function middle(a: string[], b: string[]): TDiffOp[] {
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [
      { op: "delete", text: a.join("") },
      { op: "insert", text: b.join("") },
    ];
  }
  // lcs[i][j] = LCS length of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const out: TDiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: "equal", text: a[i] ?? "" });
      i++;
      j++;
    } else if ((lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0)) {
      out.push({ op: "delete", text: a[i] ?? "" });
      i++;
    } else {
      out.push({ op: "insert", text: b[j] ?? "" });
      j++;
    }
  }
  while (i < a.length) out.push({ op: "delete", text: a[i++] ?? "" });
  while (j < b.length) out.push({ op: "insert", text: b[j++] ?? "" });
  return out;
}

/** How much changed, for a one-line summary ("+12 −3 words"). */
export function diffStats(ops: readonly TDiffOp[]): { insertedWords: number; deletedWords: number } {
  const words = (text: string) => tokenize(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
  let insertedWords = 0;
  let deletedWords = 0;
  for (const op of ops) {
    if (op.op === "insert") insertedWords += words(op.text);
    if (op.op === "delete") deletedWords += words(op.text);
  }
  return { insertedWords, deletedWords };
}
