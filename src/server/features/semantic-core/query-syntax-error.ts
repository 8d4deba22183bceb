import { AppError } from "../../lib/errors.ts";

/**
 * The only error the query parser throws. It is an `AppError` (validation_failed) so an HTTP
 * route can let it through as a 400 naming the field; `position` lets a UI put a caret under it.
 */
export class QuerySyntaxError extends AppError {
  /** 0-based UTF-16 index into the query (the JS string index). */
  readonly position: number;
  /** 1-based, counted in characters (code points), as an editor shows columns. */
  readonly column: number;
  /** What would have been valid here, e.g. `")"` or `a term after AND`. */
  readonly expected: string;
  /** What stood there instead; undefined at the end of the query. */
  readonly found: string | undefined;

  constructor(
    query: string,
    position: number,
    expected: string,
    found: string | undefined,
    wording: { message?: string; hint?: string } = {},
  ) {
    const base =
      wording.message ??
      (found === undefined
        ? `unexpected end of query: expected ${expected}`
        : `expected ${expected} at position ${position}, found ${found}`);
    const text = wording.hint ? `${base} (${wording.hint})` : base;
    super("validation_failed", text, { fields: [{ path: "query", message: text }] });
    this.name = "QuerySyntaxError";
    this.position = position;
    this.column = [...query.slice(0, position)].length + 1;
    this.expected = expected;
    this.found = found;
  }
}
