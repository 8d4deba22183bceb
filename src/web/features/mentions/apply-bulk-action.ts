import type { TBulkAction, TMention } from "./types.ts";

/**
 * How a mention looks once a bulk action is applied, shown before the server confirms it. Mirrors
 * the server's rules (docs/API.md, bulk actions): a label set or confirmed becomes the
 * specialist's; a mention that stops being negative loses its type; only negatives take a type.
 * The reaction to a newly chosen type comes with the refetch that follows.
 */
export function applyBulkAction(mention: TMention, input: TBulkAction, now: Date = new Date()): TMention {
  const at = now.toISOString();
  switch (input.action) {
    case "set_sentiment":
      return {
        ...mention,
        sentiment: { label: input.sentiment, confidence: 1, origin: "specialist", at },
        negativeType: input.sentiment === "negative" ? mention.negativeType : null,
      };
    case "confirm_sentiment":
      return mention.sentiment ? { ...mention, sentiment: { ...mention.sentiment, confidence: 1, origin: "specialist", at } } : mention;
    case "set_negative_type": {
      if (mention.sentiment?.label !== "negative") return mention;
      const same = mention.negativeType?.type === input.negativeType;
      return {
        ...mention,
        negativeType: { type: input.negativeType, confidence: 1, origin: "specialist", reaction: same && mention.negativeType ? mention.negativeType.reaction : { en: "", ru: "" } },
      };
    }
    case "confirm_negative_type":
      return mention.sentiment?.label === "negative" && mention.negativeType
        ? { ...mention, negativeType: { ...mention.negativeType, confidence: 1, origin: "specialist" } }
        : mention;
    case "set_status":
      return { ...mention, status: input.status };
    case "add_tag":
      return mention.tags.includes(input.tag) ? mention : { ...mention, tags: [...mention.tags, input.tag] };
    case "remove_tag":
      return { ...mention, tags: mention.tags.filter((tag) => tag !== input.tag) };
  }
}

/**
 * Whether the action would change anything on this mention: a type needs a negative; a
 * confirmation needs a label that is not already the specialist's.
 */
export function appliesTo(mention: TMention, input: TBulkAction): boolean {
  switch (input.action) {
    case "confirm_sentiment":
      return mention.sentiment !== null && mention.sentiment.origin !== "specialist";
    case "set_negative_type":
      return mention.sentiment?.label === "negative";
    case "confirm_negative_type":
      return mention.sentiment?.label === "negative" && mention.negativeType !== null && mention.negativeType.origin !== "specialist";
    default:
      return true;
  }
}

/**
 * The review queue holds machine-labelled, relevant mentions: a specialist's sentiment (set or
 * confirmed) or "irrelevant" takes a mention off it. A type alone does not: its sentiment is
 * still the machine's.
 */
export function leavesReviewQueue(input: TBulkAction): boolean {
  return input.action === "set_sentiment" || input.action === "confirm_sentiment" || (input.action === "set_status" && input.status === "irrelevant");
}

/**
 * Where keyboard focus goes when some mentions leave a list: the first one after the focused
 * mention that stays, else the nearest one before it, else none.
 */
export function focusAfterRemoval(ids: readonly string[], removed: ReadonlySet<string>, focusedId: string | null): string | null {
  if (focusedId === null) return null;
  if (!removed.has(focusedId)) return focusedId;
  const index = ids.indexOf(focusedId);
  if (index === -1) return null;
  const after = ids.slice(index + 1).find((id) => !removed.has(id));
  if (after) return after;
  return [...ids.slice(0, index)].reverse().find((id) => !removed.has(id)) ?? null;
}
