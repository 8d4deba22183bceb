/**
 * A machine's confidence as a whole percentage, or null for a person's label (a specialist's,
 * or one from an imported file) and for a label given without one.
 */
export function machinePercent(label: { confidence: number | null; origin: string | null } | null): number | null {
  if (!label || label.origin === "specialist" || label.origin === "import" || label.confidence === null) return null;
  return Math.round(Math.min(1, Math.max(0, label.confidence)) * 100);
}

/** Aspects worth a chip: `other` only says nothing specific was found. */
export function shownAspects<T extends string>(aspects: readonly T[]): T[] {
  return aspects.filter((a) => a !== "other");
}
