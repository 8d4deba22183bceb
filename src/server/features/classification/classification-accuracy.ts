import type { TExecutor } from "../../context.ts";
import type { TLabelField } from "../../db/schema/classification.ts";
import { type TAccuracyBucket, accuracyByWeek } from "./label-accuracy.ts";
import { verifiedLabels } from "./queries.ts";
import type { TSentimentLabel } from "./sentiment-model.ts";

/**
 * How right the machine has been for this brand, judged by its specialists: of the mentions a
 * person verified, how many kept the machine's label — per week (to see the per-brand
 * adjustment work), overall, and as a confusion matrix (machine → person).
 */
export async function classificationAccuracy(db: TExecutor, brandId: string, field: TLabelField, range: { from?: Date; to?: Date }) {
  const rows = await verifiedLabels(db, brandId, field, range);
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  for (const row of rows) {
    const machine = row.machine as string;
    (confusion[machine] ??= {})[row.value] = (confusion[machine]?.[row.value] ?? 0) + 1;
    if (machine === row.value) correct++;
  }
  // The weekly series counts agreement the same way for either field; the label type is only a name.
  const weeks: TAccuracyBucket[] = accuracyByWeek(
    rows.map((r) => ({ at: r.at, machineLabel: r.machine as TSentimentLabel, specialistLabel: r.value as TSentimentLabel })),
  );
  return { field, verified: rows.length, correct, accuracy: rows.length ? correct / rows.length : null, weeks, confusion };
}
