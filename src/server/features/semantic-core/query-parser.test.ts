import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors.ts";
import type { TQueryNode } from "./query-ast.ts";
import { MAX_NESTING, MAX_QUERY_LENGTH, parseQuery } from "./query-parser.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";

const t = (value: string): TQueryNode => ({ type: "term", value });
const p = (value: string): TQueryNode => ({ type: "prefix", value });
const ph = (text: string): TQueryNode => ({ type: "phrase", text });
const and = (...operands: TQueryNode[]): TQueryNode => ({ type: "and", operands });
const or = (...operands: TQueryNode[]): TQueryNode => ({ type: "or", operands });
const not = (operand: TQueryNode): TQueryNode => ({ type: "not", operand });
const near = (left: TQueryNode, distance: number, right: TQueryNode): TQueryNode => ({ type: "near", distance, left, right });

function syntaxError(query: string): QuerySyntaxError {
  try {
    parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} not to parse`);
}

describe("parseQuery: structure and precedence", () => {
  it.each<[string, TQueryNode]>([
    ["отзыв", t("отзыв")],
    ["достав*", p("достав")],
    ['"служба доставки"', ph("служба доставки")],
    ["a OR b AND c", or(t("a"), and(t("b"), t("c")))],
    ["a AND b OR c", or(and(t("a"), t("b")), t("c"))],
    ["a b OR c d", or(and(t("a"), t("b")), and(t("c"), t("d")))],
    ["a OR b OR c", or(t("a"), t("b"), t("c"))],
    ["a AND b c", and(t("a"), t("b"), t("c"))],
    ["NOT a b", and(not(t("a")), t("b"))],
    ["b NOT a", and(t("b"), not(t("a")))],
    ["b AND NOT a OR c", or(and(t("b"), not(t("a"))), t("c"))],
    ["b AND NOT (a OR c)", and(t("b"), not(or(t("a"), t("c"))))],
    ["a NEAR/3 b c", and(near(t("a"), 3, t("b")), t("c"))],
    ["a OR b NEAR/2 c", or(t("a"), near(t("b"), 2, t("c")))],
    ["c AND NOT a NEAR/2 b", and(t("c"), not(near(t("a"), 2, t("b"))))],
    ["a NEAR/1 b NEAR/2 c", near(near(t("a"), 1, t("b")), 2, t("c"))],
    ["a NEAR/1 (b NEAR/2 c)", near(t("a"), 1, near(t("b"), 2, t("c")))],
    ['"сбер банк" NEAR/5 "не работает"', near(ph("сбер банк"), 5, ph("не работает"))],
    ["(сбер OR sber) NEAR/4 обман*", near(or(t("сбер"), t("sber")), 4, p("обман"))],
    ["(a OR b) (c OR d)", and(or(t("a"), t("b")), or(t("c"), t("d")))],
    ["a OR (b OR c)", or(t("a"), or(t("b"), t("c")))],
    ["((a))", t("a")],
    ["  a\t\nb  ", and(t("a"), t("b"))],
  ])("%s", (query, tree) => {
    expect(parseQuery(query)).toEqual(tree);
  });

  it("takes operators in uppercase only, English or Russian; lowercase ones are words", () => {
    expect(parseQuery("a И b ИЛИ c И НЕ d")).toEqual(or(and(t("a"), t("b")), and(t("c"), not(t("d")))));
    expect(parseQuery("not and or")).toEqual(and(t("not"), t("and"), t("or")));
    expect(parseQuery("банк и не работает")).toEqual(and(t("банк"), t("и"), t("не"), t("работает")));
    expect(parseQuery('"AND" OR "NEAR"')).toEqual(or(ph("AND"), ph("NEAR")));
  });

  it("reads punctuation between letters as an implicit exact phrase", () => {
    expect(parseQuery("coca-cola")).toEqual(ph("coca-cola"));
    expect(parseQuery("C,th,fyr OR сбер")).toEqual(or(ph("C,th,fyr"), t("сбер")));
    expect(parseQuery("3.14")).toEqual(ph("3.14"));
  });

  it("keeps marks inside a word, unescapes \\\" and \\\\ in phrases and keeps other backslashes", () => {
    expect(parseQuery("отзы\u0301в")).toEqual(t("отзы\u0301в"));
    expect(parseQuery('"say \\"hi\\" \\\\ c:\\temp"')).toEqual(ph('say "hi" \\ c:\\temp'));
    expect(parseQuery('"\\"kmljhflj"')).toEqual(ph('"kmljhflj'));
  });

  it("reads ( ) and quotes as separators even without spaces", () => {
    expect(parseQuery('a(b)"c d"e')).toEqual(and(t("a"), t("b"), ph("c d"), t("e")));
  });

  it(`accepts ${MAX_NESTING} nested parentheses`, () => {
    expect(parseQuery(`${"(".repeat(MAX_NESTING)}a${")".repeat(MAX_NESTING)}`)).toEqual(t("a"));
  });
});

describe("parseQuery: syntax errors", () => {
  it.each<[query: string, position: number, message: RegExp]>([
    ["", 0, /^empty query: expected a term$/],
    ["   ", 0, /^empty query/],
    ["a AND", 5, /^unexpected end of query: expected a term after AND$/],
    ["a И", 3, /^unexpected end of query: expected a term after И$/],
    ["a OR", 4, /^unexpected end of query: expected a term after OR$/],
    ["NOT", 3, /^unexpected end of query: expected a term after NOT$/],
    ["NOT спам", 0, /^the query has nothing to find: the NOT at position 0/],
    ["НЕ спам", 0, /nothing to find/],
    ["NOT a AND NOT b", 0, /nothing to find/],
    ["a OR NOT b", 5, /NOT at position 5/],
    ["(NOT a) OR b", 1, /NOT at position 1/],
    ["(a", 2, /^unexpected end of query: expected "\)" to close the "\(" at position 0$/],
    ["((a) OR b", 9, /expected "\)" to close the "\(" at position 0$/],
    ["a)", 1, /^unexpected "\)" at position 1: no "\(" to close$/],
    ["(a))", 3, /^unexpected "\)" at position 3/],
    ["()", 1, /^expected a term after "\(" at position 1, found "\)"$/],
    [")", 0, /^expected a term at position 0, found "\)"$/],
    ["a AND AND b", 6, /^expected a term after AND at position 6, found AND$/],
    ["a AND OR b", 6, /^expected a term after AND at position 6, found OR$/],
    ["OR a", 0, /^expected a term at position 0, found OR$/],
    ["a AND )", 6, /^expected a term after AND at position 6, found "\)"$/],
    ["a NEAR/3", 8, /^unexpected end of query: expected a term after NEAR\/3$/],
    ["NEAR/3 a", 0, /^expected a term at position 0, found NEAR\/3$/],
    ["a NEAR/0 b", 7, /^expected a distance from 1 to 1000 after NEAR\/ at position 7, found "0"$/],
    ["a NEAR/1001 b", 7, /found "1001"$/],
    ["a NEAR/x b", 7, /found "x"$/],
    ["a NEAR/ b", 7, /found nothing$/],
    ["a NEAR b", 2, /^expected a distance, as in NEAR\/5 at position 2, found "NEAR"$/],
    ["(NOT a) NEAR/2 b", 1, /^expected a term without NOT inside a NEAR operand at position 1, found NOT$/],
    ["a NEAR/2 (b OR NOT c)", 15, /without NOT inside a NEAR operand/],
    ["NOT NOT a", 4, /^expected a term after NOT at position 4, found NOT$/],
    ['"abc', 4, /^unexpected end of query: expected a closing " for the phrase opened at position 0$/],
    ['a "', 3, /phrase opened at position 2$/],
    ['"a\\"', 4, /phrase opened at position 0$/],
    ['""', 0, /^expected a letter or digit inside the phrase at position 0, found ""$/],
    ['a "..."', 2, /inside the phrase at position 2, found "\.\.\."$/],
    ["-спам", 0, /^expected a term at position 0, found "-" \(to exclude a word write NOT word\)$/],
    ["сбер, банк", 4, /^expected a letter or digit at position 4, found ","/],
    ["a*b", 2, /^expected the end of the word after "\*" at position 2, found "b"$/],
    ["a**", 2, /found "\*"$/],
    ["*", 0, /^expected a term at position 0, found "\*"/],
    ["*abc", 0, /found "\*"/],
    ["coca-co*", 7, /^expected "\*" only after a plain word/],
    ['"abc"*', 5, /^expected a term at position 5, found "\*"/],
  ])("%j fails at position %i", (query, position, message) => {
    const error = syntaxError(query);
    expect(error.message).toMatch(message);
    expect(error.position).toBe(position);
    expect(error.column).toBe(position + 1);
  });

  it("counts columns in characters, positions in UTF-16 units", () => {
    const error = syntaxError('a "😀x" b)');
    expect(error.position).toBe(9);
    expect(error.column).toBe(9);
    expect(error.found).toBe('")"');
  });

  it("carries what was expected and what was found, and is a validation AppError", () => {
    const error = syntaxError("a AND");
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("validation_failed");
    expect(error.status).toBe(400);
    expect(error.expected).toBe("a term after AND");
    expect(error.found).toBeUndefined();
    expect(error.extra.fields).toEqual([{ path: "query", message: error.message }]);
  });

  it("limits nesting and length instead of overflowing the stack", () => {
    const deep = `${"(".repeat(MAX_NESTING + 1)}a${")".repeat(MAX_NESTING + 1)}`;
    expect(syntaxError(deep).position).toBe(MAX_NESTING);
    expect(syntaxError("(".repeat(10_000)).position).toBe(MAX_NESTING);
    const long = Array.from({ length: MAX_QUERY_LENGTH / 2 + 1 }, () => "a").join(" ");
    expect(syntaxError(long).message).toMatch(/at most 20000 characters/);
  });
});
