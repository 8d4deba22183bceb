import { type TQueryNode, isOperatorWord } from "./query-ast.ts";
import { isPlainWord } from "./query-lexer.ts";

/**
 * Writes a tree back as query text that parses to the same tree: operators in uppercase English,
 * parentheses only where precedence or a nested chain of the same operator needs them.
 * A term or prefix whose value is not a plain word (which the parser never produces) is written
 * as a phrase, the closest literal reading.
 */
export function printQuery(node: TQueryNode): string {
  switch (node.type) {
    case "term":
      return isPlainWord(node.value) && !isOperatorWord(node.value) ? node.value : quotePhrase(node.value);
    case "prefix":
      // The star sets a prefix apart from an operator: `NOT*` is a prefix.
      return isPlainWord(node.value) ? `${node.value}*` : quotePhrase(node.value);
    case "phrase":
      return quotePhrase(node.text);
    case "not":
      return `NOT ${wrapIf(node.operand, ["and", "or", "not"])}`;
    case "and":
      return node.operands.map((operand) => wrapIf(operand, ["and", "or"])).join(" AND ");
    case "or":
      return node.operands.map((operand) => wrapIf(operand, ["or"])).join(" OR ");
    case "near":
      return `${wrapIf(node.left, ["and", "or", "not"])} NEAR/${node.distance} ${wrapIf(node.right, ["and", "or", "not", "near"])}`;
  }
}

/** `"…"` with `"` and `\` escaped, the only two escapes the lexer knows. */
export function quotePhrase(text: string): string {
  return `"${text.replace(/["\\]/g, "\\$&")}"`;
}

function wrapIf(node: TQueryNode, types: TQueryNode["type"][]): string {
  const text = printQuery(node);
  return types.includes(node.type) ? `(${text})` : text;
}
