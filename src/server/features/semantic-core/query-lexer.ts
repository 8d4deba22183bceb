import { AND_WORDS, MAX_NEAR_DISTANCE, NEAR_WORD, NOT_WORDS, OR_WORDS } from "./query-ast.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";
import { hasWordChar, isWordChar, tokenize } from "./text-normalize.ts";

export type TLexToken = { position: number; raw: string } & (
  | { kind: "and" | "or" | "not" | "open" | "close" | "end" }
  | { kind: "near"; distance: number }
  | { kind: "term" | "prefix"; value: string }
  | { kind: "phrase"; text: string }
);

const SEPARATOR = /[\s()"]/u;
const QUOTE_HINT = 'put a phrase in "quotes" to search punctuation; use OR to list alternatives';

/** Reads one token at a time, so a lexical error is reported only once the parser reaches it. */
export class QueryLexer {
  private offset = 0;
  private ahead: TLexToken | undefined;

  constructor(private readonly query: string) {}

  peek(): TLexToken {
    this.ahead ??= this.read();
    return this.ahead;
  }

  next(): TLexToken {
    const token = this.peek();
    this.ahead = undefined;
    return token;
  }

  private read(): TLexToken {
    const { query } = this;
    while (this.offset < query.length && /\s/u.test(query.charAt(this.offset))) this.offset++;
    const position = this.offset;
    if (position >= query.length) return { kind: "end", position, raw: "" };
    const char = query.charAt(position);
    if (char === "(") return this.single("open", position);
    if (char === ")") return this.single("close", position);
    if (char === '"') return this.readPhrase(position);
    let end = position;
    while (end < query.length && !SEPARATOR.test(query.charAt(end))) end++;
    this.offset = end;
    return this.classifyWord(query.slice(position, end), position);
  }

  private single(kind: "open" | "close", position: number): TLexToken {
    this.offset = position + 1;
    return { kind, position, raw: this.query.charAt(position) };
  }

  private readPhrase(position: number): TLexToken {
    const { query } = this;
    let text = "";
    let at = position + 1;
    for (;;) {
      if (at >= query.length)
        throw new QuerySyntaxError(query, query.length, `a closing " for the phrase opened at position ${position}`, undefined);
      const char = query.charAt(at);
      if (char === '"') break;
      // Only \" and \\ are escapes; any other backslash is kept, so Windows-like text survives.
      const escaped = query.charAt(at + 1);
      if (char === "\\" && (escaped === '"' || escaped === "\\")) {
        text += escaped;
        at += 2;
      } else {
        text += char;
        at += 1;
      }
    }
    this.offset = at + 1;
    const raw = query.slice(position, this.offset);
    if (!hasWordChar(text)) throw new QuerySyntaxError(query, position, "a letter or digit inside the phrase", raw);
    return { kind: "phrase", position, raw, text };
  }

  private classifyWord(raw: string, position: number): TLexToken {
    const { query } = this;
    if (AND_WORDS.includes(raw)) return { kind: "and", position, raw };
    if (OR_WORDS.includes(raw)) return { kind: "or", position, raw };
    if (NOT_WORDS.includes(raw)) return { kind: "not", position, raw };
    if (raw === NEAR_WORD || raw.startsWith(`${NEAR_WORD}/`)) {
      const digits = raw.slice(NEAR_WORD.length + 1);
      const at = position + NEAR_WORD.length + 1;
      if (raw === NEAR_WORD) throw new QuerySyntaxError(query, position, "a distance, as in NEAR/5", `"${raw}"`);
      const distance = /^\d{1,4}$/.test(digits) ? Number(digits) : Number.NaN;
      if (!(distance >= 1 && distance <= MAX_NEAR_DISTANCE))
        throw new QuerySyntaxError(
          query,
          at,
          `a distance from 1 to ${MAX_NEAR_DISTANCE} after NEAR/`,
          digits === "" ? "nothing" : `"${digits}"`,
        );
      return { kind: "near", position, raw, distance };
    }
    const first = String.fromCodePoint(raw.codePointAt(0) ?? 0);
    if (!isWordChar(first))
      throw new QuerySyntaxError(query, position, "a term", `"${first}"`, {
        hint: first === "-" ? "to exclude a word write NOT word" : QUOTE_HINT,
      });
    const star = raw.indexOf("*");
    if (star !== -1 && star !== raw.length - 1)
      throw new QuerySyntaxError(query, position + star + 1, 'the end of the word after "*"', `"${raw.charAt(star + 1)}"`);
    const core = star === -1 ? raw : raw.slice(0, -1);
    const { starts, ends } = tokenize(core);
    const lastEnd = ends[ends.length - 1] ?? 0;
    if (lastEnd !== core.length)
      throw new QuerySyntaxError(
        query,
        position + lastEnd,
        "a letter or digit",
        `"${core.charAt(lastEnd)}"`,
        { hint: QUOTE_HINT },
      );
    if (starts.length === 1) return { kind: star === -1 ? "term" : "prefix", position, raw, value: core };
    if (star !== -1)
      throw new QuerySyntaxError(query, position + star, '"*" only after a plain word of letters and digits', `"${core}*"`);
    // `coca-cola`, `C,th,fyr`: punctuation between letters makes an implicit exact phrase.
    return { kind: "phrase", position, raw, text: core };
  }
}

/** One word of letters and digits: what may stand bare in a query (as a term, if not an operator). */
export function isPlainWord(value: string): boolean {
  const { starts, ends } = tokenize(value);
  return starts.length === 1 && starts[0] === 0 && ends[0] === value.length;
}
