/**
 * The parsed form of a semantic-core query. Positions are deliberately not part of the tree, so
 * two parses of equivalent text compare equal and the printer can round-trip any tree.
 */

/** A word matched by morphology (snowball stem in the word's own language). */
export type TTermNode = { type: "term"; value: string };
/** `достав*`: any word whose normalized form starts with `value`; no stemming. */
export type TPrefixNode = { type: "prefix"; value: string };
/** `"exact phrase"`: consecutive words in exactly these forms; `text` is what stood between the quotes, unescaped. */
export type TPhraseNode = { type: "phrase"; text: string };
export type TLeafNode = TTermNode | TPrefixNode | TPhraseNode;

export type TNotNode = { type: "not"; operand: TQueryNode };
/** Chains of one operator are flat (`a OR b OR c` is one node); parentheses keep nesting. */
export type TAndNode = { type: "and"; operands: TQueryNode[] };
export type TOrNode = { type: "or"; operands: TQueryNode[] };
/** Both sides match within `distance` words of each other, in either order. */
export type TNearNode = { type: "near"; distance: number; left: TQueryNode; right: TQueryNode };

export type TQueryNode = TLeafNode | TNotNode | TAndNode | TOrNode | TNearNode;

/** Written uppercase only: lowercase `and`, `or`, `not`, `и`, `не` stay searchable words. */
export const AND_WORDS: readonly string[] = ["AND", "И"];
export const OR_WORDS: readonly string[] = ["OR", "ИЛИ"];
export const NOT_WORDS: readonly string[] = ["NOT", "НЕ"];
export const NEAR_WORD = "NEAR";
export const MAX_NEAR_DISTANCE = 1000;

export function isOperatorWord(word: string): boolean {
  return AND_WORDS.includes(word) || OR_WORDS.includes(word) || NOT_WORDS.includes(word) || word === NEAR_WORD || /^NEAR\//.test(word);
}

export function isLeaf(node: TQueryNode): node is TLeafNode {
  return node.type === "term" || node.type === "prefix" || node.type === "phrase";
}

/** How a leaf is named in highlights: as it would be written in a query. */
export function leafLabel(leaf: TLeafNode): string {
  if (leaf.type === "term") return leaf.value;
  if (leaf.type === "prefix") return `${leaf.value}*`;
  return `"${leaf.text}"`;
}
