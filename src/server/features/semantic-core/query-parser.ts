import type { TQueryNode } from "./query-ast.ts";
import { QueryLexer, type TLexToken } from "./query-lexer.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";

/** Long enough for a semantic core of a few hundred variants joined with OR. */
export const MAX_QUERY_LENGTH = 20_000;
/** Parentheses deeper than this are a typo, and unbounded recursion would overflow the stack. */
export const MAX_NESTING = 64;

/**
 * A parsed piece with what the checks above it need: where it can match without finding
 * anything (a bare NOT), and where it contains a NOT (forbidden inside NEAR).
 */
type TParsed = { node: TQueryNode; negativeAt: number | undefined; notAt: number | undefined };

/**
 * Grammar, loosest first (NEAR binds tightest):
 *   query   := or END
 *   or      := and (OR and)*
 *   and     := unary ((AND)? unary)*        -- adjacent terms are an implicit AND
 *   unary   := NOT near | near
 *   near    := primary (NEAR/n primary)*    -- left-associative
 *   primary := word | prefix* | "phrase" | ( or )
 * A query must find something: one that could match by NOT alone (`NOT spam`, `a OR NOT b`) is
 * rejected, so every match has at least one highlight.
 */
export function parseQuery(query: string): TQueryNode {
  if (query.length > MAX_QUERY_LENGTH)
    throw new QuerySyntaxError(query, MAX_QUERY_LENGTH, `a query of at most ${MAX_QUERY_LENGTH} characters`, "more");
  if (query.trim() === "") throw new QuerySyntaxError(query, 0, "a term", undefined, { message: "empty query: expected a term" });
  const parser = new Parser(query);
  return parser.parse();
}

class Parser {
  private readonly lexer: QueryLexer;
  private depth = 0;

  constructor(private readonly query: string) {
    this.lexer = new QueryLexer(query);
  }

  parse(): TQueryNode {
    const result = this.parseOr("a term");
    const rest = this.lexer.peek();
    if (rest.kind === "close")
      throw new QuerySyntaxError(this.query, rest.position, "the end of the query", '")"', {
        message: `unexpected ")" at position ${rest.position}: no "(" to close`,
      });
    if (rest.kind !== "end") throw this.unexpected(rest, "the end of the query");
    if (result.negativeAt !== undefined)
      throw new QuerySyntaxError(
        this.query,
        result.negativeAt,
        "a term to find",
        "NOT",
        {
          message: `the query has nothing to find: the NOT at position ${result.negativeAt} would match every text without its term`,
          hint: "join it to a term with AND, e.g. банк AND NOT спам",
        },
      );
    return result.node;
  }

  private parseOr(expected: string): TParsed {
    const parts = [this.parseAnd(expected)];
    for (let token = this.lexer.peek(); token.kind === "or"; token = this.lexer.peek()) {
      this.lexer.next();
      parts.push(this.parseAnd(`a term after ${token.raw}`));
    }
    const first = parts[0] as TParsed;
    if (parts.length === 1) return first;
    return {
      node: { type: "or", operands: parts.map((p) => p.node) },
      // OR can match through any branch, so one negative branch makes the whole OR negative.
      negativeAt: parts.find((p) => p.negativeAt !== undefined)?.negativeAt,
      notAt: parts.find((p) => p.notAt !== undefined)?.notAt,
    };
  }

  private parseAnd(expected: string): TParsed {
    const parts = [this.parseUnary(expected)];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === "and") {
        this.lexer.next();
        parts.push(this.parseUnary(`a term after ${token.raw}`));
      } else if (startsOperand(token)) {
        parts.push(this.parseUnary("a term"));
      } else break;
    }
    const first = parts[0] as TParsed;
    if (parts.length === 1) return first;
    const positive = parts.some((p) => p.negativeAt === undefined);
    return {
      node: { type: "and", operands: parts.map((p) => p.node) },
      negativeAt: positive ? undefined : first.negativeAt,
      notAt: parts.find((p) => p.notAt !== undefined)?.notAt,
    };
  }

  private parseUnary(expected: string): TParsed {
    const token = this.lexer.peek();
    if (token.kind !== "not") return this.parseNear(expected);
    this.lexer.next();
    const after = this.lexer.peek();
    if (after.kind === "not") throw this.unexpected(after, `a term after ${token.raw}`);
    const operand = this.parseNear(`a term after ${token.raw}`);
    return { node: { type: "not", operand: operand.node }, negativeAt: token.position, notAt: token.position };
  }

  private parseNear(expected: string): TParsed {
    let left = this.parsePrimary(expected);
    for (let token = this.lexer.peek(); token.kind === "near"; token = this.lexer.peek()) {
      this.lexer.next();
      const right = this.parsePrimary(`a term after ${token.raw}`);
      // Proximity needs positions on both sides; a NOT has none.
      const notAt = left.notAt ?? right.notAt;
      if (notAt !== undefined)
        throw new QuerySyntaxError(this.query, notAt, "a term without NOT inside a NEAR operand", "NOT");
      left = {
        node: { type: "near", distance: token.distance, left: left.node, right: right.node },
        negativeAt: undefined,
        notAt: undefined,
      };
    }
    return left;
  }

  private parsePrimary(expected: string): TParsed {
    const token = this.lexer.next();
    switch (token.kind) {
      case "term":
      case "prefix":
        return { node: { type: token.kind, value: token.value }, negativeAt: undefined, notAt: undefined };
      case "phrase":
        return { node: { type: "phrase", text: token.text }, negativeAt: undefined, notAt: undefined };
      case "open": {
        if (this.depth >= MAX_NESTING)
          throw new QuerySyntaxError(this.query, token.position, `at most ${MAX_NESTING} nested parentheses`, '"("');
        this.depth++;
        const inner = this.parseOr('a term after "("');
        this.depth--;
        const close = this.lexer.next();
        if (close.kind !== "close") throw this.unexpected(close, `")" to close the "(" at position ${token.position}`);
        return inner;
      }
      default:
        throw this.unexpected(token, expected);
    }
  }

  private unexpected(token: TLexToken, expected: string): QuerySyntaxError {
    return new QuerySyntaxError(this.query, token.position, expected, token.kind === "end" ? undefined : describe(token));
  }
}

function startsOperand(token: TLexToken): boolean {
  return token.kind === "term" || token.kind === "prefix" || token.kind === "phrase" || token.kind === "open" || token.kind === "not";
}

function describe(token: TLexToken): string {
  if (token.kind === "term" || token.kind === "prefix" || token.kind === "phrase" || token.kind === "open" || token.kind === "close")
    return `"${token.raw}"`;
  return token.raw;
}
