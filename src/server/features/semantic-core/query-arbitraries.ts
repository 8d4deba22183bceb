/** fast-check generators shared by the property tests of the query language (test-only). */
import fc from "fast-check";
import { type TLeafNode, type TQueryNode, isOperatorWord } from "./query-ast.ts";
import { hasWordChar } from "./text-normalize.ts";

const LETTERS = [..."абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБЁЖЯabcdefghijklmnopqrstuvwxyzABCXYZ0123456789éßİ𝒜"];
/** Non-word characters, including the query language's own specials, for phrases and gaps. */
const PUNCTUATION = [..." ,.;:!?-–'’\"\\()*/[]{}<>@#&+=_~`|😀👍"];

export const wordArb = fc
  .string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 8 })
  .filter((word) => !isOperatorWord(word));

export const gapArb = fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1, maxLength: 3 });

/** Phrase text as a user could write it between quotes: words joined by spaces or punctuation. */
export const phraseTextArb = fc
  .tuple(
    fc.option(gapArb, { nil: undefined }),
    fc.array(fc.tuple(wordArb, gapArb), { minLength: 0, maxLength: 3 }),
    wordArb,
    fc.option(gapArb, { nil: undefined }),
  )
  .map(([lead, pairs, last, trail]) => `${lead ?? ""}${pairs.map(([w, g]) => w + g).join("")}${last}${trail ?? ""}`)
  .filter(hasWordChar);

export const leafArb: fc.Arbitrary<TLeafNode> = fc.oneof(
  wordArb.map((value): TLeafNode => ({ type: "term", value })),
  wordArb.map((value): TLeafNode => ({ type: "prefix", value })),
  phraseTextArb.map((text): TLeafNode => ({ type: "phrase", text })),
);

const nary = (type: "and" | "or", operands: TQueryNode[]): TQueryNode => ({ type, operands });

/** Operands of NEAR: no NOT anywhere inside, which the parser rejects. */
function nearOperandArb(depth: number): fc.Arbitrary<TQueryNode> {
  if (depth <= 0) return leafArb;
  const inner = nearOperandArb(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leafArb },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 2, maxLength: 3 }).map((ops) => nary("or", ops)) },
    { weight: 1, arbitrary: fc.array(inner, { minLength: 2, maxLength: 3 }).map((ops) => nary("and", ops)) },
    { weight: 1, arbitrary: nearArb(inner) },
  );
}

function nearArb(operand: fc.Arbitrary<TQueryNode>): fc.Arbitrary<TQueryNode> {
  return fc
    .tuple(operand, fc.integer({ min: 1, max: 1000 }), operand)
    .map(([left, distance, right]): TQueryNode => ({ type: "near", distance, left, right }));
}

/** Trees the parser accepts: every match must come from a positive term, so NOT is never all there is. */
export function positiveTreeArb(depth: number): fc.Arbitrary<TQueryNode> {
  if (depth <= 0) return leafArb;
  const positive = positiveTreeArb(depth - 1);
  const anyNode = fc.oneof(positive, positive.map((operand): TQueryNode => ({ type: "not", operand })));
  return fc.oneof(
    { weight: 3, arbitrary: leafArb },
    { weight: 1, arbitrary: fc.array(positive, { minLength: 2, maxLength: 3 }).map((ops) => nary("or", ops)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(positive, fc.array(anyNode, { minLength: 1, maxLength: 3 }), fc.nat())
        .map(([one, others, at]) => nary("and", others.toSpliced(at % (others.length + 1), 0, one))),
    },
    { weight: 1, arbitrary: nearArb(nearOperandArb(depth - 1)) },
    { weight: 1, arbitrary: positive.map((operand): TQueryNode => ({ type: "and", operands: [operand, { type: "not", operand }] })) },
  );
}
