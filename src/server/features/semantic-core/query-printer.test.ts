import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { positiveTreeArb } from "./query-arbitraries.ts";
import type { TQueryNode } from "./query-ast.ts";
import { parseQuery } from "./query-parser.ts";
import { printQuery } from "./query-printer.ts";
import { QuerySyntaxError } from "./query-syntax-error.ts";

describe("printQuery", () => {
  it("writes uppercase operators and only the parentheses the tree needs", () => {
    expect(printQuery(parseQuery("(a ИЛИ b) c НЕ (d OR e) OR f NEAR/2 (g NEAR/03 h)"))).toBe(
      "(a OR b) AND c AND NOT (d OR e) OR f NEAR/2 (g NEAR/3 h)",
    );
    expect(printQuery(parseQuery("((a)) (b) NOT* C,th,fyr"))).toBe('a AND b AND NOT* AND "C,th,fyr"');
  });

  it("round-trips examples", () => {
    for (const query of [
      "(a OR b) AND c AND NOT (d OR e) OR f NEAR/2 (g NEAR/3 h)",
      'отзыв* AND NOT "спам \\"рассылка\\""',
      "a OR (b OR c)",
      "a AND (b AND c)",
      "NOT (NOT a) AND b",
      "(a AND b) NEAR/5 c",
    ]) {
      expect(printQuery(parseQuery(query))).toBe(query);
    }
  });

  it("writes a term that is not a plain word as a phrase", () => {
    expect(printQuery({ type: "term", value: "AND" })).toBe('"AND"');
    expect(printQuery({ type: "prefix", value: "a b" })).toBe('"a b"');
  });
});

describe("query properties", () => {
  it("(a) parse(print(tree)) equals the tree", () => {
    fc.assert(
      fc.property(positiveTreeArb(3), (tree: TQueryNode) => {
        expect(parseQuery(printQuery(tree))).toEqual(tree);
      }),
      { numRuns: 2000 },
    );
  });

  const queryAlphabet = fc.constantFrom(
    ..."ab яё*()\"\\-,/ 0123456789".split(""),
    "AND", "OR", "NOT", "И", "ИЛИ", "НЕ", "NEAR/", "NEAR/3", "NEAR", " ", "\t", "😀", "\u0301", "İ",
  );

  it("(b) the parser throws only QuerySyntaxError, on any string", () => {
    const check = (query: string) => {
      try {
        const tree = parseQuery(query);
        // Whatever parses also survives a round trip through the printer.
        expect(parseQuery(printQuery(tree))).toEqual(tree);
      } catch (error) {
        if (!(error instanceof QuerySyntaxError)) throw error;
        expect(error.position).toBeGreaterThanOrEqual(0);
        expect(error.position).toBeLessThanOrEqual(query.length);
        expect(error.column).toBe([...query.slice(0, error.position)].length + 1);
      }
    };
    fc.assert(fc.property(fc.string({ unit: queryAlphabet, maxLength: 40 }), check), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), check), { numRuns: 2000 });
  });
});
