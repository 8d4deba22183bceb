import { type TLeafNode, type TQueryNode, leafLabel } from "./query-ast.ts";
import { parseQuery } from "./query-parser.ts";
import { type TPhrasePattern, compilePhrase } from "./phrase-pattern.ts";
import { foldWord } from "./text-normalize.ts";
import { stemWord } from "./word-stem.ts";

/** The tree with leaves replaced by their index, evaluated once per text. */
export type TPlan =
  | { kind: "leaf"; leaf: number }
  | { kind: "not"; operand: TPlan }
  | { kind: "and" | "or"; operands: TPlan[] }
  | { kind: "near"; distance: number; left: TPlan; right: TPlan };

/**
 * A query prepared for matching many texts: every lookup a word may need is a map access.
 * Treat as opaque; build with `compileQuery`.
 */
export type TCompiledQuery = {
  readonly tree: TQueryNode;
  readonly plan: TPlan;
  /** Highlight label per leaf, as the leaf is written in a query. */
  readonly labels: readonly string[];
  /** Text word stem → term leaves (keys: each term's stem and its folded form). */
  readonly termsByStem: ReadonlyMap<string, readonly number[]>;
  /** Text word folded form → term leaves (key: each term's stem). */
  readonly termsByForm: ReadonlyMap<string, readonly number[]>;
  /**
   * First characters of `termsByStem` keys: a word starting otherwise need not be stemmed, since
   * snowball only rewrites endings and never the first letter (checked on random words).
   */
  readonly stemInitials: ReadonlySet<number>;
  readonly prefixes: readonly { leaf: number; prefix: string }[];
  /** First word of a phrase → phrase leaves starting with it. */
  readonly phrasesByFirst: ReadonlyMap<string, readonly number[]>;
  readonly phrases: ReadonlyMap<number, TPhrasePattern>;
};

/**
 * Parses (throwing `QuerySyntaxError`) when given text. A tree is trusted to be parser output:
 * one that could match through NOT alone never matches, as it has nothing to find.
 */
export function compileQuery(query: string | TQueryNode): TCompiledQuery {
  const tree = typeof query === "string" ? parseQuery(query) : query;
  const labels: string[] = [];
  const termsByStem = new Map<string, number[]>();
  const termsByForm = new Map<string, number[]>();
  const prefixes: { leaf: number; prefix: string }[] = [];
  const phrasesByFirst = new Map<string, number[]>();
  const phrases = new Map<number, TPhrasePattern>();

  const addLeaf = (node: TLeafNode): number => {
    const leaf = labels.length;
    labels.push(leafLabel(node));
    if (node.type === "term") {
      // Snowball over-stems some base forms (отзыв → отз, while отзывы → отзыв), so a word
      // also matches when its form equals the term's stem or its stem equals the term's form.
      const form = foldWord(node.value);
      const stem = stemWord(form);
      addTo(termsByStem, stem, leaf);
      addTo(termsByStem, form, leaf);
      addTo(termsByForm, stem, leaf);
    } else if (node.type === "prefix") {
      prefixes.push({ leaf, prefix: foldWord(node.value) });
    } else {
      const pattern = compilePhrase(node.text);
      phrases.set(leaf, pattern);
      addTo(phrasesByFirst, pattern.forms[0] ?? "", leaf);
    }
    return leaf;
  };

  const plan = (node: TQueryNode): TPlan => {
    switch (node.type) {
      case "term":
      case "prefix":
      case "phrase":
        return { kind: "leaf", leaf: addLeaf(node) };
      case "not":
        return { kind: "not", operand: plan(node.operand) };
      case "and":
      case "or":
        return { kind: node.type, operands: node.operands.map(plan) };
      case "near":
        return { kind: "near", distance: node.distance, left: plan(node.left), right: plan(node.right) };
    }
  };

  const root = plan(tree);
  const stemInitials = new Set([...termsByStem.keys()].map((key) => key.charCodeAt(0)));
  return { tree, plan: root, labels, termsByStem, termsByForm, stemInitials, prefixes, phrasesByFirst, phrases };
}

function addTo(map: Map<string, number[]>, key: string, leaf: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [leaf]);
  else if (!list.includes(leaf)) list.push(leaf);
}
